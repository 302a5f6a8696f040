"""Words of the scribe: who records what the group says aloud, the « Noter dans codev »
shortcut and its modal, and holding the client's harvest board until synthesis."""

EN = {
    "help.cmd.scribe": "who records what is said aloud in the running session; "
    "`scribe @someone` names a consultant, `scribe me` takes the pen back (facilitator)",
    "scribe.root": "📝 Scribe: {scribe}. Whatever is said aloud, the scribe or the facilitator "
    "records it from a message's menu: *Record in codev*.",
    "scribe.current": "The scribe of session #{number} is {scribe}.",
    "scribe.now": "{scribe} is now the scribe of session #{number}.",
    "scribe.how": "On any message in the channel or the thread (your notes, for instance), "
    "open its menu ⋮ and choose *Record in codev*: say who said it and what it is. The "
    "facilitator names the scribe with `/codev scribe @someone` and takes the pen back with "
    "`/codev scribe me`.",
    "scribe.you_are": "📝 You are the scribe of session #{number}. When someone speaks, note "
    "it in the thread (or anywhere in the channel), then on your message open its menu ⋮ › "
    "*Record in codev*: choose who said it and what it is. It counts as theirs.",
    "scribe.usage": "Name one person: `/codev scribe @someone`, or `/codev scribe me` to "
    "record yourself.",
    "scribe.name_consultant": "The scribe is one of this session's consultants: the client "
    "talks, and someone absent today cannot take notes.",
    "scribe.not_scribe": "Only this session's scribe and the facilitator record what is said "
    "aloud. The facilitator names the scribe with `/codev scribe @someone`.",
    "scribe.who_missing": "Choose who said it.",
    "scribe.what_missing": "Choose what it is.",
    "scribe.not_member": "This person is not in the group: choose someone taking part in the "
    "session.",
    "scribe.not_taking_part": "This person is not taking part in this session (absent "
    "today?): choose someone who is.",
    "scribe.role.question": "Questions come from consultants: this person is not a consultant "
    "in this session.",
    "scribe.role.answer": "Answers come from the client: choose the client of this session.",
    "scribe.role.contribution": "Contributions come from consultants: this person is not a "
    "consultant in this session.",
    "scribe.role.learning": "Learnings come from the people taking part in this session.",
    "scribe.button": "📝 Scribe",
    "scribe.naming.title": "Scribe",
    "scribe.naming.who": "Who records what is said aloud",
    "scribe.naming.hint": "A consultant of this session, or yourself (the facilitator always "
    "may record).",
    "scribe.modal.title": "Record in codev",
    "scribe.modal.intro": "Session #{number}: what was said aloud, credited to whoever said it.",
    "scribe.modal.text": "What was said",
    "scribe.modal.who": "Who said it",
    "scribe.modal.who_placeholder": "Choose a person",
    "scribe.modal.what": "What it is",
    "scribe.modal.what_placeholder": "Question, answer, contribution, learning",
    "scribe.group.clarification": "Clarification",
    "scribe.group.exploration": "Exploration",
    "scribe.group.learning": "Synthesis and learning",
    "scribe.what.question": "A question",
    "scribe.what.answer": "The answer to Q{number}: {question}",
    "scribe.what.contribution": "A contribution: {kind}",
    "scribe.what.learning": "A learning",
    "scribe.recorded": "📝 Recorded for {who}: {what}.",
    "scribe.recorded.question": "question Q{number}",
    "scribe.recorded.answer": "the answer to Q{number}",
    "scribe.recorded.contribution": "contribution #{number} ({kind})",
    "scribe.recorded.learning": "a learning",
    "settings.hold_harvest": "The client's harvest board (live)",
    "settings.hold_harvest_option": "Hold it until synthesis (phase 5)",
    "settings.hold_harvest_hint": "The client listens during exploration and sorts the "
    "contributions once synthesis opens.",
    "settings.saved.hold_harvest.on": "live: the client's harvest board comes at synthesis",
    "settings.saved.hold_harvest.off": "the client's harvest board follows the exploration",
}

FR = {
    "help.cmd.scribe": "qui note ce qui se dit à voix haute dans la séance en cours ; "
    "`secrétaire @quelqu'un` nomme un consultant, `secrétaire moi` reprend la main (animateur)",
    "scribe.root": "📝 Secrétaire de séance : {scribe}. Ce qui se dit à voix haute, la "
    "personne secrétaire ou l'animateur le note depuis le menu d'un message : *Noter dans "
    "codev*.",
    "scribe.current": "Secrétaire de la séance n° {number} : {scribe}.",
    "scribe.now": "{scribe} tient désormais le rôle de secrétaire de la séance n° {number}.",
    "scribe.how": "Sur n'importe quel message du canal ou du fil (vos notes, par exemple), "
    "ouvrez son menu ⋮ et choisissez *Noter dans codev* : dites qui l'a dit et ce que c'est. "
    "L'animateur nomme la personne secrétaire avec `/codev secrétaire @quelqu'un` et reprend "
    "la main avec `/codev secrétaire moi`.",
    "scribe.you_are": "📝 Vous tenez le rôle de secrétaire de la séance n° {number}. Quand "
    "quelqu'un parle, notez-le dans le fil (ou ailleurs dans le canal), puis ouvrez le menu ⋮ "
    "de votre message › *Noter dans codev* : choisissez qui l'a dit et ce que c'est. Cela "
    "compte comme venant de cette personne.",
    "scribe.usage": "Nommez une seule personne : `/codev secrétaire @quelqu'un`, ou "
    "`/codev secrétaire moi` pour noter vous-même.",
    "scribe.name_consultant": "Le rôle de secrétaire revient à l'un des consultants de la "
    "séance : le client parle, et une personne absente aujourd'hui ne peut pas prendre de "
    "notes.",
    "scribe.not_scribe": "Seuls la personne secrétaire de la séance et l'animateur notent ce "
    "qui se dit à voix haute. L'animateur la nomme avec `/codev secrétaire @quelqu'un`.",
    "scribe.who_missing": "Choisissez qui l'a dit.",
    "scribe.what_missing": "Choisissez ce que c'est.",
    "scribe.not_member": "Cette personne ne fait pas partie du groupe : choisissez quelqu'un "
    "qui participe à la séance.",
    "scribe.not_taking_part": "Cette personne ne participe pas à cette séance (absente "
    "aujourd'hui ?) : choisissez quelqu'un qui y participe.",
    "scribe.role.question": "Les questions viennent des consultants : cette personne n'a pas "
    "le rôle de consultant dans cette séance.",
    "scribe.role.answer": "Les réponses viennent du client : choisissez la personne qui a le "
    "rôle de client dans cette séance.",
    "scribe.role.contribution": "Les contributions viennent des consultants : cette personne "
    "n'a pas le rôle de consultant dans cette séance.",
    "scribe.role.learning": "Les apprentissages viennent des personnes qui participent à "
    "cette séance.",
    "scribe.button": "📝 Secrétaire",
    "scribe.naming.title": "Secrétaire de séance",
    "scribe.naming.who": "Qui note ce qui se dit à voix haute",
    "scribe.naming.hint": "Un consultant de cette séance, ou vous-même (l'animateur peut "
    "toujours noter).",
    "scribe.modal.title": "Noter dans codev",
    "scribe.modal.intro": "Séance n° {number} : ce qui s'est dit à voix haute, au nom de la "
    "personne qui l'a dit.",
    "scribe.modal.text": "Ce qui a été dit",
    "scribe.modal.who": "Qui l'a dit",
    "scribe.modal.who_placeholder": "Choisir une personne",
    "scribe.modal.what": "Ce que c'est",
    "scribe.modal.what_placeholder": "Question, réponse, contribution, apprentissage",
    "scribe.group.clarification": "Clarification",
    "scribe.group.exploration": "Exploration",
    "scribe.group.learning": "Synthèse et apprentissages",
    "scribe.what.question": "Une question",
    "scribe.what.answer": "La réponse à Q{number} : {question}",
    "scribe.what.contribution": "Une contribution : {kind}",
    "scribe.what.learning": "Un apprentissage",
    "scribe.recorded": "📝 Noté au nom de {who} : {what}.",
    "scribe.recorded.question": "question Q{number}",
    "scribe.recorded.answer": "la réponse à Q{number}",
    "scribe.recorded.contribution": "contribution n° {number} ({kind})",
    "scribe.recorded.learning": "un apprentissage",
    "settings.hold_harvest": "La récolte du client (en direct)",
    "settings.hold_harvest_option": "La garder jusqu'à la synthèse (phase 5)",
    "settings.hold_harvest_hint": "Le client écoute pendant l'exploration et trie les "
    "contributions à l'ouverture de la synthèse.",
    "settings.saved.hold_harvest.on": "en direct : la récolte du client arrive à la synthèse",
    "settings.saved.hold_harvest.off": "la récolte du client suit l'exploration",
}
