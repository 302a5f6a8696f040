"""How groups really meet: phase 0 over every earlier plan, the group's size at start,
choosing the case among the pitched topics, the video link, working-day deadlines."""

EN = {
    # phase 0: every earlier client's open items
    "follow_up.board_title": "Follow-up of the earlier action plans",
    "follow_up.section": "{client} — session #{number}",
    "follow_up.nothing_open": "No action is waiting for a follow-up: the earlier clients "
    "may still say in a reply how things went.",
    "follow_up.more": "… and {count} more actions of older sessions.",
    "follow_up.how_to_each": "Each person reports on their own actions with the buttons; the "
    "group listens, questions come afterwards.",
    # group size at start
    "start.small_group": "Only {consultants} consultants for {client}'s case: codev works "
    "best with {low} to {high} (fewer voices, fewer angles on the case). Start anyway, or "
    "invite more peers with `/codev members add @name`.",
    "start.anyway": "Start with {consultants} consultants",
    "start.not_now": "Not now",
    # préambule: choosing the case
    "case.title": "Which case today? Pitched topics",
    "case.option": "*{topic}*\n— {author}",
    "case.votes": "🗳 {count} vote(s)",
    "case.choose": "Choose this case",
    "case.rotation_hint": "Hint: the rotation suggests {client} (fewest turns as client, "
    "longest wait). `/codev start @name` starts with anyone.",
    "case.open_vote": "Ask the group to vote",
    "case.how_to": "Choosing a topic starts the session with its author as client.",
    "case.vote_title": "Which case today? Vote for one topic",
    "case.vote": "Vote",
    "case.vote_how_to": "One vote each (voting again moves your vote). The facilitator "
    "chooses with `/codev start`, which shows the counts.",
    "case.vote_closed": "Vote closed: the group works on {client}'s case.",
    "case.voted": "Your vote is counted.",
    "case.vote_over": "This vote is over: the case is chosen.",
    "case.gone": "This topic is no longer open (chosen already, or its author left).",
    "case.none_pitched": "No topic is pitched: members pitch one with `/codev topic …`.",
    # the group's video link
    "settings.video": "Video-meeting link",
    "settings.video_hint": "Zoom, Meet, Teams, Jitsi …: shown with each session, in the "
    "reminders and in the calendar. Empty: none.",
    "settings.error.video": "Paste the meeting's whole link, starting with https:// (at most "
    "{max} characters), e.g. https://meet.google.com/abc-defg-hij, or leave it empty.",
    "settings.saved.video": "video link: {url}",
    "settings.saved.no_video": "no video link",
    "video.join": "📹 The group meets on video: {url}",
    # async deadlines on working days
    "settings.workdays": "Async deadlines",
    "settings.workdays.weekends": "Count working days only (skip weekends)",
    "settings.workdays.auto": "Move on by itself at each deadline",
    "settings.holidays": "Public holidays skipped too (country code)",
    "settings.holidays_hint": "FR, BE, CH, CA, GB, US … Empty: none.",
    "settings.error.holidays": "Write the country's two-letter code, e.g. {example}, or leave "
    "it empty.",
    "settings.saved.workdays.weekdays": "async deadlines on working days",
    "settings.saved.workdays.every_day": "async deadlines count every day",
    "settings.saved.workdays.holidays": ", public holidays of {country} skipped",
    "settings.saved.workdays.auto": ", moving on by itself at each deadline",
    "workdays.auto_advanced": "⏭ The deadline of *{left}* has passed: the session moves on to "
    "*{phase}* by itself, as the group chose. The facilitator can go back with `/codev back`.",
    "workdays.no_working_day": "With these days off there is no working day left to count a "
    "deadline on: untick the weekends or clear the country.",
}

FR = {
    "follow_up.board_title": "Suivi des plans d'action précédents",
    "follow_up.section": "{client} — séance n° {number}",
    "follow_up.nothing_open": "Aucune action n'attend de suivi : les clients précédents "
    "peuvent tout de même raconter en réponse comment les choses se sont passées.",
    "follow_up.more": "… et {count} autres actions de séances plus anciennes.",
    "follow_up.how_to_each": "Chacun fait le point sur ses propres actions avec les boutons ; "
    "le groupe écoute, les questions viennent ensuite.",
    "start.small_group": "Seulement {consultants} consultants pour le cas de {client} : le "
    "codéveloppement marche mieux de {low} à {high} (moins de voix, moins d'angles sur le "
    "cas). Démarrez quand même, ou invitez d'autres pairs avec `/codev membres ajouter @nom`.",
    "start.anyway": "Démarrer avec {consultants} consultants",
    "start.not_now": "Pas maintenant",
    "case.title": "Quel cas aujourd'hui ? Sujets proposés",
    "case.option": "*{topic}*\n— {author}",
    "case.votes": "🗳 {count} vote(s)",
    "case.choose": "Choisir ce cas",
    "case.rotation_hint": "Indice : la rotation propose {client} (le moins de passages comme "
    "client, la plus longue attente). `/codev démarrer @nom` démarre avec qui vous voulez.",
    "case.open_vote": "Faire voter le groupe",
    "case.how_to": "Choisir un sujet démarre la séance avec son auteur comme client.",
    "case.vote_title": "Quel cas aujourd'hui ? Votez pour un sujet",
    "case.vote": "Voter",
    "case.vote_how_to": "Une voix chacun (voter à nouveau déplace votre voix). L'animateur "
    "choisit avec `/codev démarrer`, qui montre les décomptes.",
    "case.vote_closed": "Vote clos : le groupe travaille sur le cas de {client}.",
    "case.voted": "Votre vote est compté.",
    "case.vote_over": "Ce vote est clos : le cas est choisi.",
    "case.gone": "Ce sujet n'est plus ouvert (déjà choisi, ou son auteur est parti).",
    "case.none_pitched": "Aucun sujet proposé : les membres en proposent avec `/codev sujet …`.",
    "settings.video": "Lien de visioconférence",
    "settings.video_hint": "Zoom, Meet, Teams, Jitsi … : affiché avec chaque séance, dans les "
    "rappels et dans le calendrier. Vide : aucun.",
    "settings.error.video": "Collez le lien complet de la réunion, qui commence par https:// "
    "({max} caractères au plus), par exemple https://meet.google.com/abc-defg-hij, ou laissez "
    "vide.",
    "settings.saved.video": "lien de visio : {url}",
    "settings.saved.no_video": "pas de lien de visio",
    "video.join": "📹 Le groupe se retrouve en visio : {url}",
    "settings.workdays": "Échéances asynchrones",
    "settings.workdays.weekends": "Compter les jours ouvrés seulement (sans week-ends)",
    "settings.workdays.auto": "Passer à la suite tout seul à chaque échéance",
    "settings.holidays": "Jours fériés aussi sautés (code du pays)",
    "settings.holidays_hint": "FR, BE, CH, CA, GB, US … Vide : aucun.",
    "settings.error.holidays": "Écrivez le code du pays en deux lettres, par exemple {example}, "
    "ou laissez vide.",
    "settings.saved.workdays.weekdays": "échéances asynchrones en jours ouvrés",
    "settings.saved.workdays.every_day": "échéances asynchrones comptées tous les jours",
    "settings.saved.workdays.holidays": ", jours fériés de {country} sautés",
    "settings.saved.workdays.auto": ", passage à la suite tout seul à chaque échéance",
    "workdays.auto_advanced": "⏭ L'échéance de *{left}* est passée : la séance passe d'elle-même "
    "à *{phase}*, comme le groupe l'a choisi. L'animateur peut revenir avec `/codev précédent`.",
    "workdays.no_working_day": "Avec ces jours chômés il ne reste aucun jour ouvré pour compter "
    "une échéance : décochez les week-ends ou videz le pays.",
}
