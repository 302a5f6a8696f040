"""Gestures: emoji reactions that do what a button does."""

EN = {
    "help.cmd.gestures": "which emoji reactions act as buttons (⭐ keeps a contribution, 👍 "
    "confirms the contract, 🙋 asks for the floor); `gestures star=keep +1=confirm "
    "raising_hand=floor`, `gestures off` (facilitator)",
    "gestures.title": "Reactions that act as buttons in this group:",
    "gestures.line": "• :{emoji}: — {action}",
    "gestures.keep": "the client keeps a contribution (like *Keep* on their board)",
    "gestures.confirm": "a consultant confirms the contract (like *I can work with it* on "
    "its card)",
    "gestures.floor": "a consultant asks for the floor in clarification (on a question or "
    "on the question board)",
    "board.floor": "🙋 Asking for the floor: {people}",
    "gestures.none": "No reaction acts as a button in this group: use the buttons.",
    "gestures.changed": "Done: the group's gestures are changed.",
    "gestures.how": "Taking the reaction back undoes it. A reaction the button would refuse "
    "does nothing. The facilitator changes them with `/codev gestures star=keep +1=confirm`, "
    "`/codev gestures off` or `/codev gestures default`.",
    "gestures.usage": "I could not read “{value}”. Write each emoji's name then what it does, "
    "for example `/codev gestures star=keep +1=confirm` (what it does: `keep`, `confirm` or "
    "`floor`), "
    "or `/codev gestures off`, or `/codev gestures default`.",
}

FR = {
    "help.cmd.gestures": "quelles réactions emoji font office de boutons (⭐ retient une "
    "contribution, 👍 confirme le contrat, 🙋 demande la parole) ; `gestes star=garder "
    "+1=confirmer raising_hand=parole`, `gestes aucun` (animateur)",
    "gestures.title": "Réactions qui font office de boutons dans ce groupe :",
    "gestures.line": "• :{emoji}: — {action}",
    "gestures.keep": "le client retient une contribution (comme *Garder* sur son tableau)",
    "gestures.confirm": "un consultant confirme le contrat (comme *Je peux travailler avec* "
    "sur sa carte)",
    "gestures.floor": "un consultant demande la parole en clarification (sur une question ou "
    "sur le tableau des questions)",
    "board.floor": "🙋 Demandent la parole : {people}",
    "gestures.none": "Aucune réaction ne fait office de bouton dans ce groupe : utilisez les "
    "boutons.",
    "gestures.changed": "C'est fait : les gestes du groupe sont modifiés.",
    "gestures.how": "Retirer la réaction annule son effet. Une réaction que le bouton "
    "refuserait ne fait rien. L'animateur les change avec `/codev gestes "
    "star=garder +1=confirmer`, `/codev gestes aucun` ou `/codev gestes défaut`.",
    "gestures.usage": "Je n'ai pas compris « {value} ». Écrivez le nom de chaque emoji puis ce "
    "qu'il fait, par exemple `/codev gestes star=garder +1=confirmer` (ce qu'il fait : "
    "`garder`, `confirmer` ou `parole`), ou `/codev gestes aucun`, ou `/codev gestes défaut`.",
}
