"""Wiring only: engine → unit of work → services → Slack app → scheduler."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from slack_sdk import WebClient

from .config import Settings
from .observability.metrics import CountingSender
from .persistence.engine import make_engine
from .persistence.inbox import SqlInbox
from .persistence.uow import unit_of_work_factory
from .scheduling.inbox_worker import InboxWorker
from .services.container import DeliveryOptions, Services
from .services.context import Context
from .slack.app import build_app
from .slack.directory import SlackDirectory
from .slack.render import SlackRenderer
from .slack.sender import WebApiSender, web_client
from .slack.workspace import register_workspace_scope


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Runtime:
    settings: Settings
    engine: object
    services: Services
    app: object
    client: WebClient
    scheduler: object = None
    dispatch_lock: object = None
    inbox_worker: InboxWorker | None = None

    def settle(self, timeout: float = 30.0) -> bool:
        """Wait until every request this process acknowledged has been applied."""
        return self.services.inbox.settle(timeout)

    def start_scheduler(self) -> None:
        from .scheduling.cycle_jobs import add_cycle_jobs
        from .scheduling.dispatcher import check_deployment, start_dispatcher
        from .scheduling.locale_jobs import add_locale_jobs
        from .scheduling.privacy_jobs import add_privacy_jobs

        # On SQLite only the process holding the dispatcher lock delivers (`codev serve`
        # has already refused what several processes cannot do safely).
        self.dispatch_lock = check_deployment(self.settings.database_url, workers=1)
        wake = listen_url = None
        if self.settings.codev_dispatch_wake:
            wake = self.services.delivery.ctx.uow_factory.wake
            if self.engine.dialect.name == "postgresql":
                listen_url = self.engine.url
        self.scheduler = start_dispatcher(
            self.services.delivery,
            self.settings.codev_dispatch_interval_seconds,
            self.dispatch_lock,
            wake=wake,
            listen_url=listen_url,
        )
        add_cycle_jobs(
            self.scheduler, self.services, self.settings.codev_cycle_job_interval_seconds
        )
        add_privacy_jobs(
            self.scheduler, self.services, keep_hours=self.settings.codev_outbox_keep_hours
        )
        add_locale_jobs(self.scheduler, self.services)

    def stop(self) -> None:
        if self.inbox_worker is not None:  # what was acknowledged is applied first
            self.inbox_worker.stop()
            self.inbox_worker = None
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=True)
            self.scheduler = None
        if self.dispatch_lock is not None:
            self.dispatch_lock.release()
        self.engine.dispose()


def build_runtime(settings: Settings, clock=utc_now, count_deliveries: bool = False) -> Runtime:
    """`count_deliveries`: the outbox's Slack calls are counted for /metrics (gunicorn)."""
    engine = make_engine(settings.database_url)
    ctx = Context(
        uow_factory=unit_of_work_factory(engine),
        clock=clock,
        renderer=SlackRenderer(),
        default_lang=settings.codev_default_lang,
    )
    oauth_settings = team_sender = None
    if settings.oauth_enabled:  # several workspaces: tokens come from the installations
        from .oauth.wiring import TeamTokenSender, build_oauth_settings

        oauth_settings = build_oauth_settings(settings, engine)
        team_sender = TeamTokenSender(
            engine, oauth_settings.installation_store, settings.slack_api_url, WebApiSender
        )
    token = None if oauth_settings else settings.slack_bot_token
    client = web_client(token, settings.slack_api_url)
    sender = team_sender or WebApiSender(web_client(token, settings.slack_api_url))
    if count_deliveries:
        sender = CountingSender(sender)
    services = Services.build(
        ctx,
        sender,
        # the locale look-ups use the workspace's own token, as the outbox does
        SlackDirectory(lambda team: team_sender.for_team(team).client if team_sender else client),
        DeliveryOptions(
            pace_seconds=settings.codev_channel_pace_seconds,
            max_attempts=settings.codev_outbox_max_attempts,
            grace_seconds=settings.codev_reminder_grace_seconds,
        ),
        inbox_store=SqlInbox(engine),
    )
    app = build_app(settings.slack_signing_secret, client, services, oauth_settings)
    register_workspace_scope(app)
    return Runtime(
        settings=settings,
        engine=engine,
        services=services,
        app=app,
        client=client,
        inbox_worker=InboxWorker(services.inbox).start(),
    )
