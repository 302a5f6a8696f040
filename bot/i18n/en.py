"""English catalog. Same keys and placeholders as `fr.py`."""

MESSAGES: dict[str, str] = {
    # phases
    "phase.follow_up.name": "Follow-up",
    "phase.expose.name": "Exposé",
    "phase.clarification.name": "Clarification",
    "phase.contract.name": "Contract",
    "phase.exploration.name": "Exploration",
    "phase.synthesis.name": "Synthesis & action plan",
    "phase.learning.name": "Learning & regulation",
    "phase.follow_up.howto": "Each earlier client with actions still open, the last client "
    "first, reports on their plan: what is done, in progress or dropped, and what they "
    "learned. Reply in this thread.",
    "phase.expose.howto": "{client}, present your situation: the context, what is at stake, "
    "what you have tried. Reply in this thread. Consultants listen and take notes.",
    "phase.clarification.howto": "Consultants: ask factual questions to understand, one per "
    "reply in this thread. {client}: answer in the thread, starting with the question's "
    "number (Q3, Answer 3:, re Q3 …) or quoting it; when it is unclear, the app asks you which "
    "question. The *Answer* button on the board works too.",
    "phase.contract.howto": "{client}: state your request (\u201chelp me to …\u201d) in a reply "
    "or with `/codev contract`, and the kinds of help you want. Consultants: offer a "
    "reformulation in a reply (\u201cif I understand you, you would like …\u201d), then confirm "
    "you can work with the request, or ask the group to reformulate it.",
    "phase.exploration.howto": "Consultants: offer impressions, questions, ideas, suggestions, "
    "experience and resources, one per reply. {client}: listen and take notes, without "
    "debating; ask them to clarify when you need to.",
    "phase.exploration.howto_strict": "Consultants: offer impressions, questions, ideas, "
    "suggestions, experience and resources, one per reply. {client}: listen and take notes, "
    "without replying: this group runs a strict exploration.",
    "phase.synthesis.howto": "{client}: say what you keep and build your action plan (what, "
    "by when). Consultants: reply with what you learned.",
    "phase.learning.howto": "Everyone: share your learnings in a reply, then rate the session "
    "and answer the 4 A (appreciation, expectations, learnings, applications).",
    "phase.follow_up.who": "Speak: the earlier clients.",
    "phase.expose.who": "Speaks: {client}. Consultants listen.",
    "phase.clarification.who": "Ask: the consultants. Answer: {client}.",
    "phase.contract.who": "Writes: {client}. Confirm: the consultants.",
    "phase.exploration.who": "Speak: the consultants. {client} listens.",
    "phase.synthesis.who": "Speaks: {client}, then the consultants.",
    "phase.learning.who": "Everyone speaks.",
    "mode.live": "live (minutes)",
    "mode.async": "asynchronous (days)",
    # session messages
    "session.root.title": "Codev session #{number} — {group}",
    "session.root.people": "*Client:* {client}\n*Facilitator:* {facilitator}\n"
    "*Consultants:* {consultants}",
    "session.root.charter_recall": "Charter: what is said here stays here · kindness · "
    "no judgement · commitment.",
    "session.root.now": "now: {phase}",
    "session.root.done": "Session finished. The summary is in the thread.",
    "session.root.cancelled": "Session cancelled.",
    "session.root.planned": "Session planned.",
    "session.root.running": "Session running.",
    "session.prompt.title": "Phase {number} — {phase}",
    "session.time_box_live": "Time box: {minutes} min (until {deadline}).",
    "session.deadline_async": "Deadline: {deadline}.",
    "session.started": "Session #{number} started with {client} as client. Follow it in the "
    "thread of its message in this channel.",
    "session.moved": "Moved to phase: {phase}.",
    "session.finished": "Session #{number} is finished; its summary is posted in the thread.",
    "session.already_running": "A session is already running in this group. Finish it with "
    "`/codev end` before starting another.",
    "session.not_running": "No session is running in this group. The facilitator starts one "
    "with `/codev start [@client]`.",
    "session.stale_move": "This button is out of date: the session has already moved on. "
    "Use the latest message in the thread.",
    "session.no_previous_phase": "This is the first phase: there is no phase before it.",
    "session.too_few_peers": "A session needs at least {minimum} peers (a client and a "
    "consultant). Add them with `/codev members add @name`.",
    "session.client_not_peer": "The client must be one of the group's peers. See them with "
    "`/codev members`.",
    "session.start_usage": "Name one client at most: `/codev start @name`, or `/codev start` "
    "to take the rotation's suggestion.",
    "end.confirm": "End session #{number} now? Its summary will be posted and the client will "
    "get their recap.",
    # status
    "status.phase": "Session #{number} — phase: *{phase}*",
    "status.unanswered": "Unanswered questions: {questions}",
    "status.no_contract": "The client has not written the contract yet.",
    "status.unconfirmed": "Not confirmed yet: {people}",
    "status.not_rated": "Not rated yet: {people}",
    "status.nothing_pending": "Nothing pending in this phase.",
    # buttons
    "button.next_phase": "Next phase ▶",
    "button.status": "Status",
    "button.end_confirm": "End the session",
    "button.cancel": "Cancel",
    "button.save": "Save",
    "button.answer": "Answer",
    "button.confirm_contract": "I can work with it",
    "button.reword_contract": "Please reword",
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
    # summary
    "summary.title": "Summary of session #{number} — {group}",
    "summary.client": "*Client:* {client}",
    "summary.contract": "*Request:* {request}\n*Help wanted:* {kinds}",
    "summary.no_contract": "*Request:* no contract was written.",
    "summary.questions": "*Questions:* {count} ({answered} answered)",
    "summary.contributions": "*Contributions:* {count} — {kinds}",
    "summary.kept": "*Kept by the client:*",
    "summary.actions": "*Action plan:*",
    "summary.due": "by {date}",
    "summary.learnings": "*Learnings:*",
    "summary.rating": "Average rating: {average}/5 ({count} evaluations)",
    "summary.no_rating": "No evaluation yet.",
    "recap.title": "Your recap — session #{number}, {group}",
    "recap.confidential": "For you only. What is said in the group stays in the group.",
    "help.ideas": "ideas",
    "help.experience": "experience",
    "help.resources": "resources",
    "help.reframing_questions": "reframing questions",
    "help.impressions": "impressions",
    "help.action_options": "action options",
    "contribution.impression": "impressions",
    "contribution.question": "questions",
    "contribution.idea": "ideas",
    "contribution.suggestion": "suggestions",
    "contribution.experience": "experience",
    "contribution.resource": "resources",
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
