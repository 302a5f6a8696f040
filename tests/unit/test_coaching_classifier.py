"""The method coach's rules: disguised advice, debate and argument, in French and English."""

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from benchmarks.coach import LANGS, load, score
from bot.domain import HelpKind, Phase, Role
from bot.domain.coaching import (
    Classifier,
    Coverage,
    RuleClassifier,
    Situation,
    Slip,
    count_slips,
    coverage,
    halfway,
    situation_for,
)

RULES = RuleClassifier()
Q, CL, CO = Situation.QUESTION, Situation.CLIENT, Situation.CONSULTANT


def test_the_rules_classifier_is_a_classifier():
    assert isinstance(RULES, Classifier)
    checked: Classifier = RULES
    assert checked.classify("As-tu pensé à lui en parler ?", Q) is Slip.ADVICE


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_corpus_has_at_least_a_hundred_labelled_replies_per_language(lang):
    examples = load(lang)
    assert len(examples) >= 100
    labels = Counter(e.label for e in examples)
    assert labels[None] >= 40 and labels[Slip.ADVICE] >= 30


@pytest.mark.parametrize("corpus", LANGS)
def test_the_rules_reach_the_aimed_precision_and_recall_on_each_corpus(corpus):
    result, wrong = score(RULES, load(corpus))
    assert result.precision >= 0.9, wrong
    assert result.recall >= 0.75, wrong


@pytest.mark.parametrize(
    "text",
    [
        "As-tu pensé à déléguer le reporting ?",
        "Pourquoi ne pas lui en parler franchement ?",
        "Et si tu lui proposais un temps partiel ?",
        "Have you considered talking to her one-on-one?",
        "Wouldn't it be better to wait for the reorg?",
        "est ce que t'as pensé a lui écrire ?",
    ],
)
def test_disguised_advice_in_clarification_is_seen(text):
    assert RULES.classify(text, Q) is Slip.ADVICE


@pytest.mark.parametrize(
    "text",
    [
        "Pourquoi est-ce que ça te touche autant ?",
        "Qu'as-tu déjà essayé ?",
        "Et si ça ne change pas, qu'est-ce qui se passe pour toi ?",
        "Qu'est-ce que tu pourrais accepter comme compromis ?",
        "Pourquoi tu ne veux pas y retourner ?",
        "What have you tried so far?",
        "What if you don't get the promotion?",
        "What do you think you should do?",
        "Why does this matter so much to you?",
    ],
)
def test_genuine_questions_using_the_same_words_are_left_alone(text):
    assert RULES.classify(text, Q) is None


def test_advice_is_welcome_in_exploration_but_debate_and_argument_are_not():
    assert RULES.classify("Et si tu lui proposais un mentorat ?", CO) is None
    assert RULES.classify("Oui mais on a déjà essayé.", CL) is Slip.DEBATE
    assert RULES.classify("Yes but we already tried that.", CL) is Slip.DEBATE
    assert RULES.classify("Merci, je note.", CL) is None
    assert RULES.classify("Je ne suis pas d'accord avec <@U02PAUL|paul>.", CO) is Slip.ARGUMENT
    assert RULES.classify("Building on Paul's idea, I'd add a step.", CO) is None


def test_only_three_situations_can_hold_a_slip():
    assert situation_for(Phase.CLARIFICATION, Role.CONSULTANT) is Q
    assert situation_for(Phase.EXPLORATION, Role.CLIENT) is CL
    assert situation_for(Phase.EXPLORATION, Role.CONSULTANT) is CO
    assert situation_for(Phase.CLARIFICATION, Role.CLIENT) is None
    assert situation_for(Phase.SYNTHESIS, Role.CONSULTANT) is None
    assert situation_for(Phase.EXPLORATION, Role.FACILITATOR) is None


def test_slips_are_counted_per_phase_without_names():
    counts = count_slips(
        RULES,
        [
            (2, Q, "As-tu pensé à lui en parler ?"),
            (2, Q, "Depuis quand ?"),
            (4, CL, "Oui mais non."),
            (4, CO, "I disagree with Anne."),
            (4, CO, "Idea: a weekly check-in."),
        ],
    )
    assert counts == {2: Counter({Slip.ADVICE: 1}), 4: Counter({Slip.DEBATE: 1, Slip.ARGUMENT: 1})}


def test_coverage_sets_each_kind_asked_for_against_the_contributions_received():
    found = coverage(["experience", "ideas"], ["idea", "idea", "impression"])
    assert found == [Coverage(HelpKind.EXPERIENCE, 0), Coverage(HelpKind.IDEAS, 2)]
    assert coverage([], ["idea"]) == []


def test_halfway_is_the_middle_of_the_time_box():
    start = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
    assert halfway(start, start + timedelta(minutes=40)) == start + timedelta(minutes=20)
