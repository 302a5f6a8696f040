"""Words of phase 6's ratings as people see them: the private "recorded", the root's count,
whether evaluations are named or anonymous, and the consent to quote learnings."""

EN = {
    "evaluation.recorded": "Thank you: your evaluation ({rating}/5) is recorded. Only the "
    "group's averages are shown. You can change it with the same button until the session "
    "ends.",
    "evaluation.updated": "Your evaluation is updated ({rating}/5); it replaces the previous one.",
    "session.root.rated": "Evaluations: {count} of {total}. Still to rate: {people}",
    "session.root.all_rated": "Evaluations: everyone has rated ({total}).",
    "evaluation.recorded_named": "Thank you: your evaluation ({rating}/5) is recorded, under "
    "your name in the facilitator's export. You can change it with the same button until the "
    "session ends.",
    "modal.eval.privacy.anon": "Your rating and answers are exported without your name: the "
    "facilitator sees them but not who wrote them, and the group sees only averages.",
    "modal.eval.privacy.named": "*Named evaluations:* the facilitator chose to export each "
    "rating and its answers under the name of whoever gave them, yours included.",
    "modal.eval.share": "Cycle report",
    "modal.eval.share_option": "Quote my learnings in the cycle report for the sponsor",
    "modal.eval.share_hint": "Unticked, the report shows only figures. For all your learnings.",
    "settings.named_evaluations": "Evaluations",
    "settings.named_evaluations_option": "Named evaluations in the facilitator's export",
    "settings.named_evaluations_hint": "Unticked, ratings and 4 A are exported without names.",
    "settings.saved.evaluations.named": "evaluations are exported with each person's name "
    "(participants are told before they rate)",
    "settings.saved.evaluations.anon": "evaluations are exported without names",
}

FR = {
    "evaluation.recorded": "Merci : votre évaluation ({rating}/5) est enregistrée. Seules les "
    "moyennes du groupe sont montrées. Vous pouvez la modifier avec le même bouton jusqu'à la "
    "fin de la séance.",
    "evaluation.updated": "Votre évaluation est mise à jour ({rating}/5) ; elle remplace la "
    "précédente.",
    "session.root.rated": "Évaluations : {count} sur {total}. Reste à évaluer : {people}",
    "session.root.all_rated": "Évaluations : tout le monde a évalué ({total}).",
    "evaluation.recorded_named": "Merci : votre évaluation ({rating}/5) est enregistrée, à "
    "votre nom dans l'export de l'animateur. Vous pouvez la modifier avec le même bouton "
    "jusqu'à la fin de la séance.",
    "modal.eval.privacy.anon": "Votre note et vos réponses sont exportées sans votre nom : "
    "l'animateur les voit sans savoir qui les a écrites, et le groupe ne voit que des moyennes.",
    "modal.eval.privacy.named": "*Évaluations nominatives :* l'animateur a choisi d'exporter "
    "chaque note et ses réponses au nom de la personne qui les a données, vous compris.",
    "modal.eval.share": "Bilan du cycle",
    "modal.eval.share_option": "Citer mes apprentissages dans le bilan remis au commanditaire",
    "modal.eval.share_hint": "Non cochée, le bilan ne montre que des chiffres (tous vos écrits).",
    "settings.named_evaluations": "Évaluations",
    "settings.named_evaluations_option": "Évaluations nominatives dans l'export de l'animateur",
    "settings.named_evaluations_hint": "Non cochée, notes et 4 A sont exportés sans les noms.",
    "settings.saved.evaluations.named": "les évaluations sont exportées au nom de chacun (les "
    "participants en sont avertis avant d'évaluer)",
    "settings.saved.evaluations.anon": "les évaluations sont exportées sans les noms",
}
