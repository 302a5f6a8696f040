"""Method coaching: private hints in the thread, the facilitator's counts, contract coverage."""

EN = {
    "help.cmd.coaching": "method hints in the thread (disguised advice, debate) and their "
    "counts for the facilitator; `coaching off`, `coaching on` (facilitator)",
    # private hints, seen only by their author
    "coaching.hint.advice": "Your question is recorded as you asked it. :bulb: It sounds as if "
    "it carries an idea (“Have you considered…?”, “Why not…?”). If so, keep the idea for "
    "exploration: it will be welcome there. For now, an open question (what, how, what for) "
    "helps the client find their own answer.",
    "coaching.hint.debate": "Your reply is recorded. :ear: During exploration, the method asks "
    "the client to listen and take notes rather than answer each idea: you will sort them "
    "(keep, park, drop) on your board, and say what you make of them in the synthesis.",
    "coaching.hint.argument": "Your contribution is recorded. :ear: During exploration, "
    "consultants add ideas side by side rather than argue with each other: offer yours as "
    "another option, and the client chooses.",
    # what the facilitator sees, without names
    "coaching.keep_idea": "Keep the idea for exploration",
    "coaching.kept": "Kept. When exploration opens, I will show it back to you here (only to "
    "you), to offer it then if it still helps.",
    "coaching.keep_now": "Exploration is open: offer your idea now, as a reply in the thread.",
    "coaching.keep_gone": "I can no longer find that question: it may have been deleted.",
    "coaching.kept_reminder": "Exploration is open. The idea you kept during clarification:\n"
    "> {idea}\nIf it still helps, offer it as a reply in the thread (for example starting "
    "with `idea:`).",
    "coaching.counts": "*Method hints given:* {counts}",
    "coaching.counts_phase": "{phase}: {items}",
    "coaching.slip.advice": "{count} disguised advice",
    "coaching.slip.debate": "{count} client debate",
    "coaching.slip.argument": "{count} consultant argument",
    "coaching.counts_none": "*Method hints given:* none so far.",
    "coaching.coverage": "*Help asked for:* {items}",
    "coaching.coverage_item": "{kind} asked: {count} received",
    "coaching.coverage_done": "{kind} asked: received ✅",
    "coaching.tag.impression": "impression",
    "coaching.tag.question": "question",
    "coaching.tag.idea": "idea",
    "coaching.tag.suggestion": "suggestion",
    "coaching.tag.experience": "experience",
    "coaching.tag.resource": "resource",
    # the group setting
    "coaching.on": "Method hints are *on* in this group: a consultant whose question sounds "
    "like advice, or a participant who debates during exploration, gets a private hint; the "
    "facilitator sees how many in `/codev status` (no names). `/codev coaching off` turns "
    "them off.",
    "coaching.off": "Method hints are *off* in this group. `/codev coaching on` turns them "
    "back on.",
    "coaching.usage": "I could not read “{value}”. Write `/codev coaching on` or "
    "`/codev coaching off`.",
    # half-way through exploration, a requested kind still empty
    "coaching.nudge": "Session #{number} of *{group}* is half-way through exploration, and "
    "the client asked for {kinds}, still with no contribution of that kind. If you have one, "
    "share it in the thread in <#{channel}> (start your reply with the kind, for example "
    "`{tag}:`).",
}

FR = {
    "help.cmd.coaching": "repères de méthode dans le fil (conseil déguisé, débat) et leur "
    "décompte pour l'animateur ; `méthode non`, `méthode oui` (animateur)",
    "coaching.hint.advice": "Votre question est enregistrée telle quelle. :bulb: Elle semble "
    "porter une idée (« As-tu pensé à… ? », « Pourquoi ne pas… ? »). Si c'est le cas, gardez "
    "l'idée pour l'exploration : elle y sera bienvenue. Pour l'instant, une question ouverte "
    "(quoi, comment, pour quoi) aide le client à trouver sa propre réponse.",
    "coaching.hint.debate": "Votre réponse est enregistrée. :ear: Pendant l'exploration, la "
    "méthode invite le client à écouter et à noter plutôt qu'à répondre à chaque idée : vous "
    "les trierez (garder, mettre de côté, écarter) sur votre tableau, et direz ce que vous en "
    "retenez à la synthèse.",
    "coaching.hint.argument": "Votre contribution est enregistrée. :ear: Pendant "
    "l'exploration, les consultants ajoutent leurs idées côte à côte plutôt que de débattre "
    "entre eux : proposez la vôtre comme une piste de plus, le client choisira.",
    "coaching.keep_idea": "Garder l'idée pour l'exploration",
    "coaching.kept": "C'est gardé. À l'ouverture de l'exploration, je vous la remontrerai ici "
    "(à vous seulement), pour la proposer alors si elle aide toujours.",
    "coaching.keep_now": "L'exploration est ouverte : proposez votre idée maintenant, en "
    "réponse dans le fil.",
    "coaching.keep_gone": "Je ne retrouve plus cette question : elle a peut-être été supprimée.",
    "coaching.kept_reminder": "L'exploration est ouverte. L'idée que vous avez gardée pendant "
    "la clarification :\n> {idea}\nSi elle aide toujours, proposez-la en réponse dans le fil "
    "(par exemple en commençant par `idée :`).",
    "coaching.counts": "*Repères de méthode donnés :* {counts}",
    "coaching.counts_phase": "{phase} : {items}",
    "coaching.slip.advice": "{count} conseil(s) déguisé(s)",
    "coaching.slip.debate": "{count} débat(s) du client",
    "coaching.slip.argument": "{count} débat(s) entre consultants",
    "coaching.counts_none": "*Repères de méthode donnés :* aucun pour l'instant.",
    "coaching.coverage": "*Aide demandée :* {items}",
    "coaching.coverage_item": "{kind} demandées : {count} reçue(s)",
    "coaching.coverage_done": "{kind} demandées : reçues ✅",
    "coaching.tag.impression": "ressenti",
    "coaching.tag.question": "question",
    "coaching.tag.idea": "idée",
    "coaching.tag.suggestion": "piste",
    "coaching.tag.experience": "expérience",
    "coaching.tag.resource": "ressource",
    "coaching.on": "Les repères de méthode sont *activés* dans ce groupe : un consultant dont "
    "la question ressemble à un conseil, ou un participant qui débat pendant l'exploration, "
    "reçoit un repère privé ; l'animateur en voit le nombre dans `/codev statut` (sans noms). "
    "`/codev coaching non` les désactive.",
    "coaching.off": "Les repères de méthode sont *désactivés* dans ce groupe. `/codev coaching "
    "oui` les réactive.",
    "coaching.usage": "Je n'ai pas compris « {value} ». Écrivez `/codev coaching oui` ou "
    "`/codev coaching non`.",
    "coaching.nudge": "La séance n° {number} de *{group}* est à mi-parcours de l'exploration, "
    "et le client a demandé des {kinds}, toujours sans aucune contribution de ce type. Si vous "
    "en avez, partagez-les dans le fil de <#{channel}> (commencez votre réponse par le type, "
    "par exemple `{tag} :`).",
}
