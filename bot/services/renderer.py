"""The renderer port: every message and view the services ask for, by name.

Services say what happened (read models, keys, ids) and get a `Payload` back; the
Block Kit itself is built in `bot/slack/render` (`SlackRenderer`). Listing the
methods here, rather than accepting any name, lets a typo or a changed signature
fail in a type check and in `tests/unit/services/test_ports.py`, not in a request.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from .effects import Payload

if TYPE_CHECKING:  # read models of the services that import this port
    from .assessment import Assessment
    from .case_choice import CaseChoice, CaseOption
    from .charter import CharterView
    from .group_settings import GroupSettings
    from .groups import GroupInfo, MembersChange
    from .home import HomeView
    from .meetings import NextCase
    from .outcomes import OutcomesReport
    from .read_models import SessionView
    from .schedule import CycleView
    from .summary import SessionSummary


@runtime_checkable
class Renderer(Protocol):
    """Turns what happened into Slack messages (Block Kit lives in `bot/slack`)."""

    # --- groups, settings, notices
    def group_ready(self, info: GroupInfo, created: bool) -> Payload: ...
    def members_added(self, change: MembersChange) -> Payload: ...
    def settings_saved(self, saved: GroupSettings) -> Payload: ...
    def notice(self, lang: str, key: str, **params: Any) -> Payload: ...
    def root_not_posted(self, lang: str, name: str, channel_id: str, error: str) -> Payload: ...
    def unreachable_member(self, lang: str, user_id: str, group_name: str) -> Payload: ...

    # --- the cycle: planning, reminders, the client's choice, the charter
    def cycle_planned(self, view: CycleView, added: int) -> Payload: ...
    def session_reminder(
        self,
        lang: str,
        group_name: str,
        number: int,
        starts_at: datetime,
        minutes_before: int,
        tz: str,
        video_url: str | None = None,
        cases: int = 1,
    ) -> Payload: ...
    def client_prep(
        self,
        lang: str,
        group_name: str,
        number: int,
        starts_at: datetime,
        topics: Sequence[str],
        tz: str = "UTC",
    ) -> Payload: ...
    def client_suggestion(
        self,
        lang: str,
        group_name: str,
        number: int,
        starts_at: datetime,
        order: Sequence[str],
        absent: Sequence[str],
        topics: Sequence[tuple[str, str]],
        tz: str = "UTC",
        channel_id: str | None = None,
    ) -> Payload: ...
    def client_chosen(self, lang: str, number: int, client_id: str) -> Payload: ...
    def calendar_event_title(self, lang: str, number: int, group: str, cases: int = 1) -> str: ...
    def calendar_file(self, lang: str, view: CycleView, content: str) -> Payload: ...
    def charter_prompt(self, view: CharterView, held_reply: bool) -> Payload: ...
    def charter_changed(self, view: CharterView) -> Payload: ...
    def default_charter(self, lang: str) -> str: ...
    def cycle_closed(self, view: CycleView, dropped: int, never_client: list[str]) -> Payload: ...
    def case_vote(
        self,
        lang: str,
        options: Sequence[CaseOption],
        ref: str,
        chosen_author: str | None = None,
    ) -> Payload: ...
    def case_choice(self, lang: str, choice: CaseChoice) -> Payload: ...
    def small_group_warning(
        self,
        lang: str,
        consultants: int,
        client_id: str,
        topic_id: int | None,
        facilitator: str | None = None,
    ) -> Payload: ...
    def started_notice(self, lang: str, view: SessionView) -> Payload: ...
    def who_facilitates(
        self, lang: str, client_id: str, suggested: str | None, topic_id: int | None
    ) -> Payload: ...
    def session_status(self, view: SessionView, lang: str) -> Payload: ...

    def next_case_offer(self, offer: NextCase) -> Payload: ...

    # --- nudges
    def phase_nudge(
        self,
        lang: str,
        kind: str,
        group_name: str,
        number: int,
        channel_id: str,
        deadline: datetime,
        waiting: int = 0,
        tz: str = "UTC",
    ) -> Payload: ...
    def item_due(self, lang: str, group_name: str, number: int, item_text: str) -> Payload: ...
    def items_recap(
        self, lang: str, group_name: str, number: int, starts_at: datetime, items: Any, tz: str
    ) -> Payload: ...
    def coaching_hint(
        self, lang: str, slip: str, session_id: int, number: int | None = None
    ) -> Payload: ...

    # --- a session's thread
    def session_root(self, view: SessionView) -> Payload: ...
    def phase_prompt(self, view: SessionView) -> Payload: ...
    def auto_advanced(self, lang: str, left: int, phase: int | None) -> Payload: ...
    def time_notice(self, lang: str, phase: int, when: str, minutes: int) -> Payload: ...
    def reaction(self, name: str, ts: str) -> Payload: ...
    def question_board(
        self,
        lang: str,
        session_id: int,
        items: Sequence[tuple[int, str, str, list[str]]],
        client_id: str,
        hands: Sequence[tuple[str, str]] = (),
    ) -> Payload: ...
    def answer_choice(
        self,
        lang: str,
        session_id: int,
        note_id: int,
        text: str,
        choices: Sequence[tuple[int, str]],
        missing: Any = None,
    ) -> Payload: ...
    def contract_card(
        self,
        lang: str,
        session_id: int,
        request: str,
        help_kinds: Sequence[str],
        revision: int,
        confirmed: Sequence[str] = (),
        reword: Sequence[str] = (),
        consultants: Sequence[str] = (),
        offers: Sequence[tuple[int, str, str]] = (),
    ) -> Payload: ...
    def reformulation_invite(
        self, lang: str, client_id: str, asked_by: Sequence[str]
    ) -> Payload: ...
    def harvest_board(
        self,
        lang: str,
        session_id: int,
        number: int,
        items: Sequence[tuple[int, int, str, str, str, str | None]],
    ) -> Payload: ...
    def action_plan(self, lang: str, items: Any) -> Payload: ...
    def follow_up_board(self, lang: str, session_id: int, sections: Any) -> Payload: ...
    def scribe_named(self, lang: str, number: int) -> Payload: ...
    def scribe_recorded(
        self, lang: str, kind: str, detail: str, who: str, number: int | None
    ) -> Payload: ...
    def session_summary(self, summary: SessionSummary) -> Payload: ...
    def client_record(self, summary: SessionSummary, lang: str) -> list[Payload]: ...

    # --- the home tab, reports, exports, personal data
    def home_view(self, view: HomeView) -> Payload: ...
    def assessment(self, a: Assessment) -> Payload: ...
    def assessment_chart(self, a: Assessment) -> Payload: ...
    def cycle_markdown(self, a: Assessment) -> Payload: ...
    def export_ready(self, lang: str, group_name: str, counts: dict[str, int]) -> Payload: ...
    def export_failed(self, lang: str, name: str) -> Payload: ...
    def my_data_ready(self, lang: str) -> Payload: ...
    def forget_done(self, lang: str) -> Payload: ...
    def attestation(
        self,
        lang: str,
        name: str,
        group: str,
        facilitator: str,
        sessions: Any,
        hours_engaged: float,
        issued: date,
    ) -> bytes: ...
    def journal_markdown(self, lang: str, group_name: str, entries: Any) -> str: ...
    def regulation_markdown(self, lang: str, rows: list[list]) -> str: ...
    def objectives_invitation(self, lang: str, group_name: str, group_id: int) -> Payload: ...
    def questionnaire_invitation(
        self, lang: str, group_name: str, group_id: int, wave: str
    ) -> Payload: ...
    def outcomes_markdown(self, report: OutcomesReport, names: dict[str, str]) -> str: ...
    def outcomes_chart(self, report: OutcomesReport) -> bytes: ...
