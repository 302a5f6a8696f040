"""SQLAlchemy tables; importing this package registers them all on `Base.metadata`."""

from .attendance import AttendanceRow, JournalRow, PersonNameRow, RegulationVoteRow
from .base import Base, UTCDateTime
from .content import (
    ActionItemRow,
    AnswerRow,
    ContractConfirmationRow,
    ContractRow,
    ContributionRow,
    EvaluationRow,
    LearningRow,
    QuestionRow,
    ThreadNoteRow,
)
from .cycle import AbsenceRow, CycleRow, SessionPlanRow, TopicRow
from .delivery import OutboxRow, PostedMessageRow, ProcessedRequestRow, UserPrefRow
from .formats import CaseBallotRow, CaseVoteRow
from .groups import GroupRow, MemberRow
from .inbox import InboxRow
from .locales import UserLocaleRow
from .oauth import BOTS, INSTALLATIONS, STATES  # slack_sdk's OAuth tables, on our metadata
from .outcomes import ObjectiveRow, OutcomeAnswerRow
from .privacy import GroupPrivacyRow
from .sessions import SessionPhaseRow, SessionRow

__all__ = [
    "CaseBallotRow",
    "CaseVoteRow",
    "AbsenceRow",
    "AttendanceRow",
    "PersonNameRow",
    "JournalRow",
    "ObjectiveRow",
    "OutcomeAnswerRow",
    "RegulationVoteRow",
    "CycleRow",
    "SessionPlanRow",
    "TopicRow",
    "ActionItemRow",
    "AnswerRow",
    "Base",
    "ContractConfirmationRow",
    "ContractRow",
    "ContributionRow",
    "EvaluationRow",
    "GroupPrivacyRow",
    "GroupRow",
    "InboxRow",
    "LearningRow",
    "MemberRow",
    "OutboxRow",
    "PostedMessageRow",
    "ProcessedRequestRow",
    "QuestionRow",
    "SessionPhaseRow",
    "SessionRow",
    "ThreadNoteRow",
    "UTCDateTime",
    "UserLocaleRow",
    "UserPrefRow",
    "BOTS",
    "INSTALLATIONS",
    "STATES",
]
