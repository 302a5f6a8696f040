"""Words of the cycle: schedule, calendar, reminders, charter, topics, absences."""

EN = {
    "help.cmd.schedule": (
        "plan the cycle (facilitator), 1 to 3 cases per meeting; `schedule list`, "
        "`schedule cancel N`, "
        "`schedule move N 2027-04-02 18:30`, `schedule close`"
    ),
    "help.cmd.calendar": "the cycle's sessions as an .ics file, by direct message",
    "help.cmd.charter": (
        "show the group's charter and accept it; `charter edit` to change it (facilitator)"
    ),
    "help.cmd.topic": "pitch a topic for a coming session: `topic how to delegate more`",
    "help.cmd.absent": "mark an absence: `absent 2027-03-26`",
    "schedule.title": "Plan the cycle",
    "schedule.first_date": "First session: date",
    "schedule.first_time": "Time",
    "schedule.time_hint": "In the group's time zone ({tz})",
    "schedule.cadence": "Cadence",
    "schedule.cadence.w1": "Every week",
    "schedule.cadence.w2": "Every 2 weeks",
    "schedule.cadence.w3": "Every 3 weeks",
    "schedule.cadence.w4": "Every 4 weeks",
    "schedule.cadence.monthly": "Monthly, same weekday",
    "schedule.duration": "Length of a session (minutes)",
    "schedule.count": "Number of sessions",
    "schedule.hours": "Hours engaged for the cycle",
    "schedule.reminders": "Reminders (minutes before, comma separated)",
    "schedule.error.date": "Pick a date, e.g. {example}.",
    "schedule.error.time": "Pick a time, e.g. {example}.",
    "schedule.error.cadence": "Pick a cadence from the list.",
    "schedule.error.duration": "Give a length between {low} and {high} minutes, e.g. 120, 2 h or "
    "1h30.",
    "schedule.error.count": "Give a number of sessions between 1 and {high}.",
    "schedule.error.hours": "Give the hours engaged, e.g. 35 or 35 h.",
    "schedule.error.reminders": "Give up to 5 times before the session, e.g. {example} or 1 day, "
    "1 h.",
    "schedule.error.dst_gap": (
        "{when} does not exist in {tz} (the clocks change that night). Pick another time."
    ),
    "schedule.error.past": "This date is already past. Pick a date to come.",
    "schedule.error.overlap": (
        "These sessions would overlap each other or a planned session. "
        "Space them more or shorten them."
    ),
    "schedule.error.too_many_hours": (
        "That makes {hours} h, more than the {engaged} h engaged. "
        "At most {room} more session(s) of this length fit."
    ),
    "schedule.no_such_session": (
        "There is no planned session number {number}. See `/codev schedule list`."
    ),
    "schedule.usage": (
        "Use `/codev schedule` (plan), `/codev schedule list`, `/codev schedule cancel N`, "
        "`/codev schedule move N 2027-04-02 18:30`, `/codev schedule client N @someone` "
        "or `/codev schedule close` (end the cycle)."
    ),
    "schedule.move_usage": (
        "Give the session number and a date: `/codev schedule move 3 2027-04-02 18:30`."
    ),
    "schedule.cancelled": "Session {number} is cancelled; its reminders are dropped.",
    "schedule.moved": "Session {number} moved to {when}; its reminders follow.",
    "cycle.title": "Cycle of {group}",
    "cycle.empty": "No session yet. The facilitator plans them with `/codev schedule`.",
    "cycle.slot": "*{number}.* {when} · {length} · {status} · client: {client}",
    "cycle.status.planned": "planned",
    "cycle.status.running": "running",
    "cycle.status.done": "done",
    "cycle.status.cancelled": "cancelled",
    "cycle.hours": "Hours: {planned} h planned, {done} h done, {engaged} h engaged",
    "cycle.reminders": "Reminders: {offsets} before each session",
    "cycle.minutes": "{minutes} min",
    "cycle.hours_minutes": "{hours} h {minutes}",
    "cycle.planned": "{count} session(s) planned. `/codev schedule list` shows the calendar.",
    "cycle.reminder": "Reminder: session {number} of *{group}* starts {when} (in {before}).",
    "cycle.prep": (
        "You are the client of session {number} of *{group}*, {when}. "
        "Time to prepare the situation you will bring."
    ),
    "cycle.prep_topics": "The topics you pitched:",
    "cycle.prep_hint": (
        "Prepare: the situation in a few sentences, what is at stake for you, "
        "what you have tried, what help you expect."
    ),
    "cycle.suggest": (
        "Session {number} of *{group}* ({when}): the rotation suggests {client} as client."
    ),
    "cycle.suggest_nobody": (
        "Session {number} of *{group}* ({when}): nobody is available as client."
    ),
    "cycle.suggest_order": "Then, in order: {order}",
    "cycle.suggest_absent": "Absent that day: {absent}",
    "cycle.topics": "Pitched topics:",
    "cycle.suggest_hint": (
        "Use the buttons above, or in the group's channel: "
        "`/codev schedule client {number} @someone`."
    ),
    "cycle.turns": "Client turns: {turns}",
    "cycle.unreachable": (
        "{member} of *{group}* cannot receive direct messages (closed or deactivated "
        "account): they will not get the reminders. The others still do."
    ),
    "schedule.client_chosen": (
        "{client} will be the client of session {number}; their preparation message is queued."
    ),
    "cycle.event_title": "Codev session {number} — {group}",
    "cycle.calendar_title": "Calendar of {group}",
    "cycle.calendar_comment": "The cycle's sessions, to import into your calendar.",
    "cycle.calendar_sent": "The calendar file is on its way in a direct message.",
    "cycle.peers_only": "Only the group's peers can do this. Join with `/codev join`.",
    "charter.title": "Charter of {group}",
    "charter.default": (
        "*Confidentiality* — what is said in the group stays in the group.\n"
        "*Kindness* — we speak to help, with respect.\n"
        "*No judgement* — we explore situations, we do not judge people.\n"
        "*Commitment to attend* — I come to every session, or say so in advance."
    ),
    "charter.accept": "I accept the charter",
    "charter.accepted_on": "You accepted this charter on {when}.",
    "charter.accepted": "Thank you: you accepted the charter.",
    "charter.peers_only": "Only the group's peers accept the charter.",
    "topic.usage": "Write the topic after the command: `/codev topic how to delegate more`.",
    "topic.pitched": "Topic noted. {count} topic(s) are pitched for coming sessions.",
    "absent.usage": "Give the day of your absence: `/codev absent {example}`.",
    "absent.noted": "Absence on {day} noted; the rotation will not suggest you that day.",
    "absent.already": "Your absence on {day} was already noted.",
}

FR = {
    "help.cmd.schedule": (
        "planifier le cycle (animateur), 1 à 3 cas par rencontre ; `planifier liste`, "
        "`planifier annuler "
        "N`, `planifier déplacer N 2027-04-02 18:30`, `planifier clore`"
    ),
    "help.cmd.calendar": "les séances du cycle en fichier .ics, par message direct",
    "help.cmd.charter": (
        "afficher la charte du groupe et l'accepter ; `charte modifier` pour la changer (animateur)"
    ),
    "help.cmd.topic": (
        "proposer un sujet pour une prochaine séance : `sujet comment mieux déléguer`"
    ),
    "help.cmd.absent": "signaler une absence : `absence 2027-03-26`",
    "schedule.title": "Planifier le cycle",
    "schedule.first_date": "Première séance : date",
    "schedule.first_time": "Heure",
    "schedule.time_hint": "Dans le fuseau horaire du groupe ({tz})",
    "schedule.cadence": "Rythme",
    "schedule.cadence.w1": "Chaque semaine",
    "schedule.cadence.w2": "Toutes les 2 semaines",
    "schedule.cadence.w3": "Toutes les 3 semaines",
    "schedule.cadence.w4": "Toutes les 4 semaines",
    "schedule.cadence.monthly": "Chaque mois, même jour de la semaine",
    "schedule.duration": "Durée d'une séance (minutes)",
    "schedule.count": "Nombre de séances",
    "schedule.hours": "Heures engagées pour le cycle",
    "schedule.reminders": "Rappels (minutes avant, séparées par des virgules)",
    "schedule.error.date": "Choisissez une date, par exemple {example}.",
    "schedule.error.time": "Choisissez une heure, par exemple {example}.",
    "schedule.error.cadence": "Choisissez un rythme dans la liste.",
    "schedule.error.duration": "Indiquez une durée entre {low} et {high} minutes, par exemple "
    "120, 2 h ou 1h30.",
    "schedule.error.count": "Indiquez un nombre de séances entre 1 et {high}.",
    "schedule.error.hours": "Indiquez les heures engagées, par exemple 35 ou 35 h.",
    "schedule.error.reminders": "Indiquez jusqu'à 5 délais avant la séance, par exemple {example} "
    "ou 1 jour, 1 h.",
    "schedule.error.dst_gap": (
        "{when} n'existe pas dans le fuseau {tz} (changement d'heure cette nuit-là). "
        "Choisissez une autre heure."
    ),
    "schedule.error.past": "Cette date est déjà passée. Choisissez une date à venir.",
    "schedule.error.overlap": (
        "Ces séances se chevaucheraient entre elles ou avec une séance prévue. "
        "Espacez-les ou raccourcissez-les."
    ),
    "schedule.error.too_many_hours": (
        "Cela fait {hours} h, plus que les {engaged} h engagées. "
        "Il reste de la place pour {room} séance(s) de cette durée au plus."
    ),
    "schedule.no_such_session": (
        "Aucune séance prévue ne porte le numéro {number}. Voir `/codev planifier list`."
    ),
    "schedule.usage": (
        "Utilisez `/codev planifier` (planifier), `/codev planifier list`, "
        "`/codev planifier cancel N`, `/codev planifier move N 2027-04-02 18:30` "
        "`/codev planifier client N @quelqu'un` ou `/codev planifier clore` (finir le cycle)."
    ),
    "schedule.move_usage": (
        "Indiquez le numéro de la séance et une date : `/codev planifier move 3 2027-04-02 18:30`."
    ),
    "schedule.cancelled": "La séance {number} est annulée ; ses rappels sont supprimés.",
    "schedule.moved": "La séance {number} est déplacée au {when} ; ses rappels suivent.",
    "cycle.title": "Cycle de {group}",
    "cycle.empty": (
        "Aucune séance pour l'instant. L'animateur les planifie avec `/codev planifier`."
    ),
    "cycle.slot": "*{number}.* {when} · {length} · {status} · client : {client}",
    "cycle.status.planned": "prévue",
    "cycle.status.running": "en cours",
    "cycle.status.done": "terminée",
    "cycle.status.cancelled": "annulée",
    "cycle.hours": "Heures : {planned} h prévues, {done} h faites, {engaged} h engagées",
    "cycle.reminders": "Rappels : {offsets} avant chaque séance",
    "cycle.minutes": "{minutes} min",
    "cycle.hours_minutes": "{hours} h {minutes}",
    "cycle.planned": (
        "{count} séance(s) planifiée(s). `/codev planifier list` affiche le calendrier."
    ),
    "cycle.reminder": "Rappel : la séance {number} de *{group}* commence {when} (dans {before}).",
    "cycle.prep": (
        "Vous avez le rôle de client à la séance {number} de *{group}*, {when}. "
        "Il est temps de préparer la situation que vous apporterez."
    ),
    "cycle.prep_topics": "Les sujets que vous avez proposés :",
    "cycle.prep_hint": (
        "Préparez : la situation en quelques phrases, ce qui est en jeu pour vous, "
        "ce que vous avez déjà essayé, l'aide que vous attendez."
    ),
    "cycle.suggest": (
        "Séance {number} de *{group}* ({when}) : la rotation propose {client} dans le rôle "
        "de client."
    ),
    "cycle.suggest_nobody": (
        "Séance {number} de *{group}* ({when}) : personne n'est disponible pour le rôle de client."
    ),
    "cycle.suggest_order": "Ensuite, dans l'ordre : {order}",
    "cycle.suggest_absent": "Absences ce jour-là : {absent}",
    "cycle.topics": "Sujets proposés :",
    "cycle.suggest_hint": (
        "Utilisez les boutons ci-dessus, ou dans le canal du groupe : "
        "`/codev planifier client {number} @quelqu'un`."
    ),
    "cycle.turns": "Tours dans le rôle de client : {turns}",
    "cycle.unreachable": (
        "{member} de *{group}* ne peut pas recevoir de messages directs (compte fermé ou "
        "désactivé) : la personne ne recevra pas les rappels. Les autres, si."
    ),
    "schedule.client_chosen": (
        "{client} aura le rôle de client à la séance {number} ; son message de préparation "
        "est prévu."
    ),
    "cycle.event_title": "Séance de codéveloppement {number} — {group}",
    "cycle.calendar_title": "Calendrier de {group}",
    "cycle.calendar_comment": "Les séances du cycle, à importer dans votre agenda.",
    "cycle.calendar_sent": "Le fichier du calendrier arrive en message direct.",
    "cycle.peers_only": (
        "Seuls les pairs du groupe peuvent faire cela. Rejoignez-le avec `/codev rejoindre`."
    ),
    "charter.title": "Charte de {group}",
    "charter.default": (
        "*Confidentialité* — ce qui se dit dans le groupe reste dans le groupe.\n"
        "*Bienveillance* — nous parlons pour aider, avec respect.\n"
        "*Non-jugement* — nous explorons des situations, nous ne jugeons pas les personnes.\n"
        "*Engagement de présence* — je viens à chaque séance, ou je préviens à l'avance."
    ),
    "charter.accept": "J'accepte la charte",
    "charter.accepted_on": "Vous avez accepté cette charte le {when}.",
    "charter.accepted": "Merci : vous avez accepté la charte.",
    "charter.peers_only": "Seuls les pairs du groupe acceptent la charte.",
    "topic.usage": "Écrivez le sujet après la commande : `/codev sujet comment mieux déléguer`.",
    "topic.pitched": "Sujet noté. {count} sujet(s) proposé(s) pour les prochaines séances.",
    "absent.usage": "Indiquez le jour de votre absence : `/codev absent {example}`.",
    "absent.noted": "Absence le {day} notée ; la rotation ne vous proposera pas ce jour-là.",
    "absent.already": "Votre absence le {day} était déjà notée.",
}
