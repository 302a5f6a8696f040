"""The Slack app manifest: `manifest.yml` at the repository root, filled in for a host.

One file is the source of truth for the scopes and events; `codev manifest` only
swaps the placeholder URL for the public one (HTTP mode) or turns Socket Mode on
(then Slack needs no request URLs at all). `SCOPES` says why each scope is asked
for: a test keeps it equal to the manifest, so no scope creeps in unexplained.
"""

from __future__ import annotations

from pathlib import Path

import yaml

MANIFEST_PATH = Path(__file__).resolve().parent.parent / "manifest.yml"
PLACEHOLDER = "https://codev.example.com"

SCOPES = {
    "commands": "the /codev slash command",
    "chat:write": "post and update the session thread, its timers and summaries, and the "
    "ephemeral answers to a command",
    "im:write": "open a direct message to send a peer their private notes and reminders "
    "(conversations.open)",
    "channels:history": "receive thread replies in public channels (message.channels) to "
    "record questions, reactions and suggestions",
    "groups:history": "the same in private channels (message.groups), where most groups meet",
    "channels:read": "required by Slack for member_joined_channel in public channels",
    "groups:read": "required by Slack for member_joined_channel in private channels",
    "users:read": "read members' names (users.list) and language (users.info, user_change) "
    "to address each in French or English",
    "reactions:write": "mark a recorded reply with a reaction, so its author sees it counted",
    "reactions:read": "receive reaction_added / reaction_removed: a client's ⭐ keeps a "
    "contribution, a consultant's 👍 confirms the contract (the group's gestures)",
    "files:write": "attach the session summary as a file",
}

EVENTS = {
    "message.channels": "thread replies in public channels",
    "message.groups": "thread replies in private channels",
    "app_home_opened": "show the Home tab",
    "member_joined_channel": "greet a member who joins a group's channel",
    "channel_archive": "pause a group whose public channel is archived",
    "channel_unarchive": "resume it when the channel is unarchived",
    "channel_deleted": "pause for good a group whose public channel is deleted",
    "group_archive": "the same for a private channel",
    "group_unarchive": "the same for a private channel",
    "group_deleted": "the same for a private channel",
    "app_uninstalled": "delete the workspace's tokens at once",
    "tokens_revoked": "delete revoked tokens at once",
    "reaction_added": "a gesture: ⭐ keeps a contribution, 👍 confirms the contract",
    "reaction_removed": "taking a gesture back undoes it",
    "user_change": "a member changed their Slack language: DMs, ephemerals, home and files "
    "follow it (users:read)",
}


# The message shortcut's name in the language of the workspace's people (a manifest
# holds one name); its callback id is the app's `CallbackId.RECORD`.
SHORTCUT_NAMES = {"en": "Record in codev", "fr": "Noter dans codev"}


def load(path: Path = MANIFEST_PATH) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def build(
    url: str | None = None,
    socket: bool = False,
    path: Path = MANIFEST_PATH,
    lang: str | None = None,
) -> dict:
    """The manifest for a public `url` (HTTP) or for Socket Mode; `lang` names the
    message shortcut in French or English."""
    manifest = load(path)
    settings = manifest["settings"]
    features = manifest["features"]
    if lang in SHORTCUT_NAMES:
        for shortcut in features.get("shortcuts") or []:
            shortcut["name"] = SHORTCUT_NAMES[lang]
    if socket:
        settings["socket_mode_enabled"] = True
        settings["event_subscriptions"].pop("request_url", None)
        settings["interactivity"].pop("request_url", None)
        for command in features["slash_commands"]:
            command.pop("url", None)
        if not url:  # OAuth needs a public redirect URL; a socket app is installed by hand
            manifest["oauth_config"].pop("redirect_urls", None)
    if url:
        base = url.rstrip("/")
        _replace_urls(manifest, base)
    return manifest


def _replace_urls(node, base: str):
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str) and value.startswith(PLACEHOLDER):
                node[key] = base + value[len(PLACEHOLDER) :]
            else:
                _replace_urls(value, base)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            if isinstance(value, str) and value.startswith(PLACEHOLDER):
                node[index] = base + value[len(PLACEHOLDER) :]
            else:
                _replace_urls(value, base)


def render(
    url: str | None = None,
    socket: bool = False,
    path: Path = MANIFEST_PATH,
    lang: str | None = None,
) -> str:
    return yaml.safe_dump(
        build(url, socket, path, lang),
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
    )
