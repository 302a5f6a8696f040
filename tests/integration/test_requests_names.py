"""Bare `@name`s are resolved from one directory per workspace: two workspaces that
alternate never see each other's people, users.list is read once per workspace and
not once per request, and its pagination never holds a request past its budget."""

from __future__ import annotations

import time

import pytest
from slack_sdk import WebClient

from bot.domain import DomainError
from bot.emulator import Emulator
from bot.slack.listeners.users import Directory
from tests.support.stack import SECRET

TEAMS = ("T0AAA", "T0BBB")


def uid(team: str, name: str) -> str:
    return f"U{team[-3:]}{name.upper()}"


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class SlowClient(WebClient):
    """A WebClient whose users.list pages take their time, as on a large workspace."""

    def users_list(self, **kwargs):
        time.sleep(0.3)
        return super().users_list(**kwargs)


@pytest.fixture
def workspaces():
    """Two workspaces where the same names belong to different people."""
    emulators = {}
    for team in TEAMS:
        emulator = Emulator(team_id=team, signing_secret=SECRET).start()
        for name in ("alice", "bob"):
            emulator.add_user(uid(team, name), name)
        emulators[team] = emulator
    yield emulators
    for emulator in emulators.values():
        emulator.stop()


def _client(emulator, cls=WebClient):
    """A new client per request, as Bolt builds them."""
    return cls(token=emulator.bot_token, base_url=emulator.api_url, retry_handlers=[])


def _reads(emulator) -> int:
    return sum(1 for c in emulator.calls if c.method == "users.list")


def _settle(directory, team, emulator, timeout=5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        entry = directory._entries.get(team)
        if entry is not None and entry.reading is None:
            return
        time.sleep(0.01)


def test_two_workspaces_alternating_each_get_their_own_people(workspaces):
    directory = Directory()
    for i in range(40):
        team = TEAMS[i % 2]
        found = directory.resolve(_client(workspaces[team]), team, ["alice", "Bob"])
        assert found == [uid(team, "alice"), uid(team, "bob")], i
    assert [_reads(workspaces[t]) for t in TEAMS] == [1, 1]  # not one per request


def test_a_name_nobody_has_is_refused_with_the_names(workspaces):
    directory = Directory()
    with pytest.raises(DomainError) as refused:
        directory.resolve(_client(workspaces["T0AAA"]), "T0AAA", ["alice", "zoe"])
    assert refused.value.key == "members.unknown_names"
    assert refused.value.params == {"names": "@zoe"}


def test_the_directory_is_read_again_once_old_and_answers_meanwhile(workspaces):
    clock, team, emulator = Clock(), "T0AAA", workspaces["T0AAA"]
    directory = Directory(max_age=300, clock=clock)
    assert directory.resolve(_client(emulator), team, ["alice"]) == [uid(team, "alice")]
    emulator.add_user(uid(team, "carol"), "carol")
    clock.now += 10  # young: a new name is not worth a read yet
    with pytest.raises(DomainError):
        directory.resolve(_client(emulator), team, ["carol"])
    assert _reads(emulator) == 1
    clock.now += 301  # old: answered from memory, read again behind the answer
    assert directory.resolve(_client(emulator), team, ["alice"]) == [uid(team, "alice")]
    _settle(directory, team, emulator)
    assert _reads(emulator) == 2
    assert directory.resolve(_client(emulator), team, ["carol"]) == [uid(team, "carol")]


def test_someone_who_just_joined_is_found_by_a_read_of_the_directory(workspaces):
    clock, team, emulator = Clock(), "T0BBB", workspaces["T0BBB"]
    directory = Directory(min_refresh=30, clock=clock)
    assert directory.resolve(_client(emulator), team, ["bob"]) == [uid(team, "bob")]
    emulator.add_user(uid(team, "dan"), "dan")
    clock.now += 31
    assert directory.resolve(_client(emulator), team, ["dan"]) == [uid(team, "dan")]


def test_directories_are_bounded_in_number(workspaces):
    directory = Directory(max_teams=1)
    for team in (*TEAMS, TEAMS[0]):
        assert directory.resolve(_client(workspaces[team]), team, ["alice"])
        assert directory.teams() == [team]
    assert [_reads(workspaces[t]) for t in TEAMS] == [2, 1]


def test_slow_pagination_never_holds_a_request_past_its_wait(workspaces):
    team, emulator = "T0AAA", workspaces["T0AAA"]
    for n in range(600):  # three pages of 200, 0.3 s each
        emulator.add_user(f"U0AAAX{n:04d}", f"person{n}")
    directory = Directory(wait=0.2)
    began = time.monotonic()
    with pytest.raises(DomainError) as refused:
        directory.resolve(_client(emulator, SlowClient), team, ["person599"])
    assert time.monotonic() - began < 0.6
    assert refused.value.key == "members.lookup_failed"
    _settle(directory, team, emulator)
    began = time.monotonic()
    found = directory.resolve(_client(emulator, SlowClient), team, ["person599"])
    assert found == ["U0AAAX0599"] and time.monotonic() - began < 0.1


def test_a_failed_read_is_told_and_retried_later(workspaces):
    clock, team, emulator = Clock(), "T0AAA", workspaces["T0AAA"]
    directory = Directory(clock=clock)
    emulator.fail_next("users.list", status=200, error="internal_error")
    with pytest.raises(DomainError) as refused:
        directory.resolve(_client(emulator), team, ["alice"])
    assert refused.value.key == "members.lookup_failed"
    with pytest.raises(DomainError):  # not hammered: no new read for a while
        directory.resolve(_client(emulator), team, ["alice"])
    assert _reads(emulator) == 1
    clock.now += 60
    assert directory.resolve(_client(emulator), team, ["alice"]) == [uid(team, "alice")]
