"""Words of the six phases' content: contract, harvest, action plan, follow-up,
evaluation, time-box reminders and the session's modals."""

EN = {
    "answer.which": "Which question does this reply answer? Your text is kept: choose "
    "below and it is attached to that question.",
    "answer.which_missing": "There is no question Q{number}. Which question does this reply "
    "answer? Your text is kept: choose below.",
    "answer.not_an_answer": "Not an answer",
    "answer.how": "You can point to a question at the start of your reply (“Q2”, “Answer 2:”, "
    "“re Q2”, “#2”), quote it, or use its Answer button on the board.",
    "answer.placed": "Attached as the answer to Q{number}.",
    "answer.kept_as_note": "Kept as a note of yours, not as an answer.",
    "answer.kept_no_question": "No question has been asked yet: your message is kept as a note "
    "of yours.",
    "answer.already_placed": "This reply was already placed.",
    "answer.client_only": "Only the client places their own replies.",
    "button.write_contract": "Write the contract",
    "button.write_action_plan": "Write my action plan",
    "button.evaluate": "Rate the session",
    "contract.kinds_missing": "Tick at least one kind of help you want.",
    "contract.stale": "The contract was reworded since this card: answer on the latest version.",
    "contract.revision": "Version {revision}",
    "contract.confirmed_by": "*Confirmed ({count}):* {people}",
    "contract.reword_by": "*Asking to reword:* {people}",
    "contract.waiting_for": "*Not answered yet:* {people}",
    "contract.you_confirmed": "Noted: you can work with this request.",
    "contract.you_reword": "Noted: you asked for a reformulation. The group is invited to offer "
    "one in the thread; the client adopts one or rewrites the request.",
    "contract.offers": "*Reformulations offered* (the client may adopt one):",
    "button.adopt_reformulation": "Adopt reformulation {number}",
    "contract.invite_reformulation": "{people} would like the request reformulated. "
    "Consultants: offer a reformulation in a reply, \u201cif I understand you, you would "
    "like …\u201d. {client}: adopt the one that fits with its button on the contract, or "
    "rewrite the request.",
    "contract.you_adopted": "Your request now takes this reformulation; consultants confirm "
    "it again.",
    "contract.offer_gone": "This reformulation no longer exists.",
    "harvest.gone": "This contribution no longer exists (it was deleted).",
    "harvest.title": "Your harvest — session #{number}",
    "harvest.counts": "{sorted}/{total} contributions sorted. Only you see this board.",
    "harvest.keep": "Keep",
    "harvest.park": "Park",
    "harvest.drop": "Drop",
    "harvest.kind": "Kind",
    "harvest.more": "… and {count} more contributions (see the thread).",
    "harvest.how_to": "Keep what helps you, park what may help later, drop the rest. You can "
    "sort until the end of the synthesis.",
    "kind.impression": "impression",
    "kind.question": "question",
    "kind.idea": "idea",
    "kind.suggestion": "suggestion",
    "kind.experience": "experience",
    "kind.resource": "resource",
    "plan.title": "Action plan",
    "plan.empty": "Write at least one action: in a row, or here one per line, with its date "
    "if you have one.",
    "plan.too_many": "{max} actions at most: keep the ones you will really do.",
    "plan.bad_date": "Line {line}: {date} does not exist. Fix the date, or leave the action "
    "without one.",
    "plan.no_date": "no date yet",
    "follow_up.gone": "This action item no longer exists.",
    "follow_up.owner_only": "Only the person who wrote this action plan reports on it.",
    "follow_up.status.open": "not reported yet",
    "follow_up.status.in_progress": "In progress",
    "follow_up.status.done": "Done",
    "follow_up.status.dropped": "Dropped",
    "timer.soon": "⏳ {minutes} min left for {phase}.",
    "timer.over": "⌛ Time is up for {phase}. The facilitator decides when to move on.",
    "report.none_yet": "This group has no finished session yet: nothing to report.",
    "modal.answer.title": "Answer a question",
    "modal.answer.label": "Your answer to Q{number}",
    "modal.contract.title": "Contract",
    "modal.contract.request": "Your request",
    "modal.contract.request_hint": "Start with “Help me to …”: what do you want from the group?",
    "modal.contract.kinds": "Kinds of help you want",
    "modal.plan.title": "Action plan",
    "modal.plan.intro": "One row per action: what you will do and by when; who with and how "
    "you will know it worked if you like. A date can also be written in the action, as you "
    "would say it: “by Friday”, “before 12/15”, “end of January”, “next Tuesday”. An action "
    "without a date is fine. The contributions you kept are pre-filled: turn them into actions "
    "or remove them.",
    "modal.plan.what": "Action {number}",
    "modal.plan.what_hint": "What will you do? Leave it empty to skip this row.",
    "modal.plan.due": "By when",
    "modal.plan.with": "Who with (optional)",
    "modal.plan.sign": "How will you know it worked? (optional)",
    "modal.plan.remove": "Remove action {number}",
    "modal.plan.add": "➕ Add an action",
    "modal.plan.label": "More actions, one per line (optional)",
    "modal.plan.hint": "Example: Talk to Anne about the schedule by Friday",
    "plan.what_missing": "Say what you will do: this row has a date or details but no action.",
    "modal.eval.title": "Evaluate the session",
    "modal.eval.rating": "Your rating",
    "modal.eval.rating.1": "1 — not useful",
    "modal.eval.rating.2": "2 — a little useful",
    "modal.eval.rating.3": "3 — useful",
    "modal.eval.rating.4": "4 — very useful",
    "modal.eval.rating.5": "5 — excellent",
    "modal.eval.appreciation": "Appreciation: what did you appreciate?",
    "modal.eval.expectations": "Expectations: were they met?",
    "modal.eval.learnings": "Learnings: what did you learn?",
    "modal.eval.applications": "Applications: what will you apply?",
    "help.cmd.contract": "write the contract (client, phase 3); `contract Help me to …`",
    "help.cmd.report": "the last finished session, privately: its summary, or for its client "
    "their whole record (questions and answers, contributions, plan, learnings)",
}

FR = {
    "answer.which": "À quelle question cette réponse se rapporte-t-elle ? Votre texte est "
    "gardé : choisissez ci-dessous et il sera rattaché à cette question.",
    "answer.which_missing": "Il n'y a pas de question Q{number}. À quelle question cette réponse "
    "se rapporte-t-elle ? Votre texte est gardé : choisissez ci-dessous.",
    "answer.not_an_answer": "Ce n'est pas une réponse",
    "answer.how": "Vous pouvez désigner la question au début de votre message (« Q2 », "
    "« Réponse 2 : », « R2 », « Pour la question 2, »), la citer, ou utiliser son bouton "
    "Répondre sur le tableau.",
    "answer.placed": "Rattaché comme réponse à Q{number}.",
    "answer.kept_as_note": "Gardé comme une note de votre part, pas comme une réponse.",
    "answer.kept_no_question": "Aucune question n'a encore été posée : votre message est gardé "
    "comme une note de votre part.",
    "answer.already_placed": "Cette réponse a déjà été rattachée.",
    "answer.client_only": "Seul le client rattache ses propres réponses.",
    "button.write_contract": "Rédiger le contrat",
    "button.write_action_plan": "Écrire mon plan d'action",
    "button.evaluate": "Évaluer la séance",
    "contract.kinds_missing": "Cochez au moins un type d'aide souhaité.",
    "contract.stale": "Le contrat a été reformulé depuis : répondez sur la dernière version.",
    "contract.revision": "Version {revision}",
    "contract.confirmed_by": "*Ont confirmé ({count}) :* {people}",
    "contract.reword_by": "*Demandent une reformulation :* {people}",
    "contract.waiting_for": "*N'ont pas encore répondu :* {people}",
    "contract.you_confirmed": "C'est noté : vous pouvez travailler avec cette demande.",
    "contract.you_reword": "C'est noté : vous avez demandé une reformulation. Le groupe est "
    "invité à en proposer une dans le fil ; le client en adopte une ou réécrit sa demande.",
    "contract.offers": "*Reformulations proposées* (le client peut en adopter une) :",
    "button.adopt_reformulation": "Adopter la reformulation {number}",
    "contract.invite_reformulation": "{people} souhaitent que la demande soit reformulée. "
    "Consultants : proposez une reformulation en réponse, « si je comprends bien, tu "
    "voudrais… ». {client} : adoptez celle qui vous convient avec son bouton sur le contrat, ou "
    "réécrivez votre demande.",
    "contract.you_adopted": "Votre demande reprend désormais cette reformulation ; les "
    "consultants la confirment à nouveau.",
    "contract.offer_gone": "Cette reformulation n'existe plus.",
    "harvest.gone": "Cette contribution n'existe plus (elle a été supprimée).",
    "harvest.title": "Votre récolte — séance n° {number}",
    "harvest.counts": "{sorted}/{total} contributions triées. Ce tableau n'est visible que "
    "par vous.",
    "harvest.keep": "Garder",
    "harvest.park": "Mettre de côté",
    "harvest.drop": "Écarter",
    "harvest.kind": "Type",
    "harvest.more": "… et {count} autres contributions (voir le fil).",
    "harvest.how_to": "Gardez ce qui vous aide, mettez de côté ce qui pourra servir plus tard, "
    "écartez le reste. Vous pouvez trier jusqu'à la fin de la synthèse.",
    "kind.impression": "impression",
    "kind.question": "question",
    "kind.idea": "idée",
    "kind.suggestion": "suggestion",
    "kind.experience": "expérience",
    "kind.resource": "ressource",
    "plan.title": "Plan d'action",
    "plan.empty": "Écrivez au moins une action : dans une ligne, ou ici une par ligne, avec sa "
    "date si vous en avez une.",
    "plan.too_many": "{max} actions au plus : gardez celles que vous ferez vraiment.",
    "plan.bad_date": "Ligne {line} : la date {date} n'existe pas. Corrigez-la, ou laissez "
    "l'action sans date.",
    "plan.no_date": "pas encore de date",
    "follow_up.gone": "Cette action n'existe plus.",
    "follow_up.owner_only": "Seule la personne qui a écrit ce plan d'action en fait le suivi.",
    "follow_up.status.open": "pas encore fait le point",
    "follow_up.status.in_progress": "En cours",
    "follow_up.status.done": "Fait",
    "follow_up.status.dropped": "Abandonné",
    "timer.soon": "⏳ Plus que {minutes} min pour la phase {phase}.",
    "timer.over": "⌛ Le temps de la phase {phase} est écoulé. L'animateur décide quand passer "
    "à la suite.",
    "report.none_yet": "Ce groupe n'a pas encore terminé de séance : rien à afficher.",
    "modal.answer.title": "Répondre",
    "modal.answer.label": "Votre réponse à Q{number}",
    "modal.contract.title": "Contrat",
    "modal.contract.request": "Votre demande",
    "modal.contract.request_hint": "Commencez par « Aidez-moi à … » : qu'attendez-vous du groupe ?",
    "modal.contract.kinds": "Types d'aide souhaités",
    "modal.plan.title": "Plan d'action",
    "modal.plan.intro": "Une ligne par action : ce que vous ferez et pour quand ; avec qui et "
    "comment vous saurez que ça a marché si vous le souhaitez. La date peut aussi s'écrire dans "
    "l'action, comme vous la diriez : « d'ici vendredi », « avant le 15/12 », « fin janvier », "
    "« mardi prochain ». Une action sans date est acceptée. Les contributions que vous avez "
    "gardées sont pré-remplies : faites-en des actions ou retirez-les.",
    "modal.plan.what": "Action {number}",
    "modal.plan.what_hint": "Que ferez-vous ? Laissez vide pour ignorer cette ligne.",
    "modal.plan.due": "Pour quand",
    "modal.plan.with": "Avec qui (facultatif)",
    "modal.plan.sign": "Comment saurez-vous que ça a marché ? (facultatif)",
    "modal.plan.remove": "Retirer l'action {number}",
    "modal.plan.add": "➕ Ajouter une action",
    "modal.plan.label": "Autres actions, une par ligne (facultatif)",
    "modal.plan.hint": "Exemple : Parler du planning avec Anne d'ici vendredi",
    "plan.what_missing": "Dites ce que vous ferez : cette ligne a une date ou des détails mais "
    "pas d'action.",
    "modal.eval.title": "Évaluer la séance",
    "modal.eval.rating": "Votre note",
    "modal.eval.rating.1": "1 — pas utile",
    "modal.eval.rating.2": "2 — un peu utile",
    "modal.eval.rating.3": "3 — utile",
    "modal.eval.rating.4": "4 — très utile",
    "modal.eval.rating.5": "5 — excellente",
    "modal.eval.appreciation": "Appréciation : qu'avez-vous apprécié ?",
    "modal.eval.expectations": "Attentes : ont-elles été comblées ?",
    "modal.eval.learnings": "Apprentissages : qu'avez-vous appris ?",
    "modal.eval.applications": "Applications : qu'allez-vous mettre en pratique ?",
    "help.cmd.contract": "rédiger le contrat (client, phase 3) ; `contrat Aidez-moi à …`",
    "help.cmd.report": "la dernière séance terminée, en privé : son bilan, ou pour son "
    "client tout son compte rendu (questions et réponses, contributions, plan, apprentissages)",
}
