"""Words of a group and its peers: setting it up, joining, leaving, the members list."""

EN = {
    # group and members
    "group.created": "The codev group *{name}* is set up in this channel; {facilitator} "
    "facilitates.",
    "group.updated": "The codev group *{name}* was updated; {facilitator} facilitates.",
    "group.details": "Language: {language} · Time zone: {tz} · Mode: {mode}",
    "group.next_step": "Next: the facilitator adds peers with `/codev members add @a @b` (8 at "
    "most), or each peer types `/codev join`.",
    "group.none_here": "There is no codev group in this channel. Create one with `/codev setup`.",
    "group.full": "A codev group has {max} peers at most: it has {current}, and {asked} more "
    "would be too many.",
    "group.welcome": "This channel hosts the codev group *{name}*. To take part, type "
    "`/codev join`; `/codev help` tells you more.",
    "group.not_a_member": "This person is not a peer of this group.",
    "members.added": "Added: {people}.",
    "members.removed": "Removed: {people}.",
    "members.joined": "Welcome to the group, {people}!",
    "members.left": "You left the group.",
    "members.unchanged": "Already in the group: {people}.",
    "members.list": "Facilitator: {facilitator}\nPeers ({count}/{max}): {people}",
    "members.added_public": "New in the group: {people} ({count}/{max} peers).",
    "members.charter_hint": "Our charter: what is said in the group stays in the group; "
    "kindness; no judgement; commitment to attend.",
    "members.none_given": "Say who to add: `/codev members add @name @name`.",
    "members.remove_one": "Remove one person at a time: `/codev members remove @name`.",
    "members.usage": "Use `/codev members`, `/codev members add @a @b` or "
    "`/codev members remove @a`.",
    "members.already_member": "You are already in this group.",
    "members.facilitator_is_not_peer": "You facilitate this group; the facilitator is not one "
    "of its peers.",
    "members.client_cannot_leave": "The client of the running session cannot leave before it ends.",
    "members.unknown_names": "Nobody in this workspace is called {names}. Mention people with "
    "@ so Slack completes their name.",
    "members.lookup_failed": "Slack's member list could not be read just now; mention people "
    "with @ or try again.",
    # setup modal
    "setup.title": "Codev group",
    "setup.name": "Group name",
    "setup.lang": "Language of the group",
    "setup.tz": "Time zone",
    "setup.tz_hint": "An IANA name such as Europe/Paris or America/Montreal.",
    "setup.mode": "Mode",
    "setup.facilitator": "Facilitator",
    "setup.error.name_missing": "Give the group a name.",
    "setup.error.name_too_long": "The name is too long: {limit} characters at most.",
    "setup.error.lang": "Choose French or English.",
    "setup.error.tz": "Unknown time zone. Use an IANA name such as {example}.",
    "setup.error.mode": "Choose live or asynchronous.",
    "setup.error.facilitator": "Choose who facilitates the group.",
    "form.invalid": "Some fields need attention.",
}

FR = {
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
}
