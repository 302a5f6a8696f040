"""The services of the cycle on a real database, with a sender that records what it
sends and when (the time is whatever freezegun says), for walks through a cycle."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.persistence.engine import make_engine
from bot.persistence.inbox import SqlInbox
from bot.persistence.uow import unit_of_work_factory
from bot.services.container import DeliveryOptions, Services
from bot.services.context import Context
from bot.services.groups import SetupForm
from bot.services.ports import Directory, LookupLater
from bot.services.schedule import ScheduleForm
from bot.slack.render import SlackRenderer

TEAM, CHANNEL, FACILITATOR = "T0CYCLE", "C0CYCLE", "U0FACIL"
PEERS = ["U0PEER1", "U0PEER2", "U0PEER3"]


def wall_clock() -> datetime:
    return datetime.now(UTC)  # freezegun moves it


@dataclass
class Sent:
    at: datetime
    kind: str
    to: str
    text: str
    blocks: str = ""


@dataclass
class RecordingSender:
    sent: list[Sent] = field(default_factory=list)

    def _record(self, kind, to, payload):
        blocks = str(payload.get("blocks", ""))
        self.sent.append(Sent(wall_clock(), kind, to, payload.get("text", ""), blocks))
        return to, f"{len(self.sent)}.000100"

    def post(self, channel, payload, thread_ts):
        return self._record("post", channel, payload)

    def update(self, channel, ts, payload):
        self._record("update", channel, payload)

    def ephemeral(self, channel, user_id, payload, thread_ts):
        self._record("ephemeral", user_id, payload)

    def dm(self, user_id, payload):
        return self._record("dm", user_id, payload)

    def publish(self, user_id, view):
        self._record("publish", user_id, view)

    def react(self, channel, name, timestamp):
        pass

    def upload(self, channel, user_id, payload):
        self._record("upload", user_id, payload)

    def dms(self) -> list[Sent]:
        return [s for s in self.sent if s.kind == "dm"]


class FakeDirectory(Directory):
    """Slack's users.info as a dict; `faults` make it fail for a person."""

    def __init__(self, locales: dict[str, str]):
        self.locales = dict(locales)
        self.faults: dict[str, LookupLater] = {}
        self.asked: list[tuple[str | None, str]] = []

    def locale(self, team_id, user_id):
        self.asked.append((team_id, user_id))
        if user_id in self.faults:
            raise self.faults.pop(user_id)
        return self.locales.get(user_id)


class CycleWorld:
    def __init__(self, database_url: str, lang: str = "fr", grace_seconds: float = 3600):
        self.engine = make_engine(database_url)
        self.ctx = Context(unit_of_work_factory(self.engine), wall_clock, SlackRenderer(), lang)
        self.sender = RecordingSender()
        self.directory = FakeDirectory({})
        self.services = Services.build(
            self.ctx,
            self.sender,
            self.directory,
            DeliveryOptions(pace_seconds=0, grace_seconds=grace_seconds),
            inbox_store=SqlInbox(self.engine),
        )
        self.delivery = self.services.delivery

    def setup(self, lang="fr", tz="Europe/Paris", peers=PEERS):
        form = SetupForm("Cercle", lang, tz, "live", FACILITATOR)
        self.services.groups.setup(TEAM, CHANNEL, FACILITATOR, form)
        self.services.groups.add_members(TEAM, CHANNEL, FACILITATOR, list(peers))
        for peer in peers:
            self.services.charter.accept(TEAM, CHANNEL, peer)

    def set_lang(self, user_id: str, lang: str) -> None:
        with self.ctx.uow_factory() as uow:
            uow.prefs.set_lang(user_id, lang, wall_clock())
            uow.commit()

    def plan(self, **values):
        fields = {
            "first_date": "2027-03-12",
            "first_time": "18:00",
            "cadence": "w1",
            "duration": "90",
            "count": "8",
            "hours_engaged": "35",
            "reminders": "1440, 60",
        } | values
        return self.services.schedule.plan(TEAM, CHANNEL, FACILITATOR, ScheduleForm(**fields))

    def run_jobs(self) -> None:
        self.services.cycle_jobs.suggest_clients()
        self.services.cycle_jobs.sync_reminders()
        self.delivery.drain()

    def close(self) -> None:
        self.engine.dispose()
