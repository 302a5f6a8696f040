"""Every action, block and callback id the app puts in Slack, in one place."""

from __future__ import annotations

from enum import StrEnum


class ActionId(StrEnum):
    NEXT_PHASE = "codev_next_phase"
    BACK_PHASE = "codev_back_phase"
    STATUS = "codev_status"
    END_CONFIRM = "codev_end_confirm"
    END_CANCEL = "codev_end_cancel"
    ANSWER_QUESTION = "codev_answer_question"
    WRITE_CONTRACT = "codev_write_contract"
    CONFIRM_CONTRACT = "codev_confirm_contract"
    REWORD_CONTRACT = "codev_reword_contract"
    HARVEST = "codev_harvest"
    WRITE_ACTION_PLAN = "codev_write_action_plan"
    EVALUATE = "codev_evaluate"
    ACTION_ITEM_STATUS = "codev_action_item_status"
    ACCEPT_CHARTER = "codev_accept_charter"
    CONFIRM_CLIENT = "codev_confirm_client"
    CHOOSE_CLIENT = "codev_choose_client"
    CLOSE_CYCLE = "codev_close_cycle"
    HOME_ITEM_DONE = "codev_home_item_done"
    HOME_ITEM_PROGRESS = "codev_home_item_progress"
    FORGET_CONFIRM = "codev_forget_confirm"
    FORGET_CANCEL = "codev_forget_cancel"
    CONTRIBUTION_KIND = "codev_contribution_kind"
    PLACE_ANSWER = "codev_place_answer"
    KEEP_IDEA = "codev_keep_idea"  # a coaching hint's offer: keep the idea for exploration
    START_ANYWAY = "codev_start_anyway"  # a small group's start, confirmed
    START_NOT_NOW = "codev_start_not_now"
    CHOOSE_CASE = "codev_choose_case"  # the préambule: the facilitator picks a pitched topic
    OPEN_CASE_VOTE = "codev_open_case_vote"
    VOTE_CASE = "codev_vote_case"
    START_FACILITATED = "codev_start_facilitated"  # peer-run: start with this facilitator
    CHOOSE_FACILITATOR = "codev_choose_facilitator"  # peer-run: start with another one
    START_NEXT_CASE = "codev_start_next_case"  # a meeting's next case
    CHECK_IN = "codev_check_in"
    ATTENDANCE = "codev_attendance"
    REGULATION = "codev_regulation"
    JOURNAL = "codev_journal"
    OBJECTIVES = "codev_objectives"
    QUESTIONNAIRE = "codev_questionnaire"
    ADOPT_REFORMULATION = "codev_adopt_reformulation"  # the client, on the contract card
    PLAN_ADD_ROW = "codev_plan_add_row"  # in the action plan modal
    PLAN_REMOVE_ROW = "codev_plan_remove_row"
    NAME_SCRIBE = "codev_name_scribe"  # the root message's *Scribe* button (facilitator)


class CallbackId(StrEnum):
    SETUP = "codev_setup"
    SCHEDULE = "codev_schedule"
    CHARTER = "codev_charter"
    ANSWER = "codev_answer"
    CONTRACT = "codev_contract"
    ACTION_PLAN = "codev_action_plan"
    EVALUATION = "codev_evaluation"
    SETTINGS = "codev_settings"
    ATTENDANCE = "codev_attendance"
    REGULATION = "codev_regulation"
    JOURNAL = "codev_journal"
    OBJECTIVES = "codev_objectives"
    QUESTIONNAIRE = "codev_questionnaire"
    RECORD = "codev_record"  # the message shortcut « Noter dans codev » / "Record in codev"
    RECORD_FORM = "codev_record_form"  # the modal it opens
    SCRIBE = "codev_scribe"  # naming the scribe from the root message


class BlockId(StrEnum):
    NAME = "name"
    LANG = "lang"
    TZ = "tz"
    MODE = "mode"
    FACILITATOR = "facilitator"
    ANSWER = "answer"
    REQUEST = "request"
    HELP_KINDS = "help_kinds"
    ACTIONS_TEXT = "actions_text"
    RATING = "rating"
    APPRECIATION = "appreciation"
    EXPECTATIONS = "expectations"
    LEARNINGS = "learnings"
    APPLICATIONS = "applications"
    SESSION_ACTIONS = "session_actions"
    FIRST_DATE = "first_date"
    FIRST_TIME = "first_time"
    CADENCE = "cadence"
    DURATION = "duration"
    COUNT = "count"
    HOURS = "hours"
    REMINDERS = "reminders"
    CHARTER_TEXT = "charter_text"
    HOME_ITEM = "home_item"
    FOLLOW_UP = "follow_up"
    EXPLORATION = "exploration"
    NAMED_EVALUATIONS = "named_evaluations"
    SHARE_LEARNINGS = "share_learnings"
    VIDEO = "video_url"
    WORKDAYS = "workdays"
    HOLIDAYS = "holiday_country"
    HOLD_HARVEST = "hold_harvest"
    RECORD_TEXT = "record_text"  # the scribe's modal: what was said, who said it, what it is
    RECORD_WHO = "record_who"
    RECORD_WHAT = "record_what"
    SCRIBE = "scribe"
    CHECKIN = "checkin"
    CASES = "cases"  # the schedule modal: cases each meeting holds
    PEER_RUN = "peer_run"  # the settings modal: the facilitator role rotates
    REG_TIME = "time"
    REG_LISTENING = "listening"
    REG_METHOD = "method"
    INCIDENTS = "incidents"
    ADAPTATIONS = "adaptations"


# Every input block's single element uses this action id: values are read by block id.
INPUT = "value"
