"""Words of attendance: check-in, the facilitator's sheet, the exports' hours and
the attestation of attendance (« certificat de réalisation »)."""

EN = {
    "attendance.button.check_in": "✋ I'm here",
    "attendance.button.sheet": "Attendance",
    "attendance.checked_in": "You are checked in for this session. Welcome!",
    "attendance.already_checked_in": "You were already checked in for this session.",
    "attendance.checkin_closed": "The check-in closed at {until}. Ask the facilitator to note "
    "your arrival in the attendance sheet.",
    "attendance.checkin_live_only": "Only live sessions have a check-in: in an asynchronous "
    "session, taking part counts as presence.",
    "attendance.status.present": "Present",
    "attendance.status.absent": "Absent",
    "attendance.status.late": "Late arrival",
    "attendance.status.early": "Early departure",
    "attendance.modal.title": "Attendance",
    "attendance.modal.intro": "Session #{number} of {day} (times in {tz}). A late arrival "
    "needs its arrival time, an early departure its departure time.",
    "attendance.modal.status": "Status",
    "attendance.modal.arrived": "Arrived at",
    "attendance.modal.left": "Left at",
    "attendance.error.status": "Choose a status.",
    "attendance.error.arrival_needed": "A late arrival needs its arrival time.",
    "attendance.error.departure_needed": "An early departure needs its departure time.",
    "attendance.error.before_start": "The arrival is before the session's start.",
    "attendance.error.after_end": "The departure is after the session's end.",
    "attendance.error.order": "The departure must come after the arrival.",
    # the attestation (PDF)
    "attestation.title": "Certificate of attendance",
    "attestation.intro": "I, the undersigned {facilitator}, facilitator of the professional "
    "co-development group « {group} », certify that",
    "attestation.person": "{name}",
    "attestation.attended": "attended the following sessions of the co-development cycle:",
    "attestation.row": "Session #{number} — {day} — {minutes} min",
    "attestation.total": "Hours attended: {hours} h out of {engaged} h engaged, "
    "over {sessions} sessions from {first} to {last}.",
    "attestation.total_open": "Hours attended: {hours} h over {sessions} sessions "
    "from {first} to {last}.",
    "attestation.issued": "Issued on {day}, from the attendance recorded by codev.",
    "attestation.signature": "The facilitator: {facilitator}",
    "export.hours.file": "hours",
    "schedule.checkin": "Check-in open for (minutes after the start)",
    "schedule.checkin_hint": "Live sessions: the root message's I'm here button closes then.",
    "schedule.error.checkin": "Give from 0 to {high} minutes, e.g. 15 or 20 min.",
    "regulation.button.poll": "How did we work?",
    "regulation.button.journal": "Journal",
    "regulation.noted": "Thank you: your view of how the group worked is noted (only "
    "averages are ever shown).",
    "regulation.modal.title": "Régulation",
    "regulation.modal.intro": "How did the group work in this session? Only the averages "
    "are shown, never one person's votes.",
    "regulation.criterion.time": "Time: the phases' time was kept",
    "regulation.criterion.listening": "Listening: we listened to each other",
    "regulation.criterion.method": "Method: the method was followed",
    "regulation.scale.1": "1 — not at all",
    "regulation.scale.2": "2 — a little",
    "regulation.scale.3": "3 — fairly",
    "regulation.scale.4": "4 — well",
    "regulation.scale.5": "5 — very well",
    "regulation.error.vote": "Choose from 1 to 5.",
    "regulation.journal.title": "Journal",
    "regulation.journal.intro": "Your private notes on session #{number}: only you read them "
    "(they come with your export).",
    "regulation.journal.incidents": "Incidents",
    "regulation.journal.adaptations": "Adaptations",
    "regulation.file.title": "Facilitator's journal — {group}",
    "regulation.file.session": "Session #{number} — {day}",
}

FR = {
    "attendance.button.check_in": "✋ Je suis là",
    "attendance.button.sheet": "Présences",
    "attendance.checked_in": "Votre présence à cette séance est notée. Bienvenue !",
    "attendance.already_checked_in": "Votre présence à cette séance était déjà notée.",
    "attendance.checkin_closed": "L'émargement a fermé à {until}. Demandez à l'animateur "
    "de noter votre arrivée dans la feuille de présence.",
    "attendance.checkin_live_only": "Seules les séances en direct ont un émargement : en "
    "asynchrone, participer vaut présence.",
    "attendance.status.present": "Présent",
    "attendance.status.absent": "Absent",
    "attendance.status.late": "Arrivée tardive",
    "attendance.status.early": "Départ anticipé",
    "attendance.modal.title": "Présences",
    "attendance.modal.intro": "Séance n°{number} du {day} (heures en {tz}). Une arrivée "
    "tardive demande son heure d'arrivée, un départ anticipé son heure de départ.",
    "attendance.modal.status": "Statut",
    "attendance.modal.arrived": "Arrivé à",
    "attendance.modal.left": "Parti à",
    "attendance.error.status": "Choisissez un statut.",
    "attendance.error.arrival_needed": "Une arrivée tardive demande son heure d'arrivée.",
    "attendance.error.departure_needed": "Un départ anticipé demande son heure de départ.",
    "attendance.error.before_start": "L'arrivée est avant le début de la séance.",
    "attendance.error.after_end": "Le départ est après la fin de la séance.",
    "attendance.error.order": "Le départ doit venir après l'arrivée.",
    "attestation.title": "Certificat de réalisation",
    "attestation.intro": "Je soussigné(e) {facilitator}, animateur du groupe de "
    "codéveloppement professionnel « {group} », atteste que",
    "attestation.person": "{name}",
    "attestation.attended": "a participé aux séances suivantes du cycle de codéveloppement :",
    "attestation.row": "Séance n°{number} — {day} — {minutes} min",
    "attestation.total": "Heures réalisées : {hours} h sur {engaged} h engagées, "
    "en {sessions} séances du {first} au {last}.",
    "attestation.total_open": "Heures réalisées : {hours} h en {sessions} séances "
    "du {first} au {last}.",
    "attestation.issued": "Établi le {day}, d'après les présences enregistrées par codev.",
    "attestation.signature": "L'animateur : {facilitator}",
    "export.hours.file": "heures",
    "schedule.checkin": "Émargement ouvert (minutes après le début)",
    "schedule.checkin_hint": "Séances en direct : le bouton Je suis là ferme ensuite.",
    "schedule.error.checkin": "Indiquez de 0 à {high} minutes, par exemple 15 ou 20 min.",
    "regulation.button.poll": "Comment avons-nous travaillé ?",
    "regulation.button.journal": "Journal",
    "regulation.noted": "Merci : votre regard sur le fonctionnement du groupe est noté "
    "(seules les moyennes sont montrées).",
    "regulation.modal.title": "Régulation",
    "regulation.modal.intro": "Comment le groupe a-t-il fonctionné pendant cette séance ? "
    "Seules les moyennes sont montrées, jamais les votes d'une personne.",
    "regulation.criterion.time": "Temps : le temps des phases a été tenu",
    "regulation.criterion.listening": "Écoute : nous nous sommes écoutés",
    "regulation.criterion.method": "Méthode : la méthode a été suivie",
    "regulation.scale.1": "1 — pas du tout",
    "regulation.scale.2": "2 — un peu",
    "regulation.scale.3": "3 — assez",
    "regulation.scale.4": "4 — bien",
    "regulation.scale.5": "5 — très bien",
    "regulation.error.vote": "Choisissez de 1 à 5.",
    "regulation.journal.title": "Journal",
    "regulation.journal.intro": "Vos notes privées sur la séance n°{number} : vous seul les "
    "lisez (elles accompagnent votre export).",
    "regulation.journal.incidents": "Incidents",
    "regulation.journal.adaptations": "Adaptations",
    "regulation.file.title": "Journal de l'animateur — {group}",
    "regulation.file.session": "Séance n°{number} — {day}",
}
