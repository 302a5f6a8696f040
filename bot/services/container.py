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
from .languages import LanguageService
from .notices import NoticeService
from .outcomes import OutcomeService
from .privacy import PrivacyService
from .regulation import RegulationService
from .replies import ReplyService
from .report import ReportService
from .schedule import ScheduleService
from .sessions import SessionService
from .topics import TopicService


@dataclass
class Services:
    ctx: Context
    groups: GroupService
    sessions: SessionService
    replies: ReplyService
    notices: NoticeService
    contract: ContractService | None = None
    harvest: HarvestService | None = None
    action_plan: ActionPlanService | None = None
    evaluation: EvaluationService | None = None
    report: ReportService | None = None
    schedule: ScheduleService | None = None
    calendar: CalendarService | None = None
    charter: CharterService | None = None
    topics: TopicService | None = None
    cycle_jobs: CycleJobs | None = None
    home: HomeService | None = None
    languages: LanguageService | None = None
    assessment: AssessmentService | None = None
    exports: ExportService | None = None
    privacy: PrivacyService | None = None
    delivery: DeliveryService | None = None
    gestures: GestureService | None = None
    locales: object | None = None  # LocaleLookups: needs Slack, wired in bootstrap
    coaching: CoachingService | None = None
    case_choice: CaseChoiceService | None = None
    attendance: AttendanceService | None = None
    regulation: RegulationService | None = None
    outcomes: OutcomeService | None = None

    @classmethod
    def build(cls, ctx: Context) -> Services:
        return cls(
            ctx=ctx,
            groups=GroupService(ctx),
            sessions=SessionService(ctx),
            replies=ReplyService(ctx),
            notices=NoticeService(ctx),
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
            home=HomeService(ctx),
            languages=LanguageService(ctx),
            assessment=AssessmentService(ctx),
            exports=ExportService(ctx),
            privacy=PrivacyService(ctx),
            gestures=GestureService(ctx),
            coaching=CoachingService(ctx),
            case_choice=CaseChoiceService(ctx),
            attendance=AttendanceService(ctx),
            regulation=RegulationService(ctx),
            outcomes=OutcomeService(ctx),
        )
