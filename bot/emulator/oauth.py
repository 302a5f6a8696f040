"""OAuth v2 for the emulator: a person clicks "Allow", the app exchanges the code.

`authorize(team_id)` is what Slack's consent page does (returns the one-time code
it would put on the redirect); `oauth.v2.access` checks the client id and secret
(HTTP Basic, as slack_sdk sends them, or form fields) and the code, and issues a
bot token for that workspace that the Web API then accepts.
"""

from __future__ import annotations

import base64
import secrets

from .models import SlackError


class OAuthApp:
    def __init__(self, emulator, client_id: str, client_secret: str):
        self.emu = emulator
        self.client_id, self.client_secret = client_id, client_secret
        self.codes: dict[str, dict] = {}
        self.tokens: dict[str, str] = {}  # bot token -> team id (enterprise id if org-wide)
        self.org_wide: set[str] = set()  # tokens of org-wide (Enterprise Grid) installs

    def authorize(
        self,
        team_id: str | None,
        team_name: str | None = None,
        user: str = "U0INSTALL",
        enterprise_id: str | None = None,
        org_wide: bool = False,
    ) -> str:
        """An install: in a workspace, or (`org_wide`, Enterprise Grid) for a whole
        organisation, where the answer names the enterprise and no team."""
        code = secrets.token_hex(8)
        self.codes[code] = {
            "id": None if org_wide else team_id,
            "name": team_name or team_id,
            "user": user,
            "enterprise_id": enterprise_id,
            "org_wide": org_wide,
        }
        return code

    def revoke(self, team_id: str) -> None:
        """The workspace removed the app: its tokens stop working."""
        self.tokens = {t: team for t, team in self.tokens.items() if team != team_id}

    def exchange(self, args: dict) -> dict:
        client_id, client_secret = args.get("client_id"), args.get("client_secret")
        if args.get("_basic"):
            raw = base64.b64decode(args["_basic"]).decode()
            client_id, _, client_secret = raw.partition(":")
        if client_id != self.client_id:
            raise SlackError("invalid_client_id")
        if client_secret != self.client_secret:
            raise SlackError("bad_client_secret")
        team = self.codes.pop(args.get("code") or "", None)
        if team is None:
            raise SlackError("invalid_code")
        owner = team["id"] or team["enterprise_id"]
        token = f"xoxb-{owner.lower()}-{secrets.token_hex(12)}"
        self.tokens[token] = owner
        if team["org_wide"]:
            self.org_wide.add(token)
        self.emu.grant(token, self.emu.scopes)
        enterprise = team["enterprise_id"]
        return {
            "access_token": token,
            "token_type": "bot",
            "scope": ",".join(sorted(self.emu.scopes)),
            "bot_user_id": self.emu.bot_user_id,
            "app_id": self.emu.app_id,
            "team": {"id": team["id"], "name": team["name"]} if team["id"] else None,
            "enterprise": {"id": enterprise, "name": f"Org {enterprise}"} if enterprise else None,
            "is_enterprise_install": team["org_wide"],
            "authed_user": {"id": team["user"]},
        }


def oauth_v2_access(emu, args: dict) -> dict:
    if emu.oauth is None:
        raise SlackError("invalid_client_id")
    return emu.oauth.exchange(args)


HANDLERS = {"oauth.v2.access": oauth_v2_access}
