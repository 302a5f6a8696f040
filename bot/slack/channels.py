"""The channel a group is set up in, as Slack sees it (`conversations.info`, `.members`).

Asked when the setup modal is submitted: the bot must be in the channel to post
there, and whoever submits must belong to it (the modal's private_metadata names
the channel, but nothing there is proof)."""

from __future__ import annotations

from slack_sdk.errors import SlackApiError

from ..services.groups import SetupPlace

# Pages of conversations.members looked through for the submitter, at most.
MEMBER_PAGE, MEMBER_PAGES = 200, 25
# What Slack answers for a channel the bot cannot see: a private channel it is not
# in, a DM, or one it has no scope for.
UNSEEN = frozenset({"channel_not_found", "missing_scope", "method_not_supported_for_channel_type"})


def setup_place(client, channel_id: str, user_id: str) -> SetupPlace:
    try:
        channel = client.conversations_info(channel=channel_id)["channel"]
    except SlackApiError as exc:
        if (exc.response.data or {}).get("error") in UNSEEN:
            return SetupPlace(bot_is_member=False, submitter_is_member=True, is_private=True)
        raise
    return SetupPlace(
        bot_is_member=bool(channel.get("is_member")),
        submitter_is_member=_is_member(client, channel_id, user_id),
        is_private=bool(channel.get("is_private")),
    )


def _is_member(client, channel_id: str, user_id: str) -> bool:
    cursor = None
    for _ in range(MEMBER_PAGES):
        page = client.conversations_members(channel=channel_id, limit=MEMBER_PAGE, cursor=cursor)
        if user_id in (page.get("members") or []):
            return True
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return False
    return False
