"""The rules of the bilan des effets and of the régulation poll: what a form must
hold, and the aggregates the reports show."""

from __future__ import annotations

from bot.domain.outcomes import END, FOLLOW_UP, before_after, read_objectives, read_progress
from bot.domain.regulation import aggregate, read_votes


def test_objectives_need_a_level_each_and_at_least_one_objective():
    found, problems = read_objectives({1: "Delegate", 2: "Say no", 3: ""}, {1: "2", 2: None})
    assert found == {1: ("Delegate", 2)} and problems == {2: "outcomes.error.level"}
    assert read_objectives({}, {}) == ({}, {1: "outcomes.error.none"})
    assert read_objectives({2: "Only the second"}, {2: "5"}) == ({2: ("Only the second", 5)}, {})
    assert read_objectives({1: "Odd"}, {1: "9"})[1] == {1: "outcomes.error.level"}


def test_progress_names_the_objectives_left_out():
    assert read_progress([1, 2], {1: "4", 2: ""}) == ({1: 4}, [2])


def test_before_after_averages_and_counts_what_progressed():
    baselines = {("a", 1): 2, ("a", 2): 1, ("b", 1): 3}
    answers = {
        END: {("a", 1): 4, ("a", 2): 3, ("b", 1): 3},
        FOLLOW_UP: {("a", 1): 5, ("a", 2): 4},
    }
    figures = before_after(baselines, answers)
    assert (figures.objectives, figures.before, figures.end, figures.follow_up) == (
        3,
        2.0,
        3.33,
        4.5,
    )
    assert (figures.progressed_end, figures.progressed_follow_up) == (2, 2)
    assert before_after(baselines, {}).end is None


def test_regulation_votes_are_1_to_5_on_each_criterion_and_averaged():
    assert read_votes({"time": "4", "listening": "5", "method": "3"}) == (
        {"time": 4, "listening": 5, "method": 3},
        [],
    )
    assert read_votes({"time": "0", "listening": "x"})[1] == ["time", "listening", "method"]
    found = aggregate(
        [{"time": 4, "listening": 5, "method": 3}, {"time": 3, "listening": 3, "method": 4}]
    )
    assert (found.answers, found.averages) == (
        2,
        {"time": 3.5, "listening": 4.0, "method": 3.5},
    )
    assert aggregate([]).averages == {"time": None, "listening": None, "method": None}
