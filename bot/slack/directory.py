"""People as Slack knows them: each person's locale, read with `users.info`.

Only the background look-up job calls this (`bot/scheduling/locale_jobs.py`), never a
request's ack path. `users.info` one person at a time rather than `users.list`: the
app needs the few people of its groups (8 peers and a facilitator each), while
`users.list` pages through the whole workspace (200 a page, Tier 2: about 20 calls a
minute) to find them; `users.info` is Tier 4 (100+ a minute) and costs one call per
person who joins or changes.
"""

from __future__ import annotations

import urllib.error

from slack_sdk.errors import SlackApiError

from ..services.ports import DeliveryFailed, LookupLater

# Slack has no locale to give for these people: kept as "none" (the group's language).
NO_SUCH_PERSON = frozenset({"user_not_found", "user_not_visible", "account_inactive"})
TRY_LATER_SECONDS = 3600.0  # a fault a retry soon would not fix (token, scope)


class SlackDirectory:
    def __init__(self, client_for):
        """`client_for(team_id)`: the WebClient holding that workspace's bot token."""
        self.client_for = client_for

    def locale(self, team_id: str | None, user_id: str) -> str | None:
        try:
            client = self.client_for(team_id)
            found = client.users_info(user=user_id, include_locale=True)
        except DeliveryFailed as exc:  # no installation for that workspace (any more)
            raise LookupLater(exc.error, retry_after=TRY_LATER_SECONDS) from None
        except SlackApiError as exc:
            response = exc.response
            error = (response.data or {}).get("error", "unknown_error") if response else "unknown"
            if response is not None and response.status_code == 429:
                retry = response.headers.get("Retry-After") or response.headers.get("retry-after")
                raise LookupLater("ratelimited", retry_after=float(retry or 60)) from None
            if error in NO_SUCH_PERSON:
                return None
            if response is not None and response.status_code >= 500:
                raise LookupLater(f"http_{response.status_code}") from None
            raise LookupLater(error, retry_after=TRY_LATER_SECONDS) from None
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            raise LookupLater(f"connection: {type(exc).__name__}") from None
        person = found.get("user") or {}
        if person.get("deleted"):
            return None
        return person.get("locale") or None
