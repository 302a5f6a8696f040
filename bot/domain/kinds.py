"""What kind of contribution a consultant's reply is, from the way it is written.

In exploration consultants offer impressions, questions, ideas, suggestions,
experiences and resources, in French or English, without tagging them. Each
kind has cues (« j'ai l'impression », "what if", « à ta place », "when I was",
a link or a book…); each cue found adds its weight, and the kind with the most
wins. No cue at all gives None: the caller then files the reply under the kind
of help the client asked for. A tag ("idea:") is read before and always wins.
Pure Python, tested against a labelled corpus in tests/corpus.
"""

from __future__ import annotations

import re

from .answers import fold
from .content import ContributionKind as K

# (kind, weight, pattern on the folded text: lower case, no accents, ’ read as ').
# A pattern starting with ^ only counts at the start of the reply.
CUES: tuple[tuple[K, float, str], ...] = (
    # impressions: what the consultant feels, perceives, hears
    (K.IMPRESSION, 3, r"\bj'ai (?:l'impression|le sentiment|la sensation)"),
    (K.IMPRESSION, 3, r"\b(?:mon|ma) (?:impression|ressenti|sentiment|intuition)\b"),
    (K.IMPRESSION, 2.5, r"\b(?:ce qui me (?:frappe|touche|marque|surprend|gene)|ca me touche)\b"),
    (K.IMPRESSION, 2.5, r"\b(?:il me semble|j'ai l'air|on dirait|on sent)\b"),
    (K.IMPRESSION, 2.5, r"\bje (?:ressens|sens|percois|remarque|note|vois bien)\b"),
    (K.IMPRESSION, 2.5, r"\b(?:ca m'evoque|ca me fait penser|ce que j'entends|j'entends)\b"),
    (K.IMPRESSION, 3, r"\b(?:i get the (?:feeling|sense|impression)|my (?:impression|gut|sense))"),
    (K.IMPRESSION, 2.5, r"\b(?:what strikes me|i'm struck|i am struck|strikes me)\b"),
    (K.IMPRESSION, 2.5, r"\b(?:it seems to me|seems to me|it looks to me|looks to me like)\b"),
    (K.IMPRESSION, 2.5, r"\bi (?:sense|feel|notice|hear|perceive)\b"),
    (K.IMPRESSION, 2.5, r"\b(?:what i'm hearing|what i hear|it reminds me|reminds me of)\b"),
    (K.IMPRESSION, 2.5, r"^(?:it )?(?:sounds|feels|seems) like\b"),
    (K.IMPRESSION, 1.5, r"^there'?s something\b|^il y a quelque chose de\b"),
    (
        K.IMPRESSION,
        2.5,
        r"\b(?:tu (?:sembles|as l'air|parais)|je te (?:sens|trouve|vois)"
        r"|you (?:seem|sound|look|appear)|your \w+ (?:sounded|seemed|looked))\b",
    ),
    (
        K.IMPRESSION,
        2,
        r"^(?:pour moi|a mon sens|to me|for me)\b|\b(?:ca m'interpelle|m'a interpelle"
        r"|j'ai trouve (?:ton|ta|tes|que)|caught my (?:attention|eye)|i found (?:your|it|that))\b",
    ),
    (
        K.IMPRESSION,
        2,
        r"\b(?:j'ai (?:comme )?un doute|j'ai comme|un malaise|i have a doubt|i wonder"
        r"|je me demande|i can't help|something tells me|quelque chose me dit)\b",
    ),
    (
        K.IMPRESSION,
        1.5,
        r"\b(?:deception|inquietude|soulagement|culpabilite|solitude|frustration"
        r"|disappointment|worry|relief|guilt|loneliness|frustration|emotion|emotions)\b",
    ),
    (K.IMPRESSION, 1, r"\b(?:fatigue|colere|tension|peur|tristesse|sad|anger|tired|tiredness)\b"),
    # questions: the reply asks
    (K.QUESTION, 2, r"\?\s*$"),
    (K.QUESTION, 1, r"\?"),
    (
        K.QUESTION,
        2,
        r"^(?:et toi,? )?(?:qu'est[- ]ce|est[- ]ce que|comment|qui|quel|quelle|quels"
        r"|quelles|a quoi|de quoi|combien|si tu devais)\b",
    ),
    # « quand », « où », "when": a question only when it asks ("Quand tu parles…" describes)
    (K.QUESTION, 1, r"^(?:ou|quand|que|qu')\b.*\?"),
    (K.QUESTION, 2, r"^pourquoi (?!pas|ne pas)\b"),
    (K.QUESTION, 1.5, r"\b\w+-(?:tu|vous|il|elle)\b.*\?"),
    (
        K.QUESTION,
        2,
        r"^(?:and )?(?:what|how|who|which|do|does|did|is|are|can|would"
        r"|have|has|if you could)\b(?! about| if)",
    ),
    (K.QUESTION, 1, r"^(?:when|where)\b.*\?"),
    (K.QUESTION, 2, r"^why (?!not)\b"),
    # ideas: a possibility offered
    (K.IDEA, 3, r"\b(?:et si|what if|how about|what about)\b"),
    (K.IDEA, 3, r"\b(?:une |one |an |my )?(?:idee|idea|thought)\s*:"),
    (K.IDEA, 3, r"\b(?:pourquoi pas|pourquoi ne pas|why not)\b"),
    (K.IDEA, 2, r"\b(?:on pourrait|tu pourrais|vous pourriez|on peut aussi|il serait possible)\b"),
    (K.IDEA, 2, r"\b(?:you could|we could|they could|could become|pourrait devenir)\b"),
    (K.IDEA, 2, r"^(?:peut-etre|maybe|perhaps|imagine|imaginons|une piste|one option)\b"),
    (K.IDEA, 1.5, r"\b(?:imaginer|imagine|peut-etre|maybe|perhaps|piste)\b"),
    # "A three-way meeting, just to …?": a thing proposed, asked as a question
    (K.IDEA, 3.5, r"^(?:un|une|des|a|an|some)\b[^?]*\?\s*$"),
    # suggestions: an action advised
    (K.SUGGESTION, 3, r"\bje (?:te |vous )?(?:suggere|propose|conseille|recommande)\b"),
    (K.SUGGESTION, 3, r"\b(?:i'd|i would|i) (?:suggest|recommend|advise)\b"),
    (K.SUGGESTION, 3, r"\b(?:a ta place|a votre place|if i were you|in your shoes)\b"),
    (K.SUGGESTION, 3, r"\b(?:mon conseil|my advice|mon avis)\b"),
    (K.SUGGESTION, 2.5, r"\b(?:tu devrais|vous devriez|il faudrait|il faut que tu|tu dois)\b"),
    (K.SUGGESTION, 2.5, r"\b(?:you should|you need to|you must|you ought to|make sure)\b"),
    (K.SUGGESTION, 2, r"\b(?:je ferais|j'essaierais|je commencerais|i'd start|i would (?!have))"),
    (
        K.SUGGESTION,
        2.5,
        r"^(?:essaie|essaye|essayez|commence|commencez|prends|prenez|demande"
        r"|demandez|parle|parlez|fixe|fixez|n'hesite|n'hesitez|pense a|pensez a|fais|faites"
        r"|ecris|ecrivez|evite|evitez|ose|osez)\b",
    ),
    (
        K.SUGGESTION,
        2.5,
        r"\b(?:je te dirais de|je dirais de|i'd say (?:don't|do|to|you)"
        r"|i would say (?:don't|do|to|you))\b",
    ),
    (K.SUGGESTION, 2.5, r"\b(?:il faut|il faudra|you have to|you've got to|tu as interet)\b"),
    (K.SUGGESTION, 2, r"\bj(?:e |')\w+rais\b(?<!voudrais)(?<!aimerais)(?<!dirais)(?<!pourrais)"),
    (K.SUGGESTION, 2, r"\bi'd (?!like|love|say|guess|think|have|be|rather)\w+"),
    # French imperatives: « Vois-les », « renseigne-toi », « Ne laisse pas traîner »
    (K.SUGGESTION, 2.5, r"^\w+-(?:les|la|le|lui|leur|toi|moi|nous|vous|en|y)\b"),
    (K.SUGGESTION, 2.5, r"^(?:ne|n') ?\w+ (?:pas|jamais|plus)\b"),
    (
        K.SUGGESTION,
        2.5,
        r"^(?:try|start|book|ask|talk|don't|do not|set|take|write|consider|go"
        r"|avoid|stop|keep|tell|give|dare|see|meet|call|look|let|make|put|check|get|ask|list"
        r"|note|write down|think about|sleep on|use|find|share|plan|prepare|focus|remember)\b",
    ),
    # experiences: what the consultant lived
    (
        K.EXPERIENCE,
        3,
        r"\bj'ai (?:vecu|connu|eu|essaye|teste|fait|delegue|decouvert|appris"
        r"|travaille|vu|pris|arrete|mis|du|dû|ete|traverse|change)\b",
    ),
    (
        K.EXPERIENCE,
        3,
        r"\b(?:il m'est arrive|ca m'est arrive|ca m'est deja arrive|par experience"
        r"|dans mon experience|de mon experience)\b",
    ),
    (
        K.EXPERIENCE,
        2.5,
        r"\b(?:quand j'etais|lorsque j'etais|j'avais|nous avions|on avait"
        r"|on a (?:mis|fait|eu|essaye|teste|fini))\b",
    ),
    (
        K.EXPERIENCE,
        2,
        r"\b(?:dans mon (?:equipe|ancien|ancienne|service|entreprise|poste)"
        r"|chez nous|de mon cote|moi,? j'ai|l'an dernier|l'annee derniere)\b",
    ),
    (
        K.EXPERIENCE,
        3,
        r"\bi (?:went through|had|tried|once|used to|found out|learned|delegated"
        r"|stopped|did|lived|faced|remember)\b",
    ),
    # the first person in the past: « j'ai géré », "I handled", "I saw"
    (
        K.EXPERIENCE,
        2,
        r"\bj'ai (?!trouve|comme|l'|le |la |les |un |une |des |du |besoin|envie|peur"
        r"|hate|l'air)\w+(?:e|i|u|is|it|ert|es|ts)\b",
    ),
    (
        K.EXPERIENCE,
        2,
        r"\b(?:i|we) (?:\w+ed|saw|let|went|made|took|got|was|were|felt|brought|left"
        r"|gave|knew|ran|spent|told|said|kept|lost|met|built|wrote|chose|fought|quit)\b",
    ),
    (
        K.EXPERIENCE,
        2,
        r"\b(?:years? ago|months? ago|back then|at the time|il y a (?:\w+ )?(?:ans"
        r"|mois|annees)|l'an passe|a l'epoque|une fois|once)\b",
    ),
    (K.EXPERIENCE, 3, r"\b(?:happened to me|in my experience|from experience|been there)\b"),
    (
        K.EXPERIENCE,
        2.5,
        r"\b(?:when i was|we had|we did|we tried|we used to|at my previous"
        r"|where i work|in my team|in my last|on my side|last year i|my old team)\b",
    ),
    # resources: something to read, watch, use
    (K.RESOURCE, 4, r"https?://|www\.|<http"),
    (
        K.RESOURCE,
        3,
        r"\b(?:livre|bouquin|article|podcast|episode|video|ted|conference"
        r"|formation|mooc|ted talk|course|training|webinar)\b",
    ),
    (K.RESOURCE, 3, r"\b(?:a|the|this|that|great|good|short|little|his|her|their) (?:\w+ )?book"),
    (
        K.RESOURCE,
        2.5,
        r"\b(?:outil|tool|modele|model|template|methode|method|matrice|matrix"
        r"|theorie|theory|framework|grille|canvas)\b",
    ),
    (
        K.RESOURCE,
        2,
        r"\b(?:lecture|lire|read|reading|regarde|look up|check out|le lien|the link"
        r"|en lien|a link|references?)\b",
    ),
    (
        K.RESOURCE,
        2,
        r"\b(?:test|questionnaire|coaching|assessment|bilan|chapitre|chapter|association"
        r"|reseau|network|service|cellule|coach"
        r"|mentor|expert|les rh|hr|site|blog|newsletter|guide|manuel|handbook|look into"
        r"|renseigne-toi|check with)\b",
    ),
    (K.RESOURCE, 1, r"[«\"“][^»\"”]{3,60}[»\"”]"),
    (K.RESOURCE, 1.5, r"\b(?:by|de) [A-Z][a-z]+ [A-Z][a-z]+"),
    (K.RESOURCE, 1.5, r"[«\"“][^»\"”]{3,80}[»\"”] (?:de|by|par) [A-Z]|\b(?:de|by) [A-Z][a-z]+ ?$"),
)
_COMPILED = tuple((kind, weight, re.compile(pattern)) for kind, weight, pattern in CUES)
# On a tie, the kind that is rarer to mistake first.
_ORDER = (K.RESOURCE, K.EXPERIENCE, K.IMPRESSION, K.SUGGESTION, K.IDEA, K.QUESTION)


def scores(text: str) -> dict[K, float]:
    """Each kind's weight of cues in `text` (kinds without a cue are left out)."""
    folded = fold(text).replace("’", "'").replace("`", "'").strip()
    found: dict[K, float] = {}
    for kind, weight, pattern in _COMPILED:
        source = text.strip() if "A-Z" in pattern.pattern else folded
        if pattern.search(source):
            found[kind] = found.get(kind, 0) + weight
    return found


def classify(text: str) -> K | None:
    """The kind of contribution `text` reads as, or None when it gives no cue."""
    found = scores(text)
    if not found:
        return None
    best = max(found.values())
    return next(kind for kind in _ORDER if found.get(kind) == best)
