"""Messages of a session: its root message, each phase's prompt, its status."""

from __future__ import annotations

from ...domain import Mode as SessionMode
from ...domain import Phase, time_box
from ...domain.session import Status
from ...i18n import t
from ...services.read_models import SessionView
from ..ids import ActionId, BlockId
from ..text import escape
from .attendance import prompt_buttons, root_buttons
from .coaching import counts_line, coverage_line, phase_pending, status_lines
from .content_buttons import phase_buttons
from .kit import actions, button, context, header, payload, section, slack_time, user, users
from .meetings import case_suffix
from .scribe import scribe_button, scribe_line


def phase_name(lang: str, phase: int) -> str:
    return t(lang, f"phase.{Phase(phase).key}.name")


def _progress(view: SessionView) -> str:
    marks = []
    for phase in view.phases:
        if view.status == Status.RUNNING and view.phase is not None:
            mark = "✅" if phase < view.phase else ("▶️" if phase == view.phase else "▫️")
        else:
            mark = "✅" if view.status == Status.DONE else "▫️"
        marks.append(f"{mark} {phase} {phase_name(view.lang, phase)}")
    return "\n".join(marks)


def _howto(key: str, view: SessionView) -> str:
    """What to do in the phase; a strict exploration has the client only listen."""
    strict = key == "exploration" and view.strict_exploration
    return f"phase.{key}.howto" + ("_strict" if strict else "")


def _time_line(view: SessionView) -> str:
    lang = view.lang
    if view.phase is None or view.deadline is None:
        return ""
    if view.mode == SessionMode.LIVE:
        minutes = view.minutes or int(
            time_box(Phase(view.phase), SessionMode.LIVE).total_seconds() // 60
        )
        return t(
            lang,
            "session.time_box_live",
            minutes=minutes,
            deadline=slack_time(view.deadline, view.tz, lang, with_day=False),
        )
    deadline = slack_time(view.deadline, view.tz, lang)
    return t(lang, "session.deadline_async", deadline=deadline)


def _ratings_line(view: SessionView) -> str:
    """In phase 6, how many have rated and who is still to (names, never ratings)."""
    if view.phase != Phase.LEARNING or "not_rated" not in view.pending:
        return ""
    everyone = list(dict.fromkeys([view.client_id, *view.consultants, view.facilitator_id]))
    waiting = view.pending["not_rated"]
    if not waiting:
        return t(view.lang, "session.root.all_rated", total=len(everyone))
    rated = len(everyone) - len(waiting)
    return t(
        view.lang, "session.root.rated", count=rated, total=len(everyone), people=users(waiting)
    )


def _charter_line(view: SessionView) -> str:
    """The charter recalled in the root: the group's own text (its start), else the default."""
    if not view.charter:
        return t(view.lang, "session.root.charter_recall")
    words = " ".join(view.charter.split())
    start = words if len(words) <= 200 else words[:199] + "…"
    return t(view.lang, "session.root.charter_own", text=escape(start))


def session_root(view: SessionView):
    lang = view.lang
    title = fallback = t(
        lang, "session.root.title", number=view.number, group=escape(view.group_name)
    ) + case_suffix(lang, view.case_number, view.cases)
    blocks = [
        header(title),
        section(
            t(
                lang,
                "session.root.people",
                client=user(view.client_id),
                facilitator=user(view.facilitator_id),
                consultants=users(view.consultants),
            )
        ),
        section(_progress(view)),
    ]
    if view.status == Status.RUNNING:
        if line := video_line(lang, view.video_url):
            blocks.append(context(line))
        blocks.append(context(scribe_line(view)))
        blocks.append(context(_charter_line(view)))
        if line := _time_line(view):
            blocks.append(context(line))
        if line := _ratings_line(view):
            blocks.append(context(line))
        if line := coverage_line(view, lang, exact=False):
            blocks.append(context(line))
        blocks.append(
            actions(
                next_phase_button(lang, view, style="primary"),
                button(t(lang, "button.status"), ActionId.STATUS, str(view.id)),
                scribe_button(view),
                *root_buttons(view),
                block_id=BlockId.SESSION_ACTIONS,
            )
        )
        state = t(lang, "session.root.now", phase=phase_name(lang, view.phase))
    else:
        state = t(lang, f"session.root.{view.status}")
        blocks.append(context(state))
        if extra := root_buttons(view):  # the facilitator may still correct attendance
            blocks.append(actions(*extra, block_id=BlockId.SESSION_ACTIONS))
    return payload(f"{fallback} — {state}", blocks)


def phase_prompt(view: SessionView):
    lang, key = view.lang, Phase(view.phase).key
    title = t(lang, "session.prompt.title", number=view.phase, phase=phase_name(lang, view.phase))
    blocks = [
        header(title),
        section(t(lang, _howto(key, view), client=user(view.client_id))),
        context(t(lang, f"phase.{key}.who", client=user(view.client_id))),
    ]
    if line := _time_line(view):
        blocks.append(context(line))
    if view.phase == Phase.LEARNING and (line := counts_line(view, lang)):
        blocks.append(context(line))  # the régulation looks back at the method
    blocks.append(
        actions(
            *phase_buttons(lang, view),
            *prompt_buttons(view),
            next_phase_button(lang, view),
            block_id=BlockId.SESSION_ACTIONS,
        )
    )
    return payload(title, blocks)


def video_line(lang: str, url: str | None) -> str | None:
    """The group's video link as a Slack link (checked when saved; escaped here)."""
    return t(lang, "video.join", url=escape(url)) if url else None


def session_status(view: SessionView, lang: str):
    lines = [
        t(lang, "status.phase", number=view.number, phase=phase_name(lang, view.phase))
        + case_suffix(lang, view.case_number, view.cases),
    ]
    if line := _time_line(view):
        lines.append(line)
    pending = phase_pending(view)
    if pending.get("unanswered"):
        numbers = ", ".join(f"Q{n}" for n in pending["unanswered"])
        lines.append(t(lang, "status.unanswered", questions=numbers))
    if pending.get("no_contract"):
        lines.append(t(lang, "status.no_contract"))
    if pending.get("unconfirmed"):
        lines.append(t(lang, "status.unconfirmed", people=users(pending["unconfirmed"])))
    if pending.get("not_rated"):
        lines.append(t(lang, "status.not_rated", people=users(pending["not_rated"])))
    if len(lines) == 1 or (len(lines) == 2 and view.deadline is not None and not pending):
        lines.append(t(lang, "status.nothing_pending"))
    lines += status_lines(view, lang)
    lines.append(scribe_line(view, lang))
    if view.peer_run:  # the role rotates: say who holds it in this session
        lines.append(t(lang, "peer_run.status", facilitator=user(view.facilitator_id)))
    if line := video_line(lang, view.video_url):
        lines.append(line)
    text = "\n".join(lines)
    return payload(text, [section(text)])


def next_phase_button(lang: str, view: SessionView, style: str | None = None):
    """*Next phase*, carrying the phase it leaves so a second click does not skip one."""
    return button(
        t(lang, "button.next_phase"), ActionId.NEXT_PHASE, f"{view.id}:{view.phase}", style=style
    )


def end_confirmation(view: SessionView, lang: str):
    text = t(lang, "end.confirm", number=view.number)
    return payload(
        text,
        [
            section(text),
            actions(
                button(
                    t(lang, "button.end_confirm"),
                    ActionId.END_CONFIRM,
                    f"{view.id}:{view.version}",
                    style="danger",
                ),
                button(t(lang, "button.cancel"), ActionId.END_CANCEL, str(view.id)),
            ),
        ],
    )
