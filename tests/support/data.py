"""Steps for the home, assessment, export and data-protection tests: sessions that
were held, with what their members wrote stored as the phases store it."""

from __future__ import annotations

from datetime import date, timedelta

from bot.persistence.models import EvaluationRow

from .flows import start_session
from .stack import CHANNEL, EPOCH

# A day after every test world begins (the stack's clock starts at EPOCH), so the group
# and its members exist before the sessions they hold.
START = EPOCH + timedelta(days=1)


def uow(stack):
    return stack.services.ctx.uow_factory()


def group_row(u):
    from .stack import TEAM

    return u.groups.by_channel(TEAM, CHANNEL)


def hold_session(
    stack,
    client,
    at=START,
    minutes=120,
    items=(),
    learnings=(),
    evaluations=(),
    absent=(),
    finish=True,
):
    """Start a session with the command, store its content, and finish it."""
    stack.clock.now = at
    answer = start_session(stack, f"start <@{client}|client>")  # a small group: confirmed
    assert answer.status == 200, answer.body
    with uow(stack) as u:
        group = group_row(u)
        row = u.sessions.running(group.id)
        assert row is not None, answer.body
        row.consultants = [c for c in row.consultants if c not in absent]
        if items:
            u.content.replace_action_items(row.id, client, list(items), at)
        for author, text in learnings:
            u.content.add_learning(row.id, 6, author, text, None, at)
        for user_id, rating, texts in evaluations:
            appreciation, expectations, learned, applications = texts
            u.content.add(
                EvaluationRow(
                    session_id=row.id,
                    user_id=user_id,
                    rating=rating,
                    appreciation=appreciation,
                    expectations=expectations,
                    learnings=learned,
                    applications=applications,
                    created_at=at,
                )
            )
        if finish:
            row.status, row.phase = "done", None
            row.ended_at = at + timedelta(minutes=minutes)
        session_id = row.id
        u.commit()
    stack.clock.now = at + timedelta(minutes=minutes + 1)
    return session_id


def item(text, days=14):
    return (text, (START + timedelta(days=days)).date())


def set_item_status(stack, session_id, status):
    with uow(stack) as u:
        for row in u.content.action_items(session_id):
            row.status = status
        u.commit()


__all__ = ["START", "date", "hold_session", "item", "set_item_status", "uow"]
