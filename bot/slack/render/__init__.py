"""Block Kit builders: every message and view the app shows, built from slack_sdk models."""

from __future__ import annotations

from . import (
    coaching,
    content,
    cycle,
    formats,
    group,
    harvest,
    meetings,
    nudges,
    record,
    reports,
    scribe,
    session,
    settings,
    summary,
)
from . import home as home_tab
from .attendance import journal_markdown, regulation_markdown
from .attestation import attestation as attestation_document
from .outcomes import (
    objectives_invitation,
    outcomes_chart,
    outcomes_markdown,
    questionnaire_invitation,
)


class SlackRenderer:
    """The services' renderer port: names map to the builder functions."""

    group_ready = staticmethod(group.group_ready)
    members_added = staticmethod(group.members_added)
    settings_saved = staticmethod(settings.settings_saved)
    notice = staticmethod(group.notice)
    coaching_hint = staticmethod(coaching.coaching_hint)
    root_not_posted = staticmethod(group.root_not_posted)
    cycle_planned = staticmethod(cycle.cycle_planned)
    session_reminder = staticmethod(cycle.session_reminder)
    client_prep = staticmethod(cycle.client_prep)
    client_suggestion = staticmethod(cycle.client_suggestion)
    calendar_event_title = staticmethod(cycle.calendar_event_title)
    calendar_file = staticmethod(cycle.calendar_file)
    unreachable_member = staticmethod(cycle.unreachable_member)
    client_chosen = staticmethod(cycle.client_chosen)
    charter_prompt = staticmethod(cycle.charter_prompt)
    charter_changed = staticmethod(cycle.charter_changed)
    default_charter = staticmethod(cycle.default_charter)
    cycle_closed = staticmethod(nudges.cycle_closed)
    phase_nudge = staticmethod(nudges.phase_nudge)
    item_due = staticmethod(nudges.item_due)
    items_recap = staticmethod(nudges.items_recap)
    session_root = staticmethod(session.session_root)
    phase_prompt = staticmethod(session.phase_prompt)
    session_summary = staticmethod(summary.session_summary)
    client_record = staticmethod(record.client_record)
    reaction = staticmethod(content.reaction)
    question_board = staticmethod(content.question_board)
    answer_choice = staticmethod(content.answer_choice)
    contract_card = staticmethod(content.contract_card)
    reformulation_invite = staticmethod(content.reformulation_invite)
    harvest_board = staticmethod(harvest.harvest_board)
    action_plan = staticmethod(harvest.action_plan)
    follow_up_board = staticmethod(harvest.follow_up_board)
    time_notice = staticmethod(harvest.time_notice)
    home_view = staticmethod(home_tab.home_view)
    assessment = staticmethod(reports.assessment)
    assessment_chart = staticmethod(reports.assessment_chart)
    cycle_markdown = staticmethod(reports.cycle_markdown)
    export_ready = staticmethod(reports.export_ready)
    export_failed = staticmethod(reports.export_failed)
    my_data_ready = staticmethod(reports.my_data_ready)
    forget_done = staticmethod(reports.forget_done)
    case_vote = staticmethod(formats.case_vote)
    case_choice = staticmethod(formats.case_choice)
    small_group_warning = staticmethod(formats.small_group_warning)
    started_notice = staticmethod(meetings.started_notice)
    who_facilitates = staticmethod(meetings.who_facilitates)
    session_status = staticmethod(session.session_status)
    next_case_offer = staticmethod(meetings.next_case_offer)
    auto_advanced = staticmethod(formats.auto_advanced)
    scribe_named = staticmethod(scribe.scribe_named)
    scribe_recorded = staticmethod(scribe.scribe_recorded)
    attestation = staticmethod(attestation_document)
    journal_markdown = staticmethod(journal_markdown)
    regulation_markdown = staticmethod(regulation_markdown)
    objectives_invitation = staticmethod(objectives_invitation)
    questionnaire_invitation = staticmethod(questionnaire_invitation)
    outcomes_markdown = staticmethod(outcomes_markdown)
    outcomes_chart = staticmethod(outcomes_chart)
