"""Words of a session as it runs: the phases (name, how to, who speaks), the thread's
messages, the status and the session buttons."""

EN = {
    # phases
    "phase.follow_up.name": "Follow-up",
    "phase.expose.name": "Exposé",
    "phase.clarification.name": "Clarification",
    "phase.contract.name": "Contract",
    "phase.exploration.name": "Exploration",
    "phase.synthesis.name": "Synthesis & action plan",
    "phase.learning.name": "Learning & regulation",
    "phase.follow_up.howto": "Each earlier client with actions still open, the last client "
    "first, reports on their plan: what is done, in progress or dropped, and what they "
    "learned. Reply in this thread.",
    "phase.expose.howto": "{client}, present your situation: the context, what is at stake, "
    "what you have tried. Reply in this thread. Consultants listen and take notes.",
    "phase.clarification.howto": "Consultants: ask factual questions to understand, one per "
    "reply in this thread. {client}: answer in the thread, starting with the question's "
    "number (Q3, Answer 3:, re Q3 …) or quoting it; when it is unclear, the app asks you which "
    "question. The *Answer* button on the board works too.",
    "phase.contract.howto": "{client}: state your request (\u201chelp me to …\u201d) in a reply "
    "or with `/codev contract`, and the kinds of help you want. Consultants: offer a "
    "reformulation in a reply (\u201cif I understand you, you would like …\u201d), then confirm "
    "you can work with the request, or ask the group to reformulate it.",
    "phase.exploration.howto": "Consultants: offer impressions, questions, ideas, suggestions, "
    "experience and resources, one per reply. {client}: listen and take notes, without "
    "debating; ask them to clarify when you need to.",
    "phase.exploration.howto_strict": "Consultants: offer impressions, questions, ideas, "
    "suggestions, experience and resources, one per reply. {client}: listen and take notes, "
    "without replying: this group runs a strict exploration.",
    "phase.synthesis.howto": "{client}: say what you keep and build your action plan (what, "
    "by when). Consultants: reply with what you learned.",
    "phase.learning.howto": "Everyone: share your learnings in a reply, then rate the session "
    "and answer the 4 A (appreciation, expectations, learnings, applications).",
    "phase.follow_up.who": "Speak: the earlier clients.",
    "phase.expose.who": "Speaks: {client}. Consultants listen.",
    "phase.clarification.who": "Ask: the consultants. Answer: {client}.",
    "phase.contract.who": "Writes: {client}. Confirm: the consultants.",
    "phase.exploration.who": "Speak: the consultants. {client} listens.",
    "phase.synthesis.who": "Speaks: {client}, then the consultants.",
    "phase.learning.who": "Everyone speaks.",
    "mode.live": "live (minutes)",
    "mode.async": "asynchronous (days)",
    # session messages
    "session.root.title": "Codev session #{number} — {group}",
    "session.root.people": "*Client:* {client}\n*Facilitator:* {facilitator}\n"
    "*Consultants:* {consultants}",
    "session.root.charter_recall": "Charter: what is said here stays here · kindness · "
    "no judgement · commitment.",
    "session.root.now": "now: {phase}",
    "session.root.done": "Session finished. The summary is in the thread.",
    "session.root.cancelled": "Session cancelled.",
    "session.root.planned": "Session planned.",
    "session.root.running": "Session running.",
    "session.prompt.title": "Phase {number} — {phase}",
    "session.time_box_live": "Time box: {minutes} min (until {deadline}).",
    "session.deadline_async": "Deadline: {deadline}.",
    "session.started": "Session #{number} started with {client} as client. Follow it in the "
    "thread of its message in this channel.",
    "session.moved": "Moved to phase: {phase}.",
    "session.finished": "Session #{number} is finished; its summary is posted in the thread.",
    "session.already_running": "A session is already running in this group. Finish it with "
    "`/codev end` before starting another.",
    "session.not_running": "No session is running in this group. The facilitator starts one "
    "with `/codev start [@client]`.",
    "session.stale_move": "This button is out of date: the session has already moved on. "
    "Use the latest message in the thread.",
    "session.no_previous_phase": "This is the first phase: there is no phase before it.",
    "session.too_few_peers": "A session needs at least {minimum} peers (a client and a "
    "consultant). Add them with `/codev members add @name`.",
    "session.client_not_peer": "The client must be one of the group's peers. See them with "
    "`/codev members`.",
    "session.start_usage": "Name one client at most: `/codev start @name`, or `/codev start` "
    "to take the rotation's suggestion.",
    "end.confirm": "End session #{number} now? Its summary will be posted and the client will "
    "get their recap.",
    # status
    "status.phase": "Session #{number} — phase: *{phase}*",
    "status.unanswered": "Unanswered questions: {questions}",
    "status.no_contract": "The client has not written the contract yet.",
    "status.unconfirmed": "Not confirmed yet: {people}",
    "status.not_rated": "Not rated yet: {people}",
    "status.nothing_pending": "Nothing pending in this phase.",
    # buttons
    "button.next_phase": "Next phase ▶",
    "button.status": "Status",
    "button.end_confirm": "End the session",
    "button.cancel": "Cancel",
    "button.save": "Save",
    "button.answer": "Answer",
    "button.confirm_contract": "I can work with it",
    "button.reword_contract": "Please reword",
}

FR = {
    # phases
    "phase.follow_up.name": "Suivi",
    "phase.expose.name": "Exposé",
    "phase.clarification.name": "Clarification",
    "phase.contract.name": "Contrat",
    "phase.exploration.name": "Exploration",
    "phase.synthesis.name": "Synthèse et plan d'action",
    "phase.learning.name": "Apprentissages et régulation",
    "phase.follow_up.howto": "Retour sur les séances précédentes : chaque ancien client qui a "
    "encore des actions ouvertes, le dernier en premier, rend compte de son plan : ce qui est "
    "fait, en cours ou abandonné, et ce qu'il en a appris. Répondez dans ce fil.",
    "phase.expose.howto": "{client}, présentez votre situation : le contexte, les enjeux, ce "
    "que vous avez déjà essayé. Répondez dans ce fil. Les consultants écoutent et prennent des "
    "notes.",
    "phase.clarification.howto": "Consultants : posez des questions factuelles pour "
    "comprendre, une par réponse dans ce fil. {client} : répondez dans le fil en commençant "
    "par le numéro de la question (Q3, Réponse 3 :, R3 …) ou en la citant ; en cas de doute, "
    "l'app vous demande de quelle question il s'agit. Le bouton *Répondre* du tableau marche "
    "aussi.",
    "phase.contract.howto": "{client} : formulez votre demande (« aidez-moi à … ») dans une "
    "réponse ou avec `/codev contrat`, et le type d'aide souhaité. Consultants : proposez une "
    "reformulation en réponse (« si je comprends bien, tu voudrais… »), puis confirmez que vous "
    "pouvez travailler avec la demande, ou demandez au groupe de la reformuler.",
    "phase.exploration.howto": "Consultants : partagez impressions, questions, idées, "
    "suggestions, expériences et ressources, une par réponse. {client} : écoutez et notez, "
    "sans débattre ; faites préciser au besoin.",
    "phase.exploration.howto_strict": "Consultants : partagez impressions, questions, idées, "
    "suggestions, expériences et ressources, une par réponse. {client} : écoutez et notez, "
    "sans répondre : ce groupe a choisi une exploration stricte.",
    "phase.synthesis.howto": "{client} : dites ce que vous retenez et construisez votre plan "
    "d'action (quoi, pour quand). Consultants : répondez avec ce que vous avez appris.",
    "phase.learning.howto": "Tout le monde : partagez vos apprentissages dans une réponse, "
    "puis évaluez la séance et répondez aux 4 A (appréciation, attentes, apprentissages, "
    "applications).",
    "phase.follow_up.who": "Parole : les clients précédents.",
    "phase.expose.who": "Parole : {client}. Les consultants écoutent.",
    "phase.clarification.who": "Questions : les consultants. Réponses : {client}.",
    "phase.contract.who": "Rédige : {client}. Confirment : les consultants.",
    "phase.exploration.who": "Parole : les consultants. {client} écoute.",
    "phase.synthesis.who": "Parole : {client}, puis les consultants.",
    "phase.learning.who": "Tout le monde s'exprime.",
    "mode.live": "en direct (minutes)",
    "mode.async": "asynchrone (jours)",
    # session messages
    "session.root.title": "Séance de codéveloppement n° {number} — {group}",
    "session.root.people": "*Client :* {client}\n*Animateur :* {facilitator}\n"
    "*Consultants :* {consultants}",
    "session.root.charter_recall": "Charte : ce qui se dit ici reste ici · bienveillance · "
    "non-jugement · engagement.",
    "session.root.now": "en cours : {phase}",
    "session.root.done": "Séance terminée. La synthèse est dans le fil.",
    "session.root.cancelled": "Séance annulée.",
    "session.root.planned": "Séance planifiée.",
    "session.root.running": "Séance en cours.",
    "session.prompt.title": "Phase {number} — {phase}",
    "session.time_box_live": "Durée : {minutes} min (jusqu'à {deadline}).",
    "session.deadline_async": "Échéance : {deadline}.",
    "session.started": "Séance n° {number} démarrée, avec {client} comme client. Suivez-la "
    "dans le fil de son message dans ce canal.",
    "session.moved": "Passage à la phase : {phase}.",
    "session.finished": "La séance n° {number} est terminée ; sa synthèse est publiée dans le fil.",
    "session.already_running": "Une séance est déjà en cours dans ce groupe. Terminez-la avec "
    "`/codev fin` avant d'en démarrer une autre.",
    "session.not_running": "Aucune séance n'est en cours dans ce groupe. L'animateur en "
    "démarre une avec `/codev démarrer [@client]`.",
    "session.stale_move": "Ce bouton n'est plus à jour : la séance a déjà avancé. Utilisez le "
    "dernier message du fil.",
    "session.no_previous_phase": "C'est la première phase : il n'y en a pas avant.",
    "session.too_few_peers": "Une séance demande au moins {minimum} pairs (un client et un "
    "consultant). Ajoutez-les avec `/codev membres ajouter @nom`.",
    "session.client_not_peer": "Le client doit être l'un des pairs du groupe. Voyez-les avec "
    "`/codev membres`.",
    "session.start_usage": "Nommez au plus un client : `/codev démarrer @nom`, ou "
    "`/codev démarrer` pour suivre la rotation.",
    "end.confirm": "Terminer la séance n° {number} maintenant ? Sa synthèse sera publiée et le "
    "client recevra son récapitulatif.",
    # status
    "status.phase": "Séance n° {number} — phase : *{phase}*",
    "status.unanswered": "Questions sans réponse : {questions}",
    "status.no_contract": "Le client n'a pas encore rédigé le contrat.",
    "status.unconfirmed": "Pas encore confirmé : {people}",
    "status.not_rated": "Pas encore évalué : {people}",
    "status.nothing_pending": "Rien en attente dans cette phase.",
    # buttons
    "button.next_phase": "Phase suivante ▶",
    "button.status": "État",
    "button.end_confirm": "Terminer la séance",
    "button.cancel": "Annuler",
    "button.save": "Enregistrer",
    "button.answer": "Répondre",
    "button.confirm_contract": "Je peux travailler avec",
    "button.reword_contract": "À reformuler",
}
