"""Words of the App Home, the cycle assessment, the exports, languages and data
protection."""

EN = {
    # help
    "help.cmd.report group": "the cycle's assessment, posted in the channel with a chart",
    "help.cmd.export": "attendance with names and minutes, hours per participant, "
    "evaluations, action plans (CSV), the cycle report (Markdown) and one attestation of "
    "attendance per participant (PDF), sent to you by DM (facilitator)",
    "help.cmd.lang": "`lang fr|en`: your language; `lang group fr|en`: the group's (facilitator)",
    "help.cmd.mydata": "a copy of everything stored about you (JSON), by DM",
    "help.cmd.forget-me": "erase your personal data from every group, after a confirmation",
    # home
    "home.title": "codev — where you stand",
    "home.outsider": "You are not in any codéveloppement group yet. Ask a facilitator to add you, "
    "or type `/codev join` in a group's channel.",
    "home.hint": "`/codev help` lists every command · `/codev lang fr|en` changes your language",
    "home.groups": "Your groups",
    "home.role.facilitator": "you facilitate",
    "home.role.member": "member",
    "home.led": "Groups you run",
    "home.led.running": "session #{number} running, phase {phase}",
    "home.led.idle": "no session running",
    "home.sessions": "Your next sessions",
    "home.sessions.none": "No session planned.",
    "home.session.running": "running now, phase {phase}",
    "home.session.planned": "planned {when}",
    "home.session.you_client": "you are the client",
    "home.items": "Your open action items",
    "home.items.none": "No open action item.",
    "home.item.due": ", due {day}",
    "home.item.where": "{group}, session #{number}",
    "home.item.done": "Done",
    "home.item.in_progress": "In progress",
    "home.status.open": "open",
    "home.status.in_progress": "in progress",
    "home.status.done": "done",
    "home.status.dropped": "dropped",
    "home.learnings": "Your learnings journal",
    "home.learnings.none": "Nothing yet: your learnings from phases 5 and 6 will gather here.",
    "home.item_unknown": "This action item is not one of yours (or no longer exists).",
    # languages
    "lang.name.fr": "French",
    "lang.name.en": "English",
    "lang.set.me": "Done: I will now write to you in {language}.",
    "lang.set.group": "Done: the group {name} now speaks {language} in its channel.",
    "lang.current": "Your language: {mine}. This channel's group: {group}. "
    "Change it with `/codev lang fr` or `/codev lang en` "
    "(`/codev lang group fr|en` for the group, facilitator only).",
    "lang.usage": "“{value}” is not a language I speak. Type `/codev lang fr` or `/codev lang en` "
    "(or `/codev lang group fr|en` for the group).",
    # assessment
    "report.title": "Cycle assessment — {name}",
    "report.empty": "No session of {name} is finished yet ({planned} planned): "
    "the assessment will be ready after the first one.",
    "report.sessions": "Sessions held: *{held}* (still planned: {planned})",
    "report.hours": "Hours done: *{done} h* of {engaged} h engaged",
    "report.turns": "Turns as client: {turns}",
    "report.attendance": "Attendance: *{rate}*",
    "report.items": "Action items: {done} done, {open} open, {dropped} dropped",
    "report.ratings": "Average rating per session: {ratings} (trend: {trend})",
    "report.trend.up": "rising",
    "report.trend.down": "falling",
    "report.trend.flat": "steady",
    "report.learnings": "Most-cited learnings",
    "report.chart_follows": "The chart follows as a file.",
    "report.chart.title": "{name}: rating and attendance per session",
    "report.chart.rating": "Average rating (1-5)",
    "report.chart.attendance": "Attendance (%)",
    "report.md.sessions": "Sessions",
    "report.md.columns": "date | minutes | present | rating",
    "report.posted": "The cycle assessment is being posted in this channel.",
    "report.group_usage": "Type `/codev report group` for the cycle's assessment.",
    # exports
    "export.queued": "Your export is on its way: you will get the files by DM.",
    "export.ready": "Export of {name}: attendance ({attendance} rows), evaluations "
    "({evaluations}), action plans ({plans}) and the cycle report.",
    "export.failed": "I could not send the files of {name}; please try `/codev export` again "
    "in a moment.",
    "export.nothing": "Nothing to export yet for {name}: no session has started.",
    "mydata.queued": "A copy of your data is on its way by DM.",
    "mydata.ready": "Everything codev stores about you, as JSON.",
    # erasure
    "forget.confirm": "Erase your personal data from every codev group? What you wrote in "
    "sessions, your action items, learnings and the text of your evaluations will be deleted, "
    "the bot's messages that quote them will be rewritten without them, and you will leave "
    "your groups. This cannot be undone. The messages you posted yourself in Slack stay yours: "
    "codev cannot delete them. To delete one, hover over it, open *More actions* (⋮) and "
    "choose *Delete message*.",
    "forget.yes": "Erase my data",
    "forget.no": "Cancel",
    "forget.done": "Done: your personal data has been erased and you have left your groups. "
    "The messages you posted yourself in Slack are still there: delete them from their menu "
    "(*More actions* ⋮ → *Delete message*) if you want them gone.",
    "forget.cancelled": "Nothing was erased.",
    "forget.facilitator": "You facilitate {groups}: hand the group over to another facilitator "
    "first (`/codev setup` in its channel), then try again.",
    # data protection settings
    "help.cmd.privacy": "how long free text is kept after the cycle and what forget-me does "
    "here; `privacy retention 12|off`, `privacy erase delete|anonymise` (facilitator); "
    "`privacy share on|off`: may the cycle report quote your learnings",
    "privacy.show": "Data protection in {name}: free text is {retention}; when someone asks to "
    "be forgotten, their text is {mode}. Change it with `/codev privacy retention 12|off` or "
    "`/codev privacy erase delete|anonymise` (facilitator).",
    "privacy.retention.none": "kept until someone deletes it",
    "privacy.retention.months": "purged {months} months after the cycle's last session",
    "privacy.mode.delete": "deleted",
    "privacy.mode.anonymise": "kept without their name",
    "privacy.months": "Give a number of months from 1 to {max}, or `off` to keep free text: "
    "`/codev privacy retention 12`.",
    "privacy.mode": "Choose `delete` or `anonymise`: `/codev privacy erase anonymise`.",
    "privacy.usage": "Type `/codev privacy`, `/codev privacy retention 12|off`, "
    "`/codev privacy erase delete|anonymise` or `/codev privacy share on|off`.",
    "privacy.share.on": "Your learnings may now be quoted in the cycle report for the sponsor. "
    "`/codev privacy share off` withdraws it at any time.",
    "privacy.share.off": "Your learnings will not be quoted in the cycle report: it shows only "
    "figures of yours. `/codev privacy share on` if you change your mind.",
    "privacy.share_usage": "Type `/codev privacy share on` to let the cycle report quote your "
    "learnings, or `/codev privacy share off` to keep them in the group.",
}

FR = {
    "help.cmd.report group": "le bilan du cycle, publié dans le canal avec un graphique",
    "help.cmd.export": "présences avec noms et minutes, heures par participant, "
    "évaluations, plans d'action (CSV), bilan du cycle (Markdown) et un certificat de "
    "réalisation par participant (PDF), envoyés en message privé (animateur)",
    "help.cmd.lang": "`langue fr|en` : votre langue ; `langue groupe fr|en` : celle du "
    "groupe (animateur)",
    "help.cmd.mydata": "une copie de tout ce qui est conservé sur vous (JSON), en message privé",
    "help.cmd.forget-me": "effacer vos données personnelles de tous les groupes, après "
    "confirmation",
    "home.title": "codev — où vous en êtes",
    "home.outsider": "Vous ne faites encore partie d'aucun groupe de codéveloppement. "
    "Demandez à un animateur de vous ajouter, ou tapez `/codev rejoindre` dans le canal "
    "d'un groupe.",
    "home.hint": "`/codev aide` liste toutes les commandes · `/codev langue fr|en` change "
    "votre langue",
    "home.groups": "Vos groupes",
    "home.role.facilitator": "vous animez",
    "home.role.member": "membre",
    "home.led": "Les groupes que vous animez",
    "home.led.running": "séance n° {number} en cours, phase {phase}",
    "home.led.idle": "aucune séance en cours",
    "home.sessions": "Vos prochaines séances",
    "home.sessions.none": "Aucune séance prévue.",
    "home.session.running": "en cours, phase {phase}",
    "home.session.planned": "prévue {when}",
    "home.session.you_client": "vous avez le rôle de client",
    "home.items": "Vos actions en cours",
    "home.items.none": "Aucune action en cours.",
    "home.item.due": ", pour le {day}",
    "home.item.where": "{group}, séance n° {number}",
    "home.item.done": "Fait",
    "home.item.in_progress": "En cours",
    "home.status.open": "à faire",
    "home.status.in_progress": "en cours",
    "home.status.done": "fait",
    "home.status.dropped": "abandonné",
    "home.learnings": "Votre journal d'apprentissages",
    "home.learnings.none": "Rien pour l'instant : vos apprentissages des phases 5 et 6 "
    "s'afficheront ici.",
    "home.item_unknown": "Cette action n'est pas la vôtre (ou n'existe plus).",
    "lang.name.fr": "français",
    "lang.name.en": "anglais",
    "lang.set.me": "C'est fait : je vous écrirai désormais en {language}.",
    "lang.set.group": "C'est fait : le groupe {name} parle désormais {language} dans son canal.",
    "lang.current": "Votre langue : {mine}. Groupe de ce canal : {group}. "
    "Changez-la avec `/codev langue fr` ou `/codev langue en` "
    "(`/codev langue groupe fr|en` pour le groupe, réservé à l'animateur).",
    "lang.usage": "« {value} » n'est pas une langue que je parle. Tapez `/codev langue fr` ou "
    "`/codev langue en` (ou `/codev langue groupe fr|en` pour le groupe).",
    "report.title": "Bilan du cycle — {name}",
    "report.empty": "Aucune séance de {name} n'est encore terminée ({planned} prévues) : "
    "le bilan sera prêt après la première.",
    "report.sessions": "Séances tenues : *{held}* (encore prévues : {planned})",
    "report.hours": "Heures réalisées : *{done} h* sur {engaged} h engagées",
    "report.turns": "Passages comme client : {turns}",
    "report.attendance": "Assiduité : *{rate}*",
    "report.items": "Actions : {done} faites, {open} en cours, {dropped} abandonnées",
    "report.ratings": "Note moyenne par séance : {ratings} (tendance : {trend})",
    "report.trend.up": "en hausse",
    "report.trend.down": "en baisse",
    "report.trend.flat": "stable",
    "report.learnings": "Les apprentissages les plus cités",
    "report.chart_follows": "Le graphique suit en fichier.",
    "report.chart.title": "{name} : note et assiduité par séance",
    "report.chart.rating": "Note moyenne (1-5)",
    "report.chart.attendance": "Assiduité (%)",
    "report.md.sessions": "Séances",
    "report.md.columns": "date | minutes | présents | note",
    "report.posted": "Le bilan du cycle est en cours de publication dans ce canal.",
    "report.group_usage": "Tapez `/codev rapport groupe` pour le bilan du cycle.",
    "export.queued": "Votre export est en route : vous recevrez les fichiers en message privé.",
    "export.ready": "Export de {name} : présences ({attendance} lignes), évaluations "
    "({evaluations}), plans d'action ({plans}) et bilan du cycle.",
    "export.failed": "Je n'ai pas pu envoyer les fichiers de {name} ; réessayez `/codev exporter` "
    "dans un moment.",
    "export.nothing": "Rien à exporter pour l'instant pour {name} : aucune séance n'a commencé.",
    "mydata.queued": "Une copie de vos données arrive en message privé.",
    "mydata.ready": "Tout ce que codev conserve sur vous, au format JSON.",
    "forget.confirm": "Effacer vos données personnelles de tous les groupes codev ? Ce que vous "
    "avez écrit en séance, vos actions, vos apprentissages et le texte de vos évaluations seront "
    "supprimés, les messages du bot qui les citent seront réécrits sans eux, et vous quitterez "
    "vos groupes. C'est irréversible. Les messages que vous avez publiés vous-même dans Slack "
    "restent les vôtres : codev ne peut pas les supprimer. Pour en supprimer un, survolez-le, "
    "ouvrez *Plus d'actions* (⋮) et choisissez *Supprimer le message*.",
    "forget.yes": "Effacer mes données",
    "forget.no": "Annuler",
    "forget.done": "C'est fait : vos données personnelles sont effacées et vous avez quitté "
    "vos groupes. Les messages que vous avez publiés vous-même dans Slack sont toujours là : "
    "supprimez-les depuis leur menu (*Plus d'actions* ⋮ → *Supprimer le message*) si vous "
    "voulez qu'ils disparaissent.",
    "forget.cancelled": "Rien n'a été effacé.",
    "forget.facilitator": "Vous animez {groups} : confiez d'abord le groupe à un autre animateur "
    "(`/codev configurer` dans son canal), puis réessayez.",
    "help.cmd.privacy": "combien de temps les textes sont gardés après le cycle et ce que fait "
    "`oublie-moi` ici ; `confidentialité conservation 12|non`, `confidentialité effacement "
    "supprimer|anonymiser` (animateur) ; `confidentialité partage oui|non` : le bilan du cycle "
    "peut-il citer vos apprentissages",
    "privacy.show": "Protection des données dans {name} : les textes sont {retention} ; quand "
    "quelqu'un demande l'oubli, ses textes sont {mode}. Modifiez-le avec "
    "`/codev confidentialité conservation 12|non` ou `/codev confidentialité effacement "
    "supprimer|anonymiser` (animateur).",
    "privacy.retention.none": "gardés tant que personne ne les supprime",
    "privacy.retention.months": "purgés {months} mois après la dernière séance du cycle",
    "privacy.mode.delete": "supprimés",
    "privacy.mode.anonymise": "gardés sans son nom",
    "privacy.months": "Indiquez un nombre de mois de 1 à {max}, ou `non` pour garder les textes : "
    "`/codev confidentialité conservation 12`.",
    "privacy.mode": "Choisissez `supprimer` ou `anonymiser` : "
    "`/codev confidentialité effacement anonymiser`.",
    "privacy.usage": "Tapez `/codev confidentialité`, `/codev confidentialité conservation "
    "12|non`, `/codev confidentialité effacement supprimer|anonymiser` ou "
    "`/codev confidentialité partage oui|non`.",
    "privacy.share.on": "Vos apprentissages peuvent désormais être cités dans le bilan du cycle "
    "remis au commanditaire. `/codev confidentialité partage non` le retire à tout moment.",
    "privacy.share.off": "Vos apprentissages ne seront pas cités dans le bilan du cycle : il ne "
    "montre de vous que des chiffres. `/codev confidentialité partage oui` si vous changez d'avis.",
    "privacy.share_usage": "Tapez `/codev confidentialité partage oui` pour que le bilan du cycle "
    "puisse citer vos apprentissages, ou `/codev confidentialité partage non` pour les garder "
    "dans le groupe.",
}
