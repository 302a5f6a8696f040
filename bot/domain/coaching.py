"""Method coaching: the slips the app can see in a thread, and what the contract asked for.

The classic slips of a codéveloppement session, as they show in replies:

- in clarification, a consultant gives advice dressed as a question (« As-tu pensé
  à… ? », "Wouldn't it be better to…?"): `Slip.ADVICE`;
- in exploration, the client debates instead of listening (« oui mais… », "we
  already tried"): `Slip.DEBATE`;
- in exploration, consultants argue with each other: `Slip.ARGUMENT`.

A `Classifier` names the slip of one reply, or none. `RuleClassifier` does it with
rules written for French and English, in pure Python; a local model can take its
place later behind the same protocol. Hinting someone who asked a genuine question
is worse than missing some advice, so the rules only fire on forms that carry
advice or a contradiction, never on a bare keyword (« pourquoi », "what if").

Contract coverage compares the kinds of help the client asked for with the kinds
of the contributions received.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol, runtime_checkable

from .content import CONTRIBUTION_FOR_HELP, HelpKind
from .phases import Phase
from .roles import Role


class Situation(StrEnum):
    """Where a reply was written, which decides what a slip would be."""

    QUESTION = "question"  # a consultant's question in clarification
    CLIENT = "client"  # the client's reply during exploration
    CONSULTANT = "consultant"  # a consultant's contribution during exploration


class Slip(StrEnum):
    ADVICE = "advice"  # disguised advice or a leading question in clarification
    DEBATE = "debate"  # the client debates instead of listening
    ARGUMENT = "argument"  # consultants argue with each other


@runtime_checkable
class Classifier(Protocol):
    """Names the slip of one reply in its situation, or None when there is none."""

    def classify(self, text: str, situation: Situation) -> Slip | None: ...


def situation_for(phase: Phase | int | None, role: Role) -> Situation | None:
    """The situation of a reply by `role` in `phase`; None where the method has no slip."""
    if phase == Phase.CLARIFICATION and role is Role.CONSULTANT:
        return Situation.QUESTION
    if phase == Phase.EXPLORATION and role is Role.CLIENT:
        return Situation.CLIENT
    if phase == Phase.EXPLORATION and role is Role.CONSULTANT:
        return Situation.CONSULTANT
    return None


# --- the rules --------------------------------------------------------------------
# Text is compared folded: lower case, no accents, one kind of apostrophe, single
# spaces, Slack mentions (<@U123|name>) as the word "@mention".


def fold(text: str) -> str:
    text = re.sub(r"<@[A-Z0-9]+(?:\|[^>]*)?>", " @mention ", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"\s+", " ", text).strip()
    # people skip hyphens and spell "you" as "u": « est ce que », « as tu », "have u"
    text = re.sub(r"\best ce\b", "est-ce", text)
    text = re.sub(INVERSION, r"\1-\2", text)
    return re.sub(r"\bu\b", "you", text)


INVERSION = re.compile(
    r"\b(as|avez|es|etes|penses|pensez|crois|croyez|trouves|trouvez|pourrais|pourriez|"
    r"devrais|devriez|voudrais|voudriez|dirais|diriez|faudrait|serait|vaudrait) "
    r"(tu|vous|il|ce)\b(?!-)"
)


def _sentences(folded: str) -> list[str]:
    return [s.strip() for s in re.split(r"[.?!;\n…]+|\s[—–-]\s", folded) if s.strip()]


def _rules(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


# Open questions start with an interrogative word: « Qu'est-ce que tu pourrais… »,
# "What do you think you should…" ask the client, they do not tell them.
OPEN_START = re.compile(
    r"^(?:et )?(?:qu'|que |quoi|quel|quelle|quels|quelles|comment|combien|qui |quand|"
    r"ou |a quoi|de quoi|what|how|which|who|when|where)"
)

# « Pourquoi tu ne veux pas… » asks about the client; « pourquoi tu ne lui dis pas » tells.
OWN_STATE = (
    r"(?:as|avez|es|etes|etais|avais|veux|voulez|peux|pouvez|aimes|aimez|sais|savez|arrives|"
    r"arrivez|supportes|comprends|vois|voyez|sens|sentez|t'|m'|s')\b"
)

# Forms that carry advice wherever they stand in the question.
ADVICE_ANYWHERE = _rules(
    # « As-tu pensé à… », « Avez-vous envisagé… », « Tu as déjà essayé de… »
    r"(?<!qu')(?<!que )\b(?:as|avez)-(?:tu|vous) (?:deja )?(?:pense|songe) a (?!quoi)",
    r"(?<! ce que )(?<!qu'est-ce que )\b(?:tu as|t'as|vous avez) "
    r"(?:deja )?(?:pense|songe) a (?!quoi)",
    r"(?<!qu')\b(?:as|avez)-(?:tu|vous) (?:deja )?envisage (?:de |d'|une? |la |le |l'|des )",
    r"\b(?:tu as|vous avez|est-ce que tu as|est-ce que vous avez) (?:deja )?envisage "
    r"(?:de |d'|une? |la |le |l'|des )",
    r"(?<!qu')\b(?:as|avez)-(?:tu|vous) (?:deja )?(?:essaye|tente) (?:de |d')",
    r"\b(?:tu as|t'as|vous avez|est-ce que tu as|est-ce que vous avez) (?:deja )?"
    r"(?:essaye|tente) (?:de |d')",
    # « Pourquoi ne pas… », « Pourquoi ne lui demandes-tu pas… », « Pourquoi tu ne lui dis pas… »
    r"\bpourquoi (?:ne pas|pas)\b",
    r"\bpourquoi ne (?:(?:le|la|les|lui|leur|te|vous|en|y) )?(?:l')?(?!" + OWN_STATE + r")"
    r"\w+-(?:tu|vous) pas\b",
    r"\bpourquoi (?:est-ce que )?(?:tu|vous) (?:ne |n')?(?:(?:le|la|les|lui|leur|te|vous|en|y) )?"
    r"(?:l')?(?!" + OWN_STATE + r")\w+ pas\b",
    # « Et si tu lui proposais… » (the imperfect suggests; « et si tu échoues » and « et si
    # tu ne fais rien » ask: present tenses that end like an imperfect are left out)
    r"\bet si (?:tu|vous|on) (?:ne )?(?:(?:le|la|les|lui|leur|te|vous|en|y) )?(?:l')?"
    r"(?:\w+ )?(?!(?:fais|vais|sais|tais|plais|fait|vait|sait)\b)\w+(?:ais|ait|iez|ions)\b",
    # « Ne penses-tu pas que… », « Tu ne crois pas que… »
    r"\bne (?:penses|crois|trouves|pensez|croyez|trouvez)-(?:tu|vous) pas\b",
    r"\b(?:tu|vous) ne (?:penses|crois|trouves|pensez|croyez|trouvez) pas (?:que|qu')",
    # negative conditionals: « Ne serait-il pas plus judicieux… », « Tu ne devrais pas… »,
    # « Ça ne t'aiderait pas de… », « Ce ne serait pas mieux… »
    r"(?<!qui )\bne (?:(?:le|la|les|lui|leur|te|vous|en|y) )?(?:t'|l'|m'|s')?"
    r"\w+(?:rait|rais|riez)(?:-(?:il|elle|ce|tu|vous))? pas\b",
    r"(?<!qu'il )(?<!qui )(?<! ce que )(?<!qu'est-ce que )"
    r"\b(?:tu|vous|ce|ca|il|on) \w+(?:rait|rais|riez) pas\b",
    r"\bvaudrait (?:pas |-il pas )?(?:mieux|le coup)\b",
    r"\bil vaudrait mieux\b|\bmieux vaut\b",
    r"\b(?:que dirais-tu|que diriez-vous|qu'est-ce que tu dirais) (?:de |d')",
    r"(?<!qu')\bil (?:faudrait|faut) (?:peut-etre|pas|plutot)\b",
    r"\b(?:interet a)\b",
    r"\bn'est-ce pas plutot\b|\bce n'est pas plutot\b",
    r"\b(?:tu|vous) ne (?:voudrais|voudriez) pas\b|\bne (?:voudrais|voudriez)-(?:tu|vous) pas\b",
    # English: "Have you considered…", "Did you try…" (not "what have you tried")
    r"(?<!what )(?<!which )\b(?:have|did) you (?:ever )?(?:consider(?:ed)?|thought (?:about|of)"
    r"|think (?:about|of)|tried|try|looked (?:into|at)|look (?:into|at)|explored?)"
    r" (?!what\b|how\b|why\b|whether\b|who\b|when\b|where\b|anything\b|so far\b|,)",
    r"\bwould(?:n't| not) it (?:be|make)\b|\bwould it not (?:be|make)\b",
    r"\bwould it (?:make sense|be (?:better|easier|wiser|simpler|fairer|more|smarter))\b",
    r"\bwouldn't (?:a|an|the|some|it|that)\b",
    r"\b(?:shouldn't|couldn't)\b",
    r"\bcould you (?:maybe|perhaps|just|not) (?!tell|say|explain|give|describe|clarify|share)",
    r"\breason not to\b|\bis it possible (?:that )?you\b",
    r"\byou(?:'ve| have) (?:already )?(?:thought (?:about|of)|considered|tried) "
    r"(?!what\b|how\b|everything\b|anything\b)",
    r"\bwouldn't you (?:rather|prefer|want)\b",
    r"\bwhy (?:not|don't you|wouldn't you|not just|haven't you|don't we)\b",
    r"\bwhat if (?:you|we) (?:just |simply |instead |actually )?"
    r"(?:\w+ed|told|went|gave|spoke|took|let|made|set|sent|met|wrote|kept|brought|put|"
    r"sat|began|chose|split|cut|got|found|held|paid|spent|stopped|quit)\b",
    r"\bhow about (?:you|we|trying|asking|talking|having|setting|getting|\w+ing)\b",
    r"\bwhat about (?:\w+ing)\b",
    r"\b(?:shouldn't|couldn't|can't|wouldn't) (?:you|we)\b|\b(?:should|could) you not\b",
    r"\bdon't you think\b(?! so\b)",
    r"\bdo you not think\b",
    r"\bisn't (?:it|that|the real|this) "
    r"(?:just|rather|really|time|because|problem|issue|about)\b",
    r"\bwould it help (?:to|if)\b",
    r"\bis there a reason you (?:haven't|didn't|don't|won't)\b",
    r"\b(?:might|may|would) it be worth\b|\bit might be worth\b",
    r"\bif i were you\b|\bin your shoes\b",
)
# Forms that are advice only when the question is not an open one.
ADVICE_UNLESS_OPEN = _rules(
    r"\b(?:tu|vous) (?:pourrais|pourriez|devrais|devriez) (?:peut-etre |toujours |simplement )?"
    r"\w+(?:er|ir|re|oir)\b",
    r"\b(?:maybe |perhaps )?you (?:should|could always|could just|ought to|might want to)\b",
    r"\bmaybe you (?:could|should)\b",
)

# The client in exploration: « oui mais… », « on a déjà essayé », "we already tried".
DEBATE = _rules(
    r"^(?:(?:oui|ouais|ok|d'accord|certes|bon|non)[, ]+)+mais\b",
    r"\bje (?:ne )?vois pas comment\b|\bi (?:can't|cannot|don't) see how\b",
    r"^(?:c'est|ce n'est|ca n'est) (?:pas )?(?:possible|impossible)\b",
    r"^(?:it's|it is) (?:not possible|impossible)\b",
    r"\bchangera (?:jamais|pas)\b|\b(?:will|'ll) never change\b|\bbeen down that road\b",
    r"^(?:yeah|yes),? no\b",
    r"\b(?:on a|j'ai|nous avons|on l'a|je l'ai) (?:deja )?(?:essaye|tente|fait)\b.*\b(?:deja|rien|"
    r"pas|jamais|mal)\b",
    r"\b(?:on a|j'ai|nous avons|on l'a|je l'ai) deja (?:essaye|tente|fait)\b",
    r"^deja (?:fait|essaye|tente)\b",
    r"\bca (?:ne )?(?:marchera|marche|fonctionnera|fonctionne) (?:pas|jamais)\b",
    r"\b(?:c'est|ce n'est|c'est pas) (?:pas )?(?:si simple|plus complique que ca)\b",
    r"\bfacile a dire\b",
    r"\bje ne suis pas d'accord\b|\bpas d'accord\b",
    r"^non,? (?:ce n'est|c'est pas|ca n'est) (?:pas )?(?:du tout |vraiment )?(?:ca|le sujet|le "
    r"probleme)\b",
    r"^sauf que\b|^justement,? non\b",
    r"\b(?:vous ne|tu ne) (?:connaissez|connais|comprenez|comprends) pas\b",
    r"\bca ne s'applique pas\b",
    r"^(?:yes|yeah|yep|ok|sure|right)\s*,?\s*but\b",
    r"\b(?:we|i)(?:'ve| have)? (?:already )?(?:tried|done) (?:that|this|it)\b",
    r"\b(?:we|i)(?:'ve| have)? already (?:tried|done)\b",
    r"\bwe did (?:that|this|it)\b",
    r"\b(?:that|it|this) (?:will never|won't|wouldn't|doesn't|does not|will not) "
    r"(?:ever )?(?:work|apply)\b",
    r"\b(?:it's|it is|that's|that is) (?:not that simple|more complicated than that)\b",
    r"\beasier said than done\b|\bbeen there\b",
    r"\bi (?:disagree|don't agree|do not agree)\b",
    r"^no,? (?:that's|that is|it's|it is) not\b",
    r"^except (?:that|we|i)\b",
    r"\byou don't (?:understand|know|get it|see)\b",
)

# Consultants arguing: an explicit contradiction, or another's idea called wrong.
ARGUMENT = _rules(
    r"\bje ne suis pas (?:du tout |vraiment )?d'accord\b|\bpas (?:du tout )?d'accord avec\b",
    r"^pas d'accord\b|\bse trompe(?:nt)?\b|^non \w+,",
    r"\bje ne partage pas\b",
    r"\b(?:tu te trompes|vous vous trompez|a tort|c'est faux|n'importe quoi)\b",
    r"\bcontrairement a (?:ce que|@mention|\w+ qui)\b",
    r"\b(?:l'idee|la piste|la proposition|l'avis) (?:de|d') \w+ (?:ne|n')\b",
    r"^@mention,? non\b|^non,? @mention\b",
    r"^(?:desole|pardon),? mais non\b",
    r"\bmauvaise idee\b",
    r"\bi (?:\w+ )?(?:disagree|don't agree|do not agree)\b|^disagree\b",
    r"\b(?:you're|you are|is|are) wrong\b|^no \w+,|\bthat's not true\b|\bthat is not true\b",
    r"\bcontrary to what\b",
    r"\b\w+'s (?:idea|suggestion|point) (?:won't|will not|doesn't|does not|is wrong)\b",
    r"^@mention,? no\b|^no,? @mention\b",
    r"^sorry,? but no\b",
    r"\b(?:terrible|bad|awful) idea\b",
)


@dataclass(frozen=True)
class RuleClassifier:
    """The rules above, French and English together (people mix them in one group)."""

    def classify(self, text: str, situation: Situation) -> Slip | None:
        folded = fold(text)
        if not folded:
            return None
        if situation is Situation.QUESTION:
            return Slip.ADVICE if _advice(folded) else None
        sentences = _sentences(folded)
        if situation is Situation.CLIENT:
            return Slip.DEBATE if _any(DEBATE, sentences) else None
        if situation is Situation.CONSULTANT:
            return Slip.ARGUMENT if _any(ARGUMENT, sentences) else None
        return None


def _any(rules: Sequence[re.Pattern[str]], sentences: Iterable[str]) -> bool:
    return any(rule.search(sentence) for sentence in sentences for rule in rules)


def _advice(folded: str) -> bool:
    sentences = _sentences(folded)
    if _any(ADVICE_ANYWHERE, sentences):
        return True
    return any(
        rule.search(sentence)
        for sentence in sentences
        if not OPEN_START.match(sentence)
        for rule in ADVICE_UNLESS_OPEN
    )


# --- what the facilitator sees --------------------------------------------------


def count_slips(
    classifier: Classifier, replies: Iterable[tuple[int, Situation, str]]
) -> dict[int, Counter[Slip]]:
    """{phase: {slip: how many}} over (phase, situation, text) replies; no names."""
    counts: dict[int, Counter[Slip]] = {}
    for phase, situation, text in replies:
        slip = classifier.classify(text, situation)
        if slip is not None:
            counts.setdefault(int(phase), Counter())[slip] += 1
    return counts


@dataclass(frozen=True)
class Coverage:
    """One kind of help the client asked for, and how many contributions of it came."""

    kind: HelpKind
    received: int


def coverage(help_kinds: Sequence[str], contribution_kinds: Iterable[str]) -> list[Coverage]:
    """The kinds asked for, in the contract's order, against the contributions received."""
    received = Counter(str(kind) for kind in contribution_kinds)
    asked = dict.fromkeys(HelpKind(kind) for kind in help_kinds)
    return [Coverage(kind, received[str(CONTRIBUTION_FOR_HELP[kind])]) for kind in asked]


def halfway(started_at: datetime, deadline: datetime) -> datetime:
    """The middle of a phase's time box: when an empty requested kind is worth a nudge."""
    return started_at + (deadline - started_at) / 2
