"""Events: thread replies in a session, their edits and deletions.

Messages from bots (ours included) and top-level channel chatter are not session
content. The event id is the request's idempotency key: a retry is recognised.
"""

from __future__ import annotations

from .. import payloads


def register(app, services) -> None:
    @app.event("message")
    def on_message(ack, body, event):
        """A session's thread replies (and their edits and deletions) are stored, acked,
        then applied (the inbox); the event id recognises a retry."""
        subtype = event.get("subtype")
        key = payloads.event_key(body)
        team = body.get("team_id")
        channel = event.get("channel")
        inbox = services.inbox
        if subtype == "message_changed":
            message = event.get("message") or {}
            if message.get("thread_ts") and not message.get("bot_id"):
                inbox.accept(
                    "edit", team, channel, message.get("user"),
                    channel_id=channel, thread_ts=message["thread_ts"], ts=message.get("ts"),
                    text=message.get("text", ""), event_key=key,
                )
        elif subtype == "message_deleted":
            previous = event.get("previous_message") or {}
            if previous.get("thread_ts"):
                inbox.accept(
                    "delete", team, channel, previous.get("user"),
                    channel_id=channel, thread_ts=previous["thread_ts"],
                    ts=event.get("deleted_ts"), event_key=key,
                )
        elif subtype in (None, "thread_broadcast", "file_share") and not event.get("bot_id"):
            thread_ts = event.get("thread_ts")
            if thread_ts and thread_ts != event.get("ts"):
                user = event.get("user")
                inbox.accept(
                    "reply", team, channel, user,
                    team_id=team, channel_id=channel, thread_ts=thread_ts, user_id=user,
                    text=event.get("text", ""), ts=event.get("ts"), event_key=key,
                )
        ack()

    @app.event("member_joined_channel")
    def on_member_joined(ack, body, event, context):
        # The bot's own joining (`/invite @codev`) is told too: nobody to welcome.
        joined = event.get("user")
        if joined and event.get("channel") and joined != context.get("bot_user_id"):
            services.notices.welcome(
                body.get("team_id"),
                event["channel"],
                event["user"],
                payloads.event_key(body),
            )
        ack()

    # An archived or deleted channel pauses its group (group_*: private channels).
    @app.event("channel_archive")
    @app.event("group_archive")
    def on_archived(ack, body, event):
        services.groups.pause(body.get("team_id"), event.get("channel"), "archived")
        ack()

    @app.event("channel_deleted")
    @app.event("group_deleted")
    def on_deleted(ack, body, event):
        services.groups.pause(body.get("team_id"), event.get("channel"), "deleted")
        ack()

    @app.event("channel_unarchive")
    @app.event("group_unarchive")
    def on_unarchived(ack, body, event):
        services.groups.resume(body.get("team_id"), event.get("channel"))
        ack()
