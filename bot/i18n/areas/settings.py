"""Words of the facilitator's session settings (`/codev settings`)."""

EN = {
    "help.cmd.settings": "how sessions run: follow-up phase, strict or open exploration, "
    "time boxes and deadlines per phase, working days, the video link, peer-run facilitation "
    "(facilitator)",
    "settings.title": "Session settings",
    "settings.follow_up": "Phase 0",
    "settings.follow_up_option": "Start each session, from the second one, with the "
    "follow-up of the earlier plans",
    "settings.exploration": "Exploration (phase 4)",
    "settings.exploration_hint": "Strict: the client's replies are held back. Open: recorded "
    "as clarifications.",
    "settings.exploration.strict": "Strict: the client listens",
    "settings.exploration.open": "Open: the client may clarify",
    "settings.live_title": "Live sessions: time box per phase",
    "settings.async_title": "Asynchronous sessions: deadline per phase",
    "settings.times_hint": "From 1 to {max}, as you like to write it (20, 1h30, 2 days); "
    "an empty field keeps the default. "
    "New time boxes apply from the next session.",
    "settings.unit.live": "minutes",
    "settings.unit.async": "hours",
    "settings.error.live_number": "Write a number of minutes from 1 to {max}, e.g. 20 or 1h30.",
    "settings.error.live_range": "A live phase lasts from 1 to {max} minutes.",
    "settings.error.async_number": "Write a number of hours from 1 to {max}, e.g. 48, 48 h or 2 "
    "days.",
    "settings.error.async_range": "An asynchronous phase lasts from 1 to {max} hours (two weeks).",
    "settings.error.exploration": "Choose strict or open exploration.",
    "settings.saved": "Session settings of *{name}* saved:",
    "settings.saved.follow_up.on": "sessions start with the follow-up (phase 0)",
    "settings.saved.follow_up.off": "sessions start with the exposé (no phase 0)",
    "settings.saved.exploration.strict": "strict exploration: the client listens",
    "settings.saved.exploration.open": "open exploration: the client's replies are clarifications",
    "settings.saved.live": "live time boxes, phases 0 to 6: {boxes} minutes",
    "settings.saved.async": "asynchronous deadlines, phases 0 to 6: {boxes} hours",
    "settings.saved.when": "Exploration applies at once; phase 0 and time boxes from the "
    "next session. `/codev settings` to change them again.",
}

FR = {
    "help.cmd.settings": "le déroulé des séances : phase de suivi, exploration stricte ou "
    "ouverte, durée et échéance de chaque phase, jours ouvrés, lien de visio, animation "
    "tournante (animateur)",
    "settings.title": "Réglages des séances",
    "settings.follow_up": "Phase 0",
    "settings.follow_up_option": "Commencer chaque séance, dès la deuxième, par le retour "
    "sur les plans précédents",
    "settings.exploration": "Exploration (phase 4)",
    "settings.exploration_hint": "Stricte : les réponses du client sont retenues. Ouverte : "
    "elles comptent comme précisions.",
    "settings.exploration.strict": "Stricte : le client écoute",
    "settings.exploration.open": "Ouverte : le client peut préciser",
    "settings.live_title": "Séances en direct : durée de chaque phase",
    "settings.async_title": "Séances asynchrones : échéance de chaque phase",
    "settings.times_hint": "De 1 à {max}, écrit comme vous voulez (20, 1h30, 2 jours) ; "
    "un champ vide garde la valeur "
    "par défaut. Les nouvelles durées valent dès la prochaine séance.",
    "settings.unit.live": "minutes",
    "settings.unit.async": "heures",
    "settings.error.live_number": "Indiquez un nombre de minutes de 1 à {max}, par exemple 20 ou "
    "1h30.",
    "settings.error.live_range": "Une phase en direct dure de 1 à {max} minutes.",
    "settings.error.async_number": "Indiquez un nombre d'heures de 1 à {max}, par exemple 48, 48 "
    "h ou 2 jours.",
    "settings.error.async_range": "Une phase asynchrone dure de 1 à {max} heures (deux semaines).",
    "settings.error.exploration": "Choisissez une exploration stricte ou ouverte.",
    "settings.saved": "Réglages des séances de *{name}* enregistrés :",
    "settings.saved.follow_up.on": "les séances commencent par le suivi (phase 0)",
    "settings.saved.follow_up.off": "les séances commencent par l'exposé (sans phase 0)",
    "settings.saved.exploration.strict": "exploration stricte : le client écoute",
    "settings.saved.exploration.open": "exploration ouverte : les réponses du client sont "
    "des précisions",
    "settings.saved.live": "durées en direct, phases 0 à 6 : {boxes} minutes",
    "settings.saved.async": "échéances asynchrones, phases 0 à 6 : {boxes} heures",
    "settings.saved.when": "L'exploration s'applique tout de suite ; la phase 0 et les "
    "durées, dès la prochaine séance. `/codev réglages` pour les changer à nouveau.",
}
