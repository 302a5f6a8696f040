"""Catalogue français. Mêmes clés et mêmes paramètres que `en.py`.

Conventions, pour tout le catalogue (et `areas/`) :
- écriture inclusive : les rôles de la méthode (client, animateur, consultants) sont des
  noms de rôle ; ce qui s'accorde avec une personne est tourné de façon épicène (« pour
  vous seulement », « le rôle de client »), sans point médian, que les lecteurs d'écran
  lisent mal ;
- « n° 3 », jamais « n°3 » ; virgule décimale (4,4/5) ;
- dates en toutes lettres (« jeudi 10 décembre »), heures en jetons `<!date^…>` de Slack ;
- l'aide montre les noms français des commandes et de leurs mots (`planifier liste`).
"""

MESSAGES: dict[str, str] = {
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
    # group and members
    "group.created": "Le groupe de codéveloppement *{name}* est créé dans ce canal ; "
    "{facilitator} l'anime.",
    "group.updated": "Le groupe de codéveloppement *{name}* a été modifié ; {facilitator} l'anime.",
    "group.details": "Langue : {language} · Fuseau horaire : {tz} · Mode : {mode}",
    "group.next_step": "Ensuite : l'animateur ajoute les pairs avec `/codev membres ajouter "
    "@a @b` (8 au plus), ou chaque pair tape `/codev rejoindre`.",
    "group.none_here": "Il n'y a pas de groupe de codéveloppement dans ce canal. Créez-en un "
    "avec `/codev setup`.",
    "group.full": "Un groupe de codéveloppement compte {max} pairs au plus : il en a "
    "{current}, et {asked} de plus serait trop.",
    "group.welcome": "Ce canal accueille le groupe de codéveloppement *{name}*. Pour y "
    "participer, tapez `/codev rejoindre` ; `/codev aide` vous en dit plus.",
    "group.not_a_member": "Cette personne n'est pas un pair de ce groupe.",
    "members.added": "Ajouté(s) : {people}.",
    "members.removed": "Retiré(s) : {people}.",
    "members.joined": "Bienvenue dans le groupe, {people} !",
    "members.left": "Vous avez quitté le groupe.",
    "members.unchanged": "Déjà dans le groupe : {people}.",
    "members.list": "Animateur : {facilitator}\nPairs ({count}/{max}) : {people}",
    "members.added_public": "Nouveau(x) dans le groupe : {people} ({count}/{max} pairs).",
    "members.charter_hint": "Notre charte : ce qui se dit dans le groupe reste dans le "
    "groupe ; bienveillance ; non-jugement ; engagement à être présent.",
    "members.none_given": "Dites qui ajouter : `/codev membres ajouter @nom @nom`.",
    "members.remove_one": "Retirez une personne à la fois : `/codev membres retirer @nom`.",
    "members.usage": "Utilisez `/codev membres`, `/codev membres ajouter @a @b` ou "
    "`/codev membres retirer @a`.",
    "members.already_member": "Vous faites déjà partie de ce groupe.",
    "members.facilitator_is_not_peer": "Vous animez ce groupe ; l'animateur n'est pas l'un de "
    "ses pairs.",
    "members.client_cannot_leave": "Le client de la séance en cours ne peut pas partir avant "
    "sa fin.",
    "members.unknown_names": "Personne ne s'appelle {names} dans cet espace de travail. "
    "Mentionnez les personnes avec @ pour que Slack complète leur nom.",
    "members.lookup_failed": "La liste des membres de Slack n'a pas pu être lue ; mentionnez "
    "les personnes avec @ ou réessayez.",
    # setup modal
    "setup.title": "Groupe de codev",
    "setup.name": "Nom du groupe",
    "setup.lang": "Langue du groupe",
    "setup.tz": "Fuseau horaire",
    "setup.tz_hint": "Un nom IANA comme Europe/Paris ou America/Montreal.",
    "setup.mode": "Mode",
    "setup.facilitator": "Animateur",
    "setup.error.name_missing": "Donnez un nom au groupe.",
    "setup.error.name_too_long": "Le nom est trop long : {limit} caractères au plus.",
    "setup.error.lang": "Choisissez le français ou l'anglais.",
    "setup.error.tz": "Fuseau horaire inconnu. Utilisez un nom IANA comme {example}.",
    "setup.error.mode": "Choisissez en direct ou asynchrone.",
    "setup.error.facilitator": "Choisissez qui anime le groupe.",
    "form.invalid": "Certains champs sont à revoir.",
    # thread content
    "board.title": "Questions de clarification",
    "board.counts": "{answered}/{total} avec réponse · {client} répond",
    "board.more": "… et {count} autres questions.",
    "board.how_to_answer": "Pour répondre, répondez dans le fil en commençant par le numéro de "
    "la question (Q2, Réponse 2 :, R2 …), citez la question, ou utilisez son bouton Répondre. "
    "En cas de doute, l'app vous demande en privé à quelle question vous répondez.",
    "contract.title": "Contrat",
    "contract.how_to_confirm": "Consultants : confirmez que vous pouvez travailler avec cette "
    "demande, ou demandez au groupe de la reformuler. Proposez une reformulation en réponse : "
    "« si je comprends bien, tu voudrais… ».",
    "reply.session_over": "Cette séance est terminée : votre réponse n'a pas été enregistrée.",
    "reply.no_such_question": "Il n'y a pas de question Q{number} dans cette séance. "
    "Consultez le tableau pour les numéros.",
    "text.empty": "Votre message est vide : rien n'a été enregistré.",
    "text.too_long": "Votre message fait {length} caractères ; la limite est de {limit}. "
    "Découpez-le en plusieurs réponses.",
    "evaluation.rating_range": "Évaluez la séance de {min} à {max}.",
    # summary
    "summary.title": "Synthèse de la séance n° {number} — {group}",
    "summary.client": "*Client :* {client}",
    "summary.contract": "*Demande :* {request}\n*Aide souhaitée :* {kinds}",
    "summary.no_contract": "*Demande :* aucun contrat n'a été rédigé.",
    "summary.questions": "*Questions :* {count} ({answered} avec réponse)",
    "summary.contributions": "*Contributions :* {count} — {kinds}",
    "summary.kept": "*Retenu par le client :*",
    "summary.actions": "*Plan d'action :*",
    "summary.due": "pour le {date}",
    "summary.learnings": "*Apprentissages :*",
    "summary.rating": "Note moyenne : {average}/5 ({count} évaluations)",
    "summary.no_rating": "Pas encore d'évaluation.",
    "recap.title": "Votre récapitulatif — séance n° {number}, {group}",
    "recap.confidential": "Pour vous seulement. Ce qui se dit dans le groupe reste dans le groupe.",
    "help.ideas": "idées",
    "help.experience": "expériences",
    "help.resources": "ressources",
    "help.reframing_questions": "questions de recadrage",
    "help.impressions": "impressions",
    "help.action_options": "pistes d'action",
    "contribution.impression": "impressions",
    "contribution.question": "questions",
    "contribution.idea": "idées",
    "contribution.suggestion": "suggestions",
    "contribution.experience": "expériences",
    "contribution.resource": "ressources",
    # help
    "help.title": "codev — le codéveloppement dans Slack",
    "help.intro": "Un groupe de 8 pairs au plus aide l'un d'eux, le client, sur un problème "
    "réel de travail, en six phases : exposé, clarification, contrat, exploration, synthèse et "
    "plan d'action, apprentissages et régulation. Chaque séance se déroule dans un fil du "
    "canal du groupe.",
    "help.cmd.help": "cette aide",
    "help.cmd.setup": "créer ou modifier le groupe de ce canal",
    "help.cmd.members": "liste des pairs ; `membres ajouter @a @b`, `membres retirer @a` "
    "(animateur)",
    "help.cmd.join": "rejoindre le groupe de ce canal",
    "help.cmd.leave": "quitter le groupe de ce canal",
    "help.cmd.start": "démarrer une séance, dans un nouveau fil (animateur) ; `démarrer "
    "@client` ; sans nom, choisir parmi les sujets proposés (avec un vote du groupe si vous "
    "voulez) ; en animation tournante, tout membre démarre, `démarrer @client animé par @x` ; "
    "après un cas, le cas suivant de la rencontre",
    "help.cmd.next": "passer à la phase suivante (l'animateur de la séance)",
    "help.cmd.back": "revenir à la phase précédente (l'animateur de la séance)",
    "help.cmd.status": "phase, temps restant, ce qui est en attente",
    "help.cmd.end": "terminer la séance plus tôt, après confirmation (l'animateur de la séance)",
    "help.line": "• `/codev {alias}` (ou `{name}`) — {text}",
    "help.fr": "Chaque commande a un nom français et un nom anglais : les deux marchent.",
    # errors
    "error.unexpected": "Un problème est survenu de notre côté (réf. {ref}). Rien n'est "
    "perdu ; réessayez.",
    "error.try_again": "Le service est occupé un instant (réf. {ref}). Réessayez dans quelques "
    "secondes.",
    # rules
    "rules.not_member": "Seuls les membres de ce groupe participent à ses séances. Demandez à "
    "l'animateur de vous ajouter, ou tapez `/codev rejoindre`.",
    "rules.facilitator_only": "Seul l'animateur du groupe peut faire cela.",
    "rules.not_now": "Ce n'est pas possible dans la phase en cours.",
    "rules.listen_during_expose": "Pendant l'exposé, les consultants écoutent : gardez vos "
    "questions pour la phase de clarification.",
    "rules.contract_use_buttons": "Pendant le contrat, les consultants proposent une "
    "reformulation en réponse, puis confirment ou demandent une reformulation avec les boutons "
    "du contrat.",
    "rules.client_listens": "Pendant l'exploration, le client écoute et note sans débattre. "
    "Vous direz ce que vous retenez lors de la synthèse.",
    "rules.follow_up_by_peers": "Le suivi est fait par les pairs du groupe.",
    "rules.expose_by_client": "Seul le client expose la situation.",
    "rules.questions_by_consultants": "Les questions sont posées par les consultants.",
    "rules.client_answers": "Seul le client répond aux questions.",
    "rules.contract_by_client": "Seul le client rédige le contrat.",
    "rules.contract_confirmed_by_consultants": "Le contrat est confirmé par les consultants.",
    "rules.contributions_by_consultants": "Les contributions viennent des consultants.",
    "rules.clarifying_by_client": "Les précisions viennent du client.",
    "rules.harvest_by_client": "Seul le client trie les contributions.",
    "rules.synthesis_by_client": "La synthèse appartient au client.",
    "rules.action_plan_by_client": "Le plan d'action appartient au client.",
    "rules.follow_up_in_follow_up": "Le suivi a lieu en phase 0.",
    "rules.expose_in_expose": "L'exposé a lieu en phase 1.",
    "rules.questions_in_clarification": "Les questions se posent pendant la clarification "
    "(phase 2).",
    "rules.answers_in_clarification": "Les réponses se donnent pendant la clarification (phase 2).",
    "rules.contract_in_contract": "Le contrat se conclut en phase 3.",
    "rules.contributions_in_exploration": "Les contributions se partagent pendant "
    "l'exploration (phase 4).",
    "rules.clarifying_in_exploration": "Les précisions appartiennent à l'exploration (phase 4).",
    "rules.harvest_in_exploration": "Le tri des contributions se fait pendant l'exploration "
    "et la synthèse.",
    "rules.synthesis_in_synthesis": "La synthèse et le plan d'action viennent en phase 5.",
    "rules.learning_at_the_end": "Les apprentissages se partagent en phases 5 et 6.",
    "rules.evaluation_in_learning": "La séance s'évalue en phase 6.",
}
