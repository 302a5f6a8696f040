"""Words of the nudges and follow-ups: phase deadlines of async sessions, action
items, the charter's gate and its editing, closing the cycle, choosing the client."""

EN = {
    "nudge.ask": (
        "Session {number} of *{group}* ({channel}): clarification closes {deadline} "
        "and you have not asked a question yet."
    ),
    "nudge.ask.how": "Reply in the session's thread with your question to the client.",
    "nudge.answer": (
        "Session {number} of *{group}* ({channel}): {count} question(s) still wait for "
        "your answer; clarification closes {deadline}."
    ),
    "nudge.answer.how": (
        "Answer in the thread (start with the number: Q1, Answer 2:, re Q3…) or with the Answer "
        "button on the questions."
    ),
    "nudge.contract": (
        "Session {number} of *{group}* ({channel}): the contract phase closes {deadline} "
        "and your request is not written yet."
    ),
    "nudge.contract.how": "Write it in the thread: “Help me to …”.",
    "nudge.confirm": (
        "Session {number} of *{group}* ({channel}): the contract phase closes {deadline} "
        "and you have not confirmed the client's request yet."
    ),
    "nudge.confirm.how": "Confirm it, or ask to reword it, on the contract card in the thread.",
    "nudge.rate": (
        "Session {number} of *{group}* ({channel}): learning & regulation closes {deadline} "
        "and you have not rated the session yet."
    ),
    "nudge.rate.how": "Use the “Rate the session” button in the session's thread.",
    "followup.due": (
        "Today is the date you set in session {number} of *{group}* for this action: {item}"
    ),
    "followup.due_how": (
        "Where do you stand? You will mark it done, in progress or dropped at the next "
        "session's follow-up (or on the app's Home tab)."
    ),
    "followup.recap": (
        "Session {number} of *{group}* is {when}. Your actions still open from the "
        "previous session:"
    ),
    "followup.recap_how": (
        "The session opens with their follow-up: say where you stand on each one."
    ),
    "suggest.confirm": "Confirm the suggested client",
    "suggest.choose_another": "Choose another client",
    "close.running": "A session is running: end it before closing the cycle.",
    "close.never_client": (
        "Not closed: {members} have never been client in this cycle. Plan a session for "
        "them, or close anyway."
    ),
    "close.anyway": "Close the cycle anyway",
    "close.done": (
        "The cycle of *{group}* is closed. {dropped} planned session(s) were called off. "
        "Thank you all."
    ),
    "close.never_named": "Never client: {members}",
    "close.closed": "The cycle is closed; the group was told in the channel.",
    "charter.reply_held": (
        "Your reply was not recorded: to take part in *{group}*, accept its charter first, "
        "then post your reply again."
    ),
    "charter.before_session": (
        "You are the client of a session of *{group}* that starts now: accept the "
        "charter to take part."
    ),
    "session.root.charter_own": "Charter: {text} (`/codev charter`)",
    "charter.changed": "The facilitator updated the charter of *{group}*:",
    "charter.edit_title": "Edit the charter",
    "charter.edit_label": "The group's charter",
    "charter.edit_hint": "Leave the default text as it is to keep it in both languages.",
    "charter.edit_usage": "Use `/codev charter` to read it, `/codev charter edit` to change it.",
}

FR = {
    "nudge.ask": (
        "Séance {number} de *{group}* ({channel}) : la clarification se termine {deadline} "
        "et vous n'avez pas encore posé de question."
    ),
    "nudge.ask.how": "Répondez dans le fil de la séance avec votre question au client.",
    "nudge.answer": (
        "Séance {number} de *{group}* ({channel}) : {count} question(s) attendent encore "
        "votre réponse ; la clarification se termine {deadline}."
    ),
    "nudge.answer.how": (
        "Répondez dans le fil (commencez par le numéro : Q1, Réponse 2 :, R3…) ou avec le bouton "
        "Répondre des questions."
    ),
    "nudge.contract": (
        "Séance {number} de *{group}* ({channel}) : la phase de contrat se termine "
        "{deadline} et votre demande n'est pas encore écrite."
    ),
    "nudge.contract.how": "Écrivez-la dans le fil : « Aidez-moi à … ».",
    "nudge.confirm": (
        "Séance {number} de *{group}* ({channel}) : la phase de contrat se termine "
        "{deadline} et vous n'avez pas encore confirmé la demande du client."
    ),
    "nudge.confirm.how": (
        "Confirmez-la, ou demandez une reformulation, sur la carte du contrat dans le fil."
    ),
    "nudge.rate": (
        "Séance {number} de *{group}* ({channel}) : apprentissages et régulation se "
        "termine {deadline} et vous n'avez pas encore évalué la séance."
    ),
    "nudge.rate.how": "Utilisez le bouton « Évaluer la séance » dans le fil de la séance.",
    "followup.due": (
        "C'est aujourd'hui la date que vous vous étiez fixée à la séance {number} de "
        "*{group}* pour cette action : {item}"
    ),
    "followup.due_how": (
        "Où en êtes-vous ? Vous la marquerez faite, en cours ou abandonnée au suivi de la "
        "prochaine séance (ou dans l'onglet Accueil de l'app)."
    ),
    "followup.recap": (
        "La séance {number} de *{group}* a lieu {when}. Vos actions encore ouvertes "
        "depuis la séance précédente :"
    ),
    "followup.recap_how": (
        "La séance s'ouvre sur leur suivi : vous direz où vous en êtes pour chacune."
    ),
    "suggest.confirm": "Confirmer ce client",
    "suggest.choose_another": "Choisir un autre client",
    "close.running": "Une séance est en cours : terminez-la avant de clore le cycle.",
    "close.never_client": (
        "Cycle non clos : {members} n'ont jamais eu le rôle de client dans ce cycle. Prévoyez une "
        "séance pour eux, ou clôturez quand même."
    ),
    "close.anyway": "Clore le cycle quand même",
    "close.done": (
        "Le cycle de *{group}* est clos. {dropped} séance(s) prévue(s) annulée(s). "
        "Merci à toutes et à tous."
    ),
    "close.never_named": "Jamais dans le rôle de client : {members}",
    "close.closed": "Le cycle est clos ; le groupe en est informé dans le canal.",
    "charter.reply_held": (
        "Votre réponse n'a pas été enregistrée : pour participer à *{group}*, acceptez "
        "d'abord sa charte, puis publiez à nouveau votre réponse."
    ),
    "charter.before_session": (
        "Vous avez le rôle de client dans une séance de *{group}* qui commence : acceptez la "
        "charte pour y participer."
    ),
    "session.root.charter_own": "Charte : {text} (`/codev charte`)",
    "charter.changed": "L'animateur a mis à jour la charte de *{group}* :",
    "charter.edit_title": "Modifier la charte",
    "charter.edit_label": "La charte du groupe",
    "charter.edit_hint": (
        "Laissez le texte par défaut tel quel pour le garder dans les deux langues."
    ),
    "charter.edit_usage": (
        "Utilisez `/codev charte` pour la lire, `/codev charte modifier` pour la changer."
    ),
}
