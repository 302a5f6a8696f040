"""Words about what people write in a session's thread: questions, answers, contributions."""

EN = {
    # thread content
    "board.title": "Clarification questions",
    "board.counts": "{answered}/{total} answered · {client} answers",
    "board.more": "… and {count} more questions.",
    "board.how_to_answer": "To answer, reply in the thread starting with the question's number "
    "(Q2, Answer 2:, re Q2 …), quote the question, or use its Answer button. When it is "
    "unclear, the app asks you privately which question you answered.",
    "contract.title": "Contract",
    "contract.how_to_confirm": "Consultants: confirm you can work with this request, or ask the "
    "group for a reformulation. Offer one in a reply: \u201cif I understand you, you would "
    "like …\u201d.",
    "reply.session_over": "This session is over: your reply was not recorded.",
    "reply.no_such_question": "There is no question Q{number} in this session. Check the "
    "board for the numbers.",
    "text.empty": "Your message is empty: nothing was recorded.",
    "text.too_long": "Your message has {length} characters; the limit is {limit}. Split it "
    "into several replies.",
    "evaluation.rating_range": "Rate the session from {min} to {max}.",
}

FR = {
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
}
