"""Words of refusals: unexpected errors, and each reason of the rules table
(who may do what in which phase)."""

EN = {
    # errors
    "error.unexpected": "Something went wrong on our side (ref {ref}). Nothing was lost; "
    "please try again.",
    "error.try_again": "The service is busy for a moment (ref {ref}). Please try again in a "
    "few seconds.",
    # rules
    "rules.not_member": "Only the members of this group take part in its sessions. Ask the "
    "facilitator to add you, or type `/codev join`.",
    "rules.facilitator_only": "Only the group's facilitator can do this.",
    "rules.not_now": "This is not possible in the current phase.",
    "rules.listen_during_expose": "During the exposé, consultants listen: keep your questions "
    "for the clarification phase.",
    "rules.contract_use_buttons": "During the contract, consultants offer a reformulation in a "
    "reply, and confirm or ask for a reformulation with the buttons on the contract.",
    "rules.client_listens": "During exploration, the client listens and takes notes without "
    "debating. You will say what you keep in the synthesis.",
    "rules.follow_up_by_peers": "The follow-up is given by the group's peers.",
    "rules.expose_by_client": "Only the client presents the situation.",
    "rules.questions_by_consultants": "Questions are asked by the consultants.",
    "rules.client_answers": "Only the client answers the questions.",
    "rules.contract_by_client": "Only the client writes the contract.",
    "rules.contract_confirmed_by_consultants": "The contract is confirmed by the consultants.",
    "rules.contributions_by_consultants": "Contributions come from the consultants.",
    "rules.clarifying_by_client": "Clarifying replies come from the client.",
    "rules.harvest_by_client": "Only the client sorts the contributions.",
    "rules.synthesis_by_client": "The synthesis is the client's.",
    "rules.action_plan_by_client": "The action plan is the client's.",
    "rules.follow_up_in_follow_up": "The follow-up happens in phase 0.",
    "rules.expose_in_expose": "The exposé happens in phase 1.",
    "rules.questions_in_clarification": "Questions are asked during clarification (phase 2).",
    "rules.answers_in_clarification": "Questions are answered during clarification (phase 2).",
    "rules.contract_in_contract": "The contract is settled in phase 3.",
    "rules.contributions_in_exploration": "Contributions are offered during exploration (phase 4).",
    "rules.clarifying_in_exploration": "Clarifying replies belong to exploration (phase 4).",
    "rules.harvest_in_exploration": "Contributions are sorted during exploration and synthesis.",
    "rules.synthesis_in_synthesis": "The synthesis and action plan come in phase 5.",
    "rules.learning_at_the_end": "Learnings are shared in phases 5 and 6.",
    "rules.evaluation_in_learning": "The session is evaluated in phase 6.",
}

FR = {
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
