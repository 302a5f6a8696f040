"""Words of `/codev help`: what the app does and every subcommand."""

EN = {
    # help
    "help.title": "codev — codevelopment groups in Slack",
    "help.intro": "A group of up to 8 peers helps one of them, the client, with a real work "
    "problem, in six phases: exposé, clarification, contract, exploration, synthesis & action "
    "plan, learning & regulation. Each session runs in a thread of the group's channel.",
    "help.cmd.help": "this help",
    "help.cmd.setup": "create or edit this channel's group",
    "help.cmd.members": "list peers; `members add @a @b`, `members remove @a` (facilitator)",
    "help.cmd.join": "join the group of this channel",
    "help.cmd.leave": "leave the group of this channel",
    "help.cmd.start": "start a session now, in a new thread (facilitator); `start @client`; "
    "without a name, choose among the pitched topics (a group vote if you like); in a "
    "peer-run group any member starts, `start @client facilitated by @x`; after a case, the "
    "meeting's next case",
    "help.cmd.next": "move to the next phase (the session's facilitator)",
    "help.cmd.back": "go back to the previous phase (the session's facilitator)",
    "help.cmd.status": "phase, time left, what is still pending",
    "help.cmd.end": "end the session early, after a confirmation (the session's facilitator)",
    "help.line": "• `/codev {name}` (French: `{alias}`) — {text}",
    "help.fr": "Every command has an English and a French name: both work.",
}

FR = {
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
}
