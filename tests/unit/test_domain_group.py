"""Group membership: up to eight peers and a facilitator."""

import pytest

from bot.domain import MAX_PEERS, Group, GroupFull, NotAMember


def test_the_facilitator_and_the_peers_are_members():
    group = Group("U_FAC", ["U_A"])
    assert group.is_member("U_FAC")
    assert group.is_member("U_A")
    assert not group.is_member("U_X")


def test_adding_peers_returns_only_the_newcomers():
    group = Group("U_FAC", ["U_A"])
    added = group.add_peers(["U_A", "U_B", "U_FAC", "U_B", "U_C"])
    assert added == ["U_B", "U_C"]
    assert group.peers == ["U_A", "U_B", "U_C"]


def test_the_group_may_reach_exactly_eight_peers():
    group = Group("U_FAC", [])
    group.add_peers([f"U_{i}" for i in range(MAX_PEERS)])
    assert len(group.peers) == 8


def test_a_ninth_peer_is_refused_and_nobody_is_added():
    group = Group("U_FAC", [f"U_{i}" for i in range(6)])
    with pytest.raises(GroupFull) as refused:
        group.add_peers(["U_X", "U_Y", "U_Z"])
    assert refused.value.key == "group.full"
    assert refused.value.params == {"max": 8, "current": 6, "asked": 3}
    assert len(group.peers) == 6


def test_members_already_there_do_not_count_against_the_limit():
    group = Group("U_FAC", [f"U_{i}" for i in range(8)])
    assert group.add_peers(["U_0", "U_FAC"]) == []


def test_removing_a_peer():
    group = Group("U_FAC", ["U_A", "U_B"])
    group.remove_peer("U_A")
    assert group.peers == ["U_B"]


def test_removing_someone_who_is_not_a_peer_is_refused():
    group = Group("U_FAC", ["U_A"])
    with pytest.raises(NotAMember) as refused:
        group.remove_peer("U_X")
    assert refused.value.key == "group.not_a_member"


def test_consultants_are_the_peers_but_the_client_and_the_facilitator():
    group = Group("U_FAC", ["U_A", "U_FAC", "U_B", "U_C"])
    assert group.consultants_for("U_B") == ["U_A", "U_C"]
