"""Meetings of several cases and peer-run groups: the words of the schedule modal's
cases, the offer of the next case, and who facilitates a peer-run session."""

EN = {
    # several cases per meeting
    "schedule.cases": "Cases per meeting",
    "schedule.cases_hint": "A half-day often holds two cases, one after the other, each with "
    "its own client and thread. The meeting's hours count once.",
    "schedule.cases_option.1": "1 case",
    "schedule.cases_option.2": "2 cases",
    "schedule.cases_option.3": "3 cases",
    "schedule.error.cases": "Choose 1 to {high} cases per meeting.",
    "meeting.case_of": " · case {case} of {cases}",
    "meeting.cases": " · {cases} cases",
    "meeting.case_started": "Case {case} of {cases} of this meeting.",
    "meeting.holds": "This meeting holds {cases} cases, one after the other, each with its own "
    "client.",
    "meeting.next_case": "Session {number} holds {cases} cases: case {case} comes next, in a "
    "thread of its own with its own client.",
    "meeting.start_next_case": "Start case {case}",
    "meeting.all_cases_held": "This meeting has held all its cases: `/codev start` starts a "
    "new session.",
    "meeting.next_hint": "The facilitator starts it (the same as `/codev start`); "
    "`/codev start @name` chooses its client.",
    # peer-run groups
    "settings.peer_run": "Facilitation",
    "settings.peer_run_option": "Peer-run: the peers take turns as facilitator",
    "settings.peer_run_hint": "Each session then names its facilitator; the rotation suggests "
    "the peer who facilitated least, never the session's client.",
    "settings.saved.peer_run.on": "Facilitation: peer-run, a new facilitator for each session",
    "settings.saved.peer_run.off": "Facilitation: the group's facilitator",
    "peer_run.ask": "Who facilitates {client}'s case? The rotation suggests {suggested} "
    "(fewest turns as facilitator, then the longest wait).",
    "peer_run.ask_nobody": "Who facilitates {client}'s case? Choose a peer.",
    "peer_run.start_with_suggested": "Start with the suggested facilitator",
    "peer_run.choose_another": "Someone else facilitates…",
    "peer_run.hint": "Or type `/codev start @client facilitated by @name`.",
    "peer_run.status": "Facilitated by {facilitator}",
    "peer_run.own_case": "The client does not facilitate their own case: choose another peer.",
    "peer_run.not_member": "Whoever facilitates is a member of the group: add them with "
    "`/codev members add @name`, or choose another peer.",
    "peer_run.who_facilitates": "Name who facilitates: `/codev start @client facilitated by "
    "@name`.",
    "rules.session_facilitator_only": "Only this session's facilitator can do this.",
}

FR = {
    # plusieurs cas par rencontre
    "schedule.cases": "Cas par rencontre",
    "schedule.cases_hint": "Une demi-journée réunit souvent deux cas à la suite, chacun avec "
    "son client et son fil. Les heures de la rencontre comptent une fois.",
    "schedule.cases_option.1": "1 cas",
    "schedule.cases_option.2": "2 cas",
    "schedule.cases_option.3": "3 cas",
    "schedule.error.cases": "Choisissez de 1 à {high} cas par rencontre.",
    "meeting.case_of": " · cas {case} sur {cases}",
    "meeting.cases": " · {cases} cas",
    "meeting.case_started": "Cas {case} sur {cases} de cette rencontre.",
    "meeting.holds": "Cette rencontre réunit {cases} cas à la suite, chacun avec son client.",
    "meeting.next_case": "La séance n° {number} réunit {cases} cas : le cas {case} suit, dans "
    "son propre fil, avec son propre client.",
    "meeting.start_next_case": "Démarrer le cas {case}",
    "meeting.all_cases_held": "Cette rencontre a réuni tous ses cas : `/codev démarrer` "
    "démarre une nouvelle séance.",
    "meeting.next_hint": "L'animateur le démarre (comme `/codev démarrer`) ; "
    "`/codev démarrer @nom` choisit son client.",
    # groupes en animation tournante
    "settings.peer_run": "Animation",
    "settings.peer_run_option": "Tournante : les pairs animent à tour de rôle",
    "settings.peer_run_hint": "Chaque séance nomme alors son animateur ; la rotation propose "
    "le pair qui a le moins animé, jamais le client de la séance.",
    "settings.saved.peer_run.on": "Animation : tournante, un nouvel animateur à chaque séance",
    "settings.saved.peer_run.off": "Animation : l'animateur du groupe",
    "peer_run.ask": "Qui anime le cas de {client} ? La rotation propose {suggested} (le moins "
    "de tours d'animation, puis la plus longue attente).",
    "peer_run.ask_nobody": "Qui anime le cas de {client} ? Choisissez un pair.",
    "peer_run.start_with_suggested": "Démarrer avec l'animateur proposé",
    "peer_run.choose_another": "Une autre personne anime…",
    "peer_run.hint": "Ou tapez `/codev démarrer @client animé par @nom`.",
    "peer_run.status": "Animée par {facilitator}",
    "peer_run.own_case": "Le client n'anime pas son propre cas : choisissez un autre pair.",
    "peer_run.not_member": "La personne qui anime est membre du groupe : ajoutez-la avec "
    "`/codev membres ajouter @nom`, ou choisissez un autre pair.",
    "peer_run.who_facilitates": "Nommez qui anime : `/codev démarrer @client animé par @nom`.",
    "rules.session_facilitator_only": "Seul l'animateur de cette séance peut faire cela.",
}
