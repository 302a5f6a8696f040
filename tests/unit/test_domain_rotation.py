"""The rotation suggests the fairest next client."""

from datetime import UTC, datetime

from bot.domain import Turns, rotation_order, suggest_client


def day(n: int) -> datetime:
    return datetime(2025, 1, n, tzinfo=UTC)


def test_prefers_members_with_fewer_turns_as_client():
    turns = [Turns("U_A", 2, day(1), day(1)), Turns("U_B", 1, day(20), day(1))]
    assert rotation_order(turns) == ["U_B", "U_A"]


def test_among_equal_turns_prefers_the_longest_wait():
    turns = [Turns("U_A", 1, day(10), day(1)), Turns("U_B", 1, day(5), day(1))]
    assert rotation_order(turns) == ["U_B", "U_A"]


def test_a_member_never_client_has_waited_since_joining():
    turns = [Turns("U_A", 0, None, day(9)), Turns("U_B", 0, None, day(3))]
    assert rotation_order(turns) == ["U_B", "U_A"]


def test_ties_are_broken_by_user_id_so_every_replica_agrees():
    turns = [Turns("U_B", 0, None, day(1)), Turns("U_A", 0, None, day(1))]
    assert rotation_order(turns) == ["U_A", "U_B"]


def test_absent_members_are_left_out():
    turns = [Turns("U_A", 0, None, day(1)), Turns("U_B", 1, None, day(1))]
    assert rotation_order(turns, absent={"U_A"}) == ["U_B"]
    assert suggest_client(turns, absent={"U_A"}) == "U_B"


def test_suggests_the_first_of_the_rotation():
    turns = [Turns("U_A", 1, day(2), day(1)), Turns("U_B", 0, None, day(4))]
    assert suggest_client(turns) == "U_B"


def test_suggests_nobody_when_nobody_is_present():
    assert suggest_client([]) is None
    assert suggest_client([Turns("U_A", 0, None, day(1))], absent=["U_A"]) is None
