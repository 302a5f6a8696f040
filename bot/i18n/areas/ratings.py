"""Words of phase 6's ratings as people see them: the private "recorded", the root's count."""

EN = {
    "evaluation.recorded": "Thank you: your evaluation ({rating}/5) is recorded. Only the "
    "group's averages are shown. You can change it with the same button until the session "
    "ends.",
    "evaluation.updated": "Your evaluation is updated ({rating}/5); it replaces the previous one.",
    "session.root.rated": "Evaluations: {count} of {total}. Still to rate: {people}",
    "session.root.all_rated": "Evaluations: everyone has rated ({total}).",
}

FR = {
    "evaluation.recorded": "Merci : votre évaluation ({rating}/5) est enregistrée. Seules les "
    "moyennes du groupe sont montrées. Vous pouvez la modifier avec le même bouton jusqu'à la "
    "fin de la séance.",
    "evaluation.updated": "Votre évaluation est mise à jour ({rating}/5) ; elle remplace la "
    "précédente.",
    "session.root.rated": "Évaluations : {count} sur {total}. Reste à évaluer : {people}",
    "session.root.all_rated": "Évaluations : tout le monde a évalué ({total}).",
}
