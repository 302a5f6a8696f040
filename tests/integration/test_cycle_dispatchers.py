"""Two dispatcher processes on one PostgreSQL database deliver 1,000 due reminders,
each exactly once (rows are claimed with FOR UPDATE SKIP LOCKED)."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from bot.emulator import Emulator
from bot.persistence.engine import make_engine
from bot.persistence.uow import unit_of_work_factory
from bot.services.context import Context
from bot.services.effects import Effect, EffectKind, Payload
from bot.slack.render import SlackRenderer

USERS = [f"U0R{i:03d}" for i in range(100)]
PER_USER = 10


def test_two_dispatcher_processes_deliver_a_thousand_reminders_exactly_once(database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("several dispatcher processes need PostgreSQL")
    emulator = Emulator(team_id="T0DISP")
    emulator.start()
    try:
        for user in USERS:
            emulator.add_user(user, user.lower())
        engine = make_engine(database_url)
        now = datetime.now(UTC)
        ctx = Context(unit_of_work_factory(engine), lambda: now, SlackRenderer(), "en")
        with ctx.uow_factory() as uow:
            for n in range(PER_USER):
                for user in USERS:
                    effect = Effect(
                        EffectKind.DM,
                        Payload(text=f"reminder {user} #{n}"),
                        f"remind:test:{user}:{n}",
                        user_id=user,
                        due_at=now - timedelta(seconds=30),
                        session_id=1,
                    )
                    uow.outbox.add(effect, now - timedelta(minutes=5))
            uow.commit()
        engine.dispose()

        command = [sys.executable, "-m", "tests.support.dispatcher_process"]
        args = [database_url, emulator.api_url, emulator.bot_token]
        workers = [
            subprocess.Popen([*command, *args], stdout=subprocess.PIPE, text=True) for _ in range(2)
        ]
        counts = [int(w.communicate(timeout=300)[0].strip()) for w in workers]
        assert all(w.returncode == 0 for w in workers)

        texts = Counter(m.text for user in USERS for m in emulator.dms(user))
        assert sum(texts.values()) == len(USERS) * PER_USER
        assert set(texts.values()) == {1}
        assert sum(counts) == len(USERS) * PER_USER
        assert min(counts) > 0, counts  # both processes took part
        for user in USERS:  # each member's reminders arrive in the order queued
            assert [m.text for m in emulator.dms(user)] == [
                f"reminder {user} #{n}" for n in range(PER_USER)
            ]
        assert emulator.rejected() == []
    finally:
        emulator.stop()
