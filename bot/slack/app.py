"""The Bolt app: signed requests in, listeners registered by kind."""

from __future__ import annotations

from slack_bolt import App
from slack_sdk import WebClient

from . import errors
from .listeners import (
    actions,
    attendance,
    case_choice,
    coaching_actions,
    commands,
    content_actions,
    content_views,
    cycle_actions,
    cycle_views,
    events,
    home,
    meetings,
    outcomes,
    profiles,
    rate_limits,
    reactions,
    scribe,
    views,
)


def build_app(signing_secret: str, client: WebClient, services, oauth_settings=None) -> App:
    """`process_before_response=True`: a request is acked only once its listener has
    committed; by default Bolt acks first and a crash would lose the request."""
    app = App(
        signing_secret=signing_secret,
        client=client,
        process_before_response=True,
        raise_error_for_unhandled_request=False,
        request_verification_enabled=True,
        oauth_settings=oauth_settings,
    )
    if oauth_settings is not None:  # app_uninstalled / tokens_revoked delete tokens at once
        app.enable_token_revocation_listeners()
    else:
        from ..oauth.wiring import register_single_workspace_lifecycle

        register_single_workspace_lifecycle(app)
    # Bolt tries listeners in this order, each with its matcher, until one matches; no two
    # modules handle the same request, so the busiest kinds come first (a thread reply
    # used to be tried against every button and modal listener before its own).
    for module in (
        rate_limits,
        commands,
        actions,
        events,
        content_actions,
        coaching_actions,
        views,
        content_views,
        cycle_actions,
        cycle_views,
        case_choice,
        meetings,
        attendance,
        outcomes,
        home,
        reactions,
        profiles,
        scribe,
        errors,
    ):
        module.register(app, services)
    return app
