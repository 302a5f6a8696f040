"""The codéveloppement method as plain Python: groups, sessions, phases,
the rules table and the rotation.

Nothing here imports a framework or reads the clock, so the method can be
tested on its own and the outer layers only translate to and from it.
"""

from .content import (
    MAX_TEXT,
    ActionStatus,
    ConfirmStatus,
    ContributionKind,
    Harvest,
    HelpKind,
    check_rating,
    clean_text,
    default_contribution_kind,
)
from .errors import (
    AlreadyMember,
    DomainError,
    GroupFull,
    InvalidText,
    InvalidValue,
    NotAllowed,
    NotAMember,
    SessionAlreadyRunning,
    SessionNotRunning,
    SmallGroup,
    StaleMove,
)
from .group import ADVISED_CONSULTANTS, MAX_PEERS, MIN_CONSULTANTS, Group, too_few_consultants
from .phases import (
    DEFAULT_ASYNC_HOURS,
    DEFAULT_LIVE_MINUTES,
    Mode,
    Phase,
    phases_for,
    time_box,
)
from .roles import Action, Role
from .rotation import Turns, rotation_order, suggest_client
from .rules import REASON_KEYS, RULES, Decision, authorize, check, permit, reply_action, require
from .session import Session, Status, Transition

__all__ = [
    "ADVISED_CONSULTANTS",
    "DEFAULT_ASYNC_HOURS",
    "DEFAULT_LIVE_MINUTES",
    "MAX_PEERS",
    "MIN_CONSULTANTS",
    "MAX_TEXT",
    "REASON_KEYS",
    "RULES",
    "Action",
    "ActionStatus",
    "AlreadyMember",
    "ConfirmStatus",
    "ContributionKind",
    "Decision",
    "DomainError",
    "Group",
    "GroupFull",
    "Harvest",
    "HelpKind",
    "InvalidText",
    "InvalidValue",
    "Mode",
    "NotAMember",
    "NotAllowed",
    "Phase",
    "Role",
    "Session",
    "SessionAlreadyRunning",
    "SessionNotRunning",
    "SmallGroup",
    "StaleMove",
    "Status",
    "Transition",
    "Turns",
    "authorize",
    "check",
    "check_rating",
    "clean_text",
    "default_contribution_kind",
    "permit",
    "phases_for",
    "reply_action",
    "require",
    "rotation_order",
    "suggest_client",
    "time_box",
    "too_few_consultants",
]
