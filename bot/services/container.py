"""All use cases, built once from one context (see `bot/bootstrap.py`)."""

from __future__ import annotations

from dataclasses import dataclass

from .action_plan import ActionPlanService
from .assessment import AssessmentService
from .attendance import AttendanceService
from .calendar import CalendarService
from .case_choice import CaseChoiceService
from .charter import CharterService
from .coaching import CoachingService
from .context import Context
from .contract import ContractService
from .cycle_jobs import CycleJobs
from .delivery import DeliveryService
from .evaluation import EvaluationService
from .exports import ExportService
from .gestures import GestureService
from .groups import GroupService
from .harvest import HarvestService
from .home import HomeService
from .inbox import Handler, Inbox, InboxStore
from .languages import LanguageService, LocaleLookups
from .notices import Answer, NoticeService
from .nudges import NudgeJobs
from .outcomes import OutcomeService
from .ports import Directory, Sender
from .privacy import PrivacyService
from .regulation import RegulationService
from .replies import ReplyService
from .report import ReportService
from .schedule import ScheduleService
from .scribe import ScribeService
from .sessions import NEXT, SessionService
from .topics import TopicService


@dataclass(frozen=True)
class DeliveryOptions:
    """How the outbox is delivered (settings `CODEV_CHANNEL_PACE_SECONDS`,
    `CODEV_OUTBOX_MAX_ATTEMPTS`, `CODEV_REMINDER_GRACE_SECONDS`)."""

    pace_seconds: float = 1.0
    max_attempts: int = 8
    grace_seconds: float | None = None


@dataclass(frozen=True)
class Services:
    """Every use case and job, complete from the start: nothing is swapped afterwards."""

    ctx: Context
    groups: GroupService
    sessions: SessionService
    replies: ReplyService
    notices: NoticeService
    contract: ContractService
    harvest: HarvestService
    action_plan: ActionPlanService
    evaluation: EvaluationService
    report: ReportService
    schedule: ScheduleService
    calendar: CalendarService
    charter: CharterService
    topics: TopicService
    cycle_jobs: CycleJobs
    nudges: NudgeJobs
    home: HomeService
    languages: LanguageService
    assessment: AssessmentService
    exports: ExportService
    privacy: PrivacyService
    delivery: DeliveryService
    gestures: GestureService
    locales: LocaleLookups
    coaching: CoachingService
    case_choice: CaseChoiceService
    attendance: AttendanceService
    regulation: RegulationService
    outcomes: OutcomeService
    scribe: ScribeService
    inbox: Inbox

    @classmethod
    def build(
        cls,
        ctx: Context,
        sender: Sender,
        directory: Directory,
        delivery: DeliveryOptions | None = None,
        *,
        inbox_store: InboxStore,
    ) -> Services:
        """`sender` delivers the outbox; `directory` answers the locale look-ups (both
        hold the workspace tokens, so bootstrap makes them); `inbox_store` keeps the
        requests acknowledged before they are applied."""
        options = delivery or DeliveryOptions()
        groups = GroupService(ctx)
        sessions, replies, notices = SessionService(ctx), ReplyService(ctx), NoticeService(ctx)
        return cls(
            ctx=ctx,
            groups=groups,
            sessions=sessions,
            replies=replies,
            notices=notices,
            contract=ContractService(ctx),
            harvest=HarvestService(ctx),
            action_plan=ActionPlanService(ctx),
            evaluation=EvaluationService(ctx),
            report=ReportService(ctx),
            schedule=ScheduleService(ctx),
            calendar=CalendarService(ctx),
            charter=CharterService(ctx),
            topics=TopicService(ctx),
            cycle_jobs=CycleJobs(ctx),
            nudges=NudgeJobs(ctx),
            home=HomeService(ctx),
            languages=LanguageService(ctx),
            assessment=AssessmentService(ctx),
            exports=ExportService(ctx),
            privacy=PrivacyService(ctx),
            delivery=DeliveryService(
                ctx,
                sender,
                pace_seconds=options.pace_seconds,
                max_attempts=options.max_attempts,
                grace_seconds=options.grace_seconds,
                on_dead=groups.on_undelivered,
            ),
            gestures=GestureService(ctx),
            locales=LocaleLookups(ctx, directory),
            coaching=CoachingService(ctx),
            case_choice=CaseChoiceService(ctx),
            attendance=AttendanceService(ctx),
            regulation=RegulationService(ctx),
            outcomes=OutcomeService(ctx),
            scribe=ScribeService(ctx),
            inbox=Inbox(ctx, inbox_store, notices, deferred_use_cases(sessions, replies)),
        )


def deferred_use_cases(sessions: SessionService, replies: ReplyService) -> dict[str, Handler]:
    """What the inbox applies, by kind: the requests that are stored at the ack and
    applied just after (their arguments are what the listener stored)."""

    def next_phase(team_id, channel_id, user_id, leaving, session_id) -> None:
        sessions.move(team_id, channel_id, user_id, NEXT, leaving=leaving, session_id=session_id)

    def status(team_id, channel_id, user_id, key) -> None:
        sessions.status_to(team_id, channel_id, user_id, Answer(channel_id, user_id, key))

    return {
        "reply": replies.on_reply,
        "edit": replies.on_edit,
        "delete": replies.on_delete,
        "next": next_phase,
        "status": status,
    }
