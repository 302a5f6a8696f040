"""Words of the client's record (the recap by DM and their `/codev report`), and dates
written in words in the reader's language."""

EN = {
    "record.part": "{title} ({n}/{count})",
    "record.questions": "*Questions and answers:* {count} ({answered} answered)",
    "record.no_answer": "no answer",
    "record.contributions": "*Contributions:* {count}",
    "record.mark.keep": "kept",
    "record.mark.park": "parked",
    "record.mark.drop": "dropped",
    "record.mark.none": "not sorted",
    "record.no_date": "no date",
    "record.with": "with {who}",
    "record.sign": "I'll know it worked when: {sign}",
    "record.in_dm": "Your full record of session #{number} is in your direct messages with the "
    "app.",
    "date.weekdays": "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
    "date.months": "January,February,March,April,May,June,July,August,September,October,"
    "November,December",
    "date.first": "1",
    "date.day": "{weekday}, {month} {day}",
    "date.day_year": "{weekday}, {month} {day}, {year}",
}

FR = {
    "record.part": "{title} ({n}/{count})",
    "record.questions": "*Questions et réponses :* {count} ({answered} avec réponse)",
    "record.no_answer": "pas de réponse",
    "record.contributions": "*Contributions :* {count}",
    "record.mark.keep": "retenue",
    "record.mark.park": "mise de côté",
    "record.mark.drop": "écartée",
    "record.mark.none": "pas triée",
    "record.no_date": "sans date",
    "record.with": "avec {who}",
    "record.sign": "je saurai que ça a marché quand : {sign}",
    "record.in_dm": "Votre compte rendu complet de la séance n° {number} est dans vos messages "
    "directs avec l'application.",
    "date.weekdays": "lundi,mardi,mercredi,jeudi,vendredi,samedi,dimanche",
    "date.months": "janvier,février,mars,avril,mai,juin,juillet,août,septembre,octobre,"
    "novembre,décembre",
    "date.first": "1er",
    "date.day": "{weekday} {day} {month}",
    "date.day_year": "{weekday} {day} {month} {year}",
}
