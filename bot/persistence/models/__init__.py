"""SQLAlchemy tables; importing this package registers them all on `Base.metadata`."""

# slack_sdk's OAuth installation and state tables (OAuth v2, several workspaces).
from ...oauth import tables as _oauth_tables  # noqa: E402, F401, I001
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
from .groups import GroupRow, MemberRow
from .locales import UserLocaleRow
from .privacy import GroupPrivacyRow
from .sessions import SessionPhaseRow, SessionRow

__all__ = [
    "AbsenceRow",
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
]
