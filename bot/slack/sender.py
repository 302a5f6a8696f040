"""The outbox's way out: one Slack Web API call per effect, failures as `DeliveryFailed`.

Every WebClient of the app is built by `web_client`, without retry handlers: slack_sdk's
default `ConnectionErrorRetryHandler` would send a `chat.postMessage` again after a
connection reset, when Slack may already have posted it, behind the outbox's back.
Retries belong to the outbox (backoff, `Retry-After`, the crash look-up).
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from ..services.delivery import METADATA_EVENT as OUTBOX_EVENT
from ..services.ports import DeliveryFailed, HistoryPage


def web_client(token: str | None = None, base_url: str = "https://slack.com/api/") -> WebClient:
    """A WebClient that never retries on its own (see the module's docstring)."""
    return WebClient(token=token, base_url=base_url, retry_handlers=[])


# Looking a message up after a crash: conversations.history and conversations.replies
# give apps outside the Slack Marketplace at most 15 messages a page (and one call a
# minute); asking for more changes nothing.
LOOKUP_PAGE = 15

# Errors a retry cannot fix: the row is given up and logged.
PERMANENT_ERRORS = frozenset(
    {
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "user_not_found",
        "user_not_in_channel",
        "cannot_dm_bot",
        "account_inactive",
        "user_disabled",
        "invalid_blocks",
        "invalid_blocks_format",
        "msg_too_long",
        "no_text",
        "invalid_arguments",
        "message_not_found",
        "cant_update_message",
        "invalid_auth",
        "not_authed",
        "token_revoked",
        "missing_scope",
        "restricted_action",
    }
)


class WebApiSender:
    def __init__(self, client: WebClient):
        self.client = client
        self._dm_channels: dict[str, str] = {}

    def _call(self, method: str, _form: bool = False, **kwargs):
        try:
            if _form:  # methods Slack reads only as form arguments (file uploads)
                return self.client.api_call(method, params=kwargs)
            return self.client.api_call(method, json=kwargs)
        except SlackApiError as exc:
            response = exc.response
            error = (response.data or {}).get("error", "unknown_error") if response else "unknown"
            if response is not None and response.status_code == 429:
                retry = float(
                    response.headers.get("Retry-After", response.headers.get("retry-after", 1))
                )
                raise DeliveryFailed("ratelimited", retry_after=retry, method=method) from None
            if response is not None and response.status_code >= 500:
                raise DeliveryFailed(f"http_{response.status_code}") from None
            raise DeliveryFailed(error, permanent=error in PERMANENT_ERRORS) from None
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            raise DeliveryFailed(f"connection: {type(exc).__name__}") from None

    def for_team(self, team_id, enterprise_id=None):
        return self  # one token, one workspace

    def post(self, channel, payload, thread_ts):
        args = {"channel": channel, **payload}
        if thread_ts:
            args["thread_ts"] = thread_ts
        data = self._call("chat.postMessage", **args)
        return data["channel"], data["ts"]

    def find_posted(self, channel, user_id, key, oldest, thread_ts, cursor=None) -> HistoryPage:
        """One page of the search for a message this app posted with `key` in its
        metadata since `oldest` (epoch seconds), in the thread `thread_ts` or the channel
        (the user's DM when `channel` is None), from `cursor` (None: the first page).

        Only asked for a row whose delivery was cut short, so the cost stays off the
        normal path; the delivery service decides how many pages to read, and keeps the
        cursor when Slack's history limit makes it wait."""
        channel = channel or self._dm_channel(user_id)
        method = "conversations.replies" if thread_ts else "conversations.history"
        args = {"channel": channel, "oldest": f"{oldest:.6f}", "limit": LOOKUP_PAGE}
        args["include_all_metadata"] = "true"
        if thread_ts:
            args["ts"] = thread_ts
        if cursor:
            args["cursor"] = cursor
        data = self._call(method, _form=True, **args)
        for message in data.get("messages") or []:
            metadata = message.get("metadata") or {}
            if (
                metadata.get("event_type") == OUTBOX_EVENT
                and (metadata.get("event_payload") or {}).get("key") == key
            ):
                return HistoryPage((channel, message["ts"]), None)
        return HistoryPage(None, (data.get("response_metadata") or {}).get("next_cursor") or None)

    def update(self, channel, ts, payload):
        self._call("chat.update", channel=channel, ts=ts, **payload)

    def ephemeral(self, channel, user_id, payload, thread_ts):
        args = {"channel": channel, "user": user_id, **payload}
        if thread_ts:
            args["thread_ts"] = thread_ts
        self._call("chat.postEphemeral", **args)

    def _dm_channel(self, user_id):
        channel = self._dm_channels.get(user_id)
        if channel is None:
            opened = self._call("conversations.open", users=user_id)
            channel = self._dm_channels[user_id] = opened["channel"]["id"]
        return channel

    def dm(self, user_id, payload):
        channel = self._dm_channel(user_id)
        message = {k: v for k, v in payload.items() if k != "failure_notice"}
        data = self._call("chat.postMessage", channel=channel, **message)
        return data["channel"], data["ts"]

    def react(self, channel, name, timestamp):
        try:
            self._call("reactions.add", channel=channel, name=name, timestamp=timestamp)
        except DeliveryFailed as failure:
            if failure.error != "already_reacted":
                raise

    def publish(self, user_id, view):
        # A queued view is a Payload: its fallback text is no field of a view.
        view = {key: value for key, value in view.items() if key != "text"}
        self._call("views.publish", user_id=user_id, view=view)

    def upload(self, channel, user_id, payload):
        """Slack's external upload: one URL per file, then one message sharing them all."""
        channel = channel or self._dm_channel(user_id)
        shared = []
        for item in payload["files"]:
            data = _file_bytes(item)
            got = self._call(
                "files.getUploadURLExternal",
                _form=True,
                filename=item["filename"],
                length=len(data),
            )
            self._put(got["upload_url"], data)
            shared.append({"id": got["file_id"], "title": item.get("title") or item["filename"]})
        args = {"files": json.dumps(shared), "channel_id": channel}
        if payload.get("text"):
            args["initial_comment"] = payload["text"]
        self._call("files.completeUploadExternal", _form=True, **args)

    def user_names(self, user_ids):
        """{id: real name} from users.info; a person Slack no longer knows is left out."""
        found = {}
        for user_id in user_ids:
            try:
                data = self._call("users.info", _form=True, user=user_id)
            except DeliveryFailed as failure:
                if failure.permanent:
                    continue
                raise
            person = data.get("user") or {}
            profile = person.get("profile") or {}
            name = profile.get("real_name") or person.get("real_name") or person.get("name")
            if name:
                found[user_id] = name
        return found

    @staticmethod
    def _put(url: str, data: bytes) -> None:
        request = urllib.request.Request(url, data=data, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                if response.status != 200:
                    raise DeliveryFailed(f"upload_http_{response.status}")
        except urllib.error.HTTPError as exc:
            raise DeliveryFailed(f"upload_http_{exc.code}", permanent=exc.code < 500) from None
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            raise DeliveryFailed(f"connection: {type(exc).__name__}") from None


def _file_bytes(item: dict) -> bytes:
    """A queued file's bytes: a chart is drawn now, at delivery, not in the request."""
    if "chart" in item:
        from .render.charts import chart_png

        return chart_png(item["chart"])
    content = item["content"]
    if item.get("encoding") == "base64":
        return base64.b64decode(content)
    return content.encode("utf-8")
