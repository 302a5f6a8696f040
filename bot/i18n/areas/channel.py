"""Words about the group's channel as Slack sees it: the bot's membership, a public
channel, an archived or deleted one, a session that could not start there, and the
refusals of modals and replies that would otherwise be silent."""

EN = {
    "setup.error.invite_bot": "I am not in this channel yet, so I could not post here. "
    "Type `/invite @codev` in the channel, then submit again: what you typed stays here.",
    "setup.error.not_in_channel": "Only a member of this channel can set up its group. "
    "Join the channel first, then run `/codev setup` there.",
    "setup.error.taken": "Someone else set up this channel's group a moment ago, so yours "
    "was not created. Close this form; its facilitator can change the group with "
    "`/codev setup`.",
    "group.public_channel": ":warning: This channel is public: anyone in the workspace can "
    "read what the group writes here. A private channel is recommended; you can go on here "
    "anyway, or set the group up again in a private channel.",
    "group.paused.archived": "This group's channel is archived, so no session can start. "
    "Unarchive the channel to go on.",
    "group.paused.deleted": "This group's channel was deleted, so no session can start "
    "there again. Set up a new group in another channel with `/codev setup`.",
    "session.root_not_posted": "The session of *{name}* could not start: Slack refused "
    "the first message in <#{channel}> ({reason}). The session was cancelled. {fix}",
    "session.root_not_posted.not_in_channel": "Invite me with `/invite @codev` in the "
    "channel, then `/codev start` again.",
    "session.root_not_posted.is_archived": "Unarchive the channel, then `/codev start` again.",
    "session.root_not_posted.channel_not_found": "Invite me with `/invite @codev` in the "
    "channel (or set the group up in another channel), then `/codev start` again.",
    "text.blank": "Your text looks empty: it holds only invisible characters (such as "
    "zero-width spaces), so nothing was recorded. Write it again with visible words.",
    "error.modal": "Something went wrong on our side (ref {ref}). What you typed is still "
    "here: submit again in a moment.",
}

FR = {
    "setup.error.invite_bot": "Je ne suis pas encore dans ce canal : je ne pourrais pas y "
    "écrire. Tapez `/invite @codev` dans le canal, puis validez à nouveau : ce que vous "
    "avez saisi reste ici.",
    "setup.error.not_in_channel": "Seul un membre de ce canal peut y créer le groupe. "
    "Rejoignez d'abord le canal, puis lancez `/codev setup` depuis celui-ci.",
    "setup.error.taken": "Quelqu'un d'autre vient de créer le groupe de ce canal : le vôtre "
    "n'a pas été créé. Fermez ce formulaire ; son animateur peut modifier le groupe avec "
    "`/codev setup`.",
    "group.public_channel": ":warning: Ce canal est public : toute personne de l'espace de "
    "travail peut lire ce que le groupe y écrit. Un canal privé est recommandé ; vous "
    "pouvez continuer ici quand même, ou recréer le groupe dans un canal privé.",
    "group.paused.archived": "Le canal de ce groupe est archivé : aucune séance ne peut "
    "commencer. Désarchivez le canal pour continuer.",
    "group.paused.deleted": "Le canal de ce groupe a été supprimé : aucune séance ne peut "
    "plus y commencer. Créez un nouveau groupe dans un autre canal avec `/codev setup`.",
    "session.root_not_posted": "La séance de *{name}* n'a pas pu commencer : Slack a refusé "
    "le premier message dans <#{channel}> ({reason}). La séance est annulée. {fix}",
    "session.root_not_posted.not_in_channel": "Invitez-moi avec `/invite @codev` dans le "
    "canal, puis relancez `/codev start`.",
    "session.root_not_posted.is_archived": "Désarchivez le canal, puis relancez `/codev start`.",
    "session.root_not_posted.channel_not_found": "Invitez-moi avec `/invite @codev` dans le "
    "canal (ou créez le groupe dans un autre canal), puis relancez `/codev start`.",
    "text.blank": "Votre texte semble vide : il ne contient que des caractères invisibles "
    "(comme des espaces sans largeur), rien n'a donc été enregistré. Écrivez-le à nouveau "
    "avec des mots visibles.",
    "error.modal": "Un problème est survenu de notre côté (réf. {ref}). Ce que vous avez "
    "saisi est toujours là : validez à nouveau dans un instant.",
}
