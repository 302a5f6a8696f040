"""`codev demo`: a whole session against the local Slack emulator, printed as Slack shows it.

Nothing reaches slack.com and no token is needed: the emulator plays Slack, a
scripted group of one facilitator and eight peers plays the people, and the
real app (Bolt over HTTP, signed requests, the outbox) does the rest on a
throwaway SQLite database.
"""

from __future__ import annotations

import logging
import tempfile
import threading
from pathlib import Path

from .bootstrap import build_runtime
from .config import Settings
from .emulator import Driver, Emulator
from .persistence.migrate import upgrade

SECRET = "demo-signing-secret"
CHANNEL = "C0DEMO"
FACILITATOR = ("U0ANNE", "anne", "Anne (animatrice)")
PEERS = [
    ("U0BRUNO", "bruno", "Bruno"),
    ("U0CHLOE", "chloe", "Chloé"),
    ("U0DAVID", "david", "David"),
    ("U0EMMA", "emma", "Emma"),
    ("U0FARID", "farid", "Farid"),
    ("U0GAEL", "gael", "Gaël"),
    ("U0HUGO", "hugo", "Hugo"),
    ("U0INES", "ines", "Inès"),
]
SCRIPT = {
    "fr": {
        "name": "Managers Lyon",
        "expose": "Mon équipe de 12 personnes vit mal la réorganisation annoncée : deux départs "
        "en un mois et des réunions tendues. Je ne sais pas par où commencer.",
        "questions": [
            "Qu'est-ce qui a été annoncé exactement, et par qui ?",
            "Comment réagit ton propre manager ?",
            "Qu'as-tu déjà essayé ?",
        ],
        "answers": [
            "Q1 Une fusion de deux services, annoncée par la direction par mail.",
            "Q2 Il me soutient mais n'a pas plus d'informations.",
            "Q3 Une réunion d'équipe, qui a tourné au règlement de comptes.",
        ],
        "contract": "Aidez-moi à construire un plan pour rétablir la confiance dans l'équipe "
        "pendant les trois prochains mois.",
        "contributions": [
            "J'ai l'impression que l'équipe manque surtout d'informations.",
            "Idée : des entretiens individuels de 20 minutes cette semaine.",
            "J'ai vécu la même chose : un point hebdomadaire fixe a aidé.",
            "Ressource : le livre « Les 5 dysfonctionnements d'une équipe ».",
        ],
        "synthesis": "Je retiens les entretiens individuels et le point hebdomadaire.",
        "plan": "Entretiens individuels de 20 minutes avec chacun — 2026-12-11\n"
        "Point d'équipe hebdomadaire fixe, le lundi — 2026-12-14",
        "appreciation": "L'écoute du groupe.",
        "learnings": [
            "J'apprends qu'on peut rassurer sans avoir toutes les réponses.",
            "Poser une question ouverte m'a plus appris qu'une solution.",
            "Je vais essayer le point hebdomadaire avec ma propre équipe.",
            "Écouter sans répondre est plus difficile que prévu.",
        ],
    },
    "en": {
        "name": "Managers Lyon",
        "expose": "My team of 12 is struggling with the announced reorganisation: two people "
        "left in a month and meetings are tense. I do not know where to start.",
        "questions": [
            "What exactly was announced, and by whom?",
            "How does your own manager react?",
            "What have you tried already?",
        ],
        "answers": [
            "Q1 A merger of two departments, announced by email by management.",
            "Q2 Supportive, but with no more information than me.",
            "Q3 A team meeting, which turned into settling scores.",
        ],
        "contract": "Help me to build a plan to restore trust in the team over the next three "
        "months.",
        "contributions": [
            "My impression is that the team mostly lacks information.",
            "Idea: 20-minute one-to-ones this week.",
            "I lived the same thing: a fixed weekly meeting helped.",
            "Resource: the book 'The Five Dysfunctions of a Team'.",
        ],
        "synthesis": "I keep the one-to-ones and the weekly meeting.",
        "plan": "20-minute one-to-ones with everyone — 2026-12-11\n"
        "A fixed weekly team meeting on Mondays — 2026-12-14",
        "appreciation": "How the group listened.",
        "learnings": [
            "I learn that one can reassure without having every answer.",
            "Asking an open question taught me more than offering a solution.",
            "I will try the weekly meeting with my own team.",
            "Listening without answering is harder than I thought.",
        ],
    },
}


class DemoRun:
    """The emulator, the app over HTTP, and the scripted people."""

    def __init__(self, workdir: Path, lang: str, mode: str):
        self.lang, self.mode = lang, mode
        self.emulator = Emulator(team_id="T0DEMO", signing_secret=SECRET)
        self.emulator.start()
        tz = "Europe/Paris"
        for user_id, name, real in [FACILITATOR, *PEERS]:
            self.emulator.add_user(user_id, name, real_name=real, locale=f"{lang}-FR", tz=tz)
        people = [FACILITATOR[0]] + [p[0] for p in PEERS]
        self.emulator.add_channel(CHANNEL, "codev-managers", is_private=True, members=people)
        database_url = f"sqlite:///{workdir / 'codev-demo.db'}"
        upgrade(database_url)
        settings = Settings(
            slack_bot_token=self.emulator.bot_token,
            slack_signing_secret=SECRET,
            slack_api_url=self.emulator.api_url,
            database_url=database_url,
            codev_default_lang=lang,
            codev_channel_pace_seconds=0,
            _env_file=None,
        )
        from .serve import make_http_server

        self.runtime = build_runtime(settings)
        self.server = make_http_server(self.runtime, "127.0.0.1", 0)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{self.server.server_address[1]}/slack/events"
        self.driver = Driver(app_url=url, emulator=self.emulator, signing_secret=SECRET)
        self.driver.settle = self.runtime.settle  # each step shows what it did, applied

    def deliver(self) -> None:
        self.runtime.services.delivery.drain()

    def command(self, user: str, text: str) -> None:
        self.driver.command(user, CHANNEL, text)
        self.deliver()

    def reply(self, user: str, text: str) -> None:
        self.driver.message(user, CHANNEL, text, thread_ts=self.root_ts)
        self.deliver()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.runtime.stop()
        self.emulator.stop()

    def play(self) -> None:
        words = SCRIPT[self.lang]
        facilitator = FACILITATOR[0]
        client, consultants = PEERS[0][0], [p[0] for p in PEERS[1:]]
        self.driver.command(facilitator, CHANNEL, "setup")
        view_id = list(self.emulator.views)[-1]
        self.driver.submit_view(
            facilitator,
            view_id,
            {
                "name": words["name"],
                "lang": self.lang,
                "tz": "Europe/Paris",
                "mode": self.mode,
                "facilitator": facilitator,
            },
        )
        mentions = " ".join(f"<@{user_id}|{name}>" for user_id, name, _ in PEERS)
        self.command(facilitator, f"members add {mentions}")
        for user_id, _, _ in PEERS:
            self.accept_charter(user_id)
        self.command(facilitator, f"start <@{client}|{PEERS[0][1]}>")
        self.root_ts = self._root_ts()
        self.reply(client, words["expose"])
        self.command(facilitator, "next")
        for consultant, question in zip(consultants, words["questions"], strict=False):
            self.reply(consultant, question)
        for answer in words["answers"]:
            self.reply(client, answer)
        self.command(facilitator, "next")
        self.driver.command(client, CHANNEL, f"contract {words['contract']}")
        self.submit(client, {"help_kinds": ["ideas", "experience", "resources"]})
        for consultant in consultants:
            self.click(consultant, "codev_confirm_contract")
        self.command(facilitator, "next")
        for consultant, idea in zip(consultants, words["contributions"], strict=False):
            self.reply(consultant, idea)
        self.sort_harvest(client, ("keep", "park", "keep", "drop"))
        self.command(facilitator, "next")
        self.reply(client, words["synthesis"])
        self.click(client, "codev_write_action_plan")
        self.submit(client, {"actions_text": words["plan"]})
        self.command(facilitator, "next")
        for person, learning in zip([client, *consultants], words["learnings"], strict=False):
            self.reply(person, learning)
        for n, person in enumerate([client, *consultants, facilitator]):
            self.click(person, "codev_evaluate")
            self.submit(person, {"rating": str(4 + n % 2), "appreciation": words["appreciation"]})
        self.command(facilitator, "next")

    def accept_charter(self, user: str) -> None:
        """A peer reads the charter and accepts it with its button, before taking part."""
        self.driver.command(user, CHANNEL, "charter")
        shown = self.emulator.ephemerals(user, CHANNEL)[-1]
        self.driver.click(user, CHANNEL, shown.ts, "codev_accept_charter")
        self.deliver()

    def submit(self, user: str, values: dict) -> None:
        self.driver.submit_view(user, list(self.emulator.views)[-1], values)
        self.deliver()

    def click(self, user: str, action_id: str) -> None:
        """Click the latest button `action_id` in the session thread."""
        for message in reversed(self.emulator.thread(CHANNEL, self.root_ts)):
            for value in _values(message, action_id):
                self.driver.click(user, CHANNEL, message.ts, action_id, value)
                self.deliver()
                return

    def sort_harvest(self, client: str, verdicts) -> None:
        """The client keeps, parks or drops each contribution on their DM board."""
        channel = self.emulator.dm_channel(client)
        for n, verdict in enumerate(verdicts):
            board = next(m for m in reversed(self.emulator.dms(client)) if m.blocks)
            keeps = [v for v in _values(board, "codev_harvest_keep")]
            if n < len(keeps):
                value = keeps[n].replace(":keep", f":{verdict}")
                self.driver.click(client, channel, board.ts, f"codev_harvest_{verdict}", value)
                self.deliver()

    def _root_ts(self) -> str:
        self.deliver()
        roots = [
            m
            for m in self.emulator.channel_messages(CHANNEL)
            if m.bot
            and m.blocks
            and any(b.get("type") == "header" for b in m.blocks)
            and self.emulator.thread(CHANNEL, m.ts)
        ]
        return roots[-1].ts

    def transcript(self) -> str:
        client = PEERS[0][0]
        dm = self.emulator.render(client)
        return (
            f"{'=' * 72}\n#codev-managers\n{'=' * 72}\n{self.emulator.render(CHANNEL)}\n"
            f"{'=' * 72}\nDM → {PEERS[0][2]}\n{'=' * 72}\n{dm}\n"
        )


def run_demo(lang: str = "fr", mode: str = "live") -> str:
    for name in ("", "alembic", "codev"):
        logging.getLogger(name).setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="codev-demo-") as workdir:
        run = DemoRun(Path(workdir), lang, mode)
        try:
            run.play()
            text = run.transcript()
        finally:
            run.close()
    print(text)
    return text


def _values(message, action_id: str) -> list[str]:
    return [
        element.get("value")
        for block in message.blocks or []
        for element in block.get("elements") or []
        if isinstance(element, dict) and element.get("action_id") == action_id
    ]
