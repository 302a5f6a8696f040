"""Helpers every command handler shares: who and where, in which language, the answer."""

from __future__ import annotations


def reply(payload) -> dict:
    """A command's private answer (the HTTP response to the slash command)."""
    return {"text": payload.text, "blocks": payload.blocks, "response_type": "ephemeral"}


def lang_of(services, command) -> str:
    return services.notices.lang_of(command["team_id"], command["channel_id"], command["user_id"])


def ids(command) -> tuple[str, str, str]:
    return command["team_id"], command["channel_id"], command["user_id"]
