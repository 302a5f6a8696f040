"""OAuth v2 in two workspaces against the emulator: install, use, stay apart, uninstall.

Both workspaces share one emulator (one Web API URL, as slack.com is one); a
`TeamView` shows it to the driver as the second workspace. Each install goes
through /slack/install (state cookie) and /slack/oauth_redirect (code exchanged
with oauth.v2.access); tokens are stored encrypted and each workspace's messages
are sent with its own token.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import create_engine, select, text

from bot.bootstrap import build_runtime
from bot.config import Settings
from bot.emulator import Driver, Emulator
from bot.oauth.crypto import TokenCipher
from bot.oauth.store import EncryptedInstallationStore
from bot.persistence.models import BOTS, INSTALLATIONS, GroupRow
from bot.serve import make_http_server
from tests.support.stack import SECRET

TEAM_A, TEAM_B = "T0ALPHA", "T0BRAVO"
CHAN_A, CHAN_B = "C0ALPHA", "C0BRAVO"
FAC_A, FAC_B = "U0ANNA", "U0BORIS"
PEERS_A, PEERS_B = ["U0A1", "U0A2"], ["U0B1", "U0B2"]


class TeamView:
    """The shared emulator, as the driver of another workspace sees it."""

    def __init__(self, emulator, team_id):
        self._emu, self.team_id, self.team_domain = emulator, team_id, team_id.lower()

    def __getattr__(self, name):
        return getattr(self._emu, name)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _get(url: str, cookie: str | None = None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=10) as resp:
            return resp.status, resp.read().decode(), resp.headers
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode(errors="replace"), err.headers


class OAuthStack:
    def __init__(self, database_url: str):
        self.database_url = database_url
        self.emulator = Emulator(team_id=TEAM_A, signing_secret=SECRET).start()
        self.oauth = self.emulator.enable_oauth()
        for user in [FAC_A, *PEERS_A, FAC_B, *PEERS_B]:
            self.emulator.add_user(user, user.lower(), real_name=user.title(), locale="en-US")
        self.emulator.add_channel(
            CHAN_A, "alpha-circle", is_private=True, members=[FAC_A, *PEERS_A]
        )
        self.emulator.add_channel(
            CHAN_B, "bravo-circle", is_private=True, members=[FAC_B, *PEERS_B]
        )
        self.keys = [Fernet.generate_key().decode()]
        self.settings = Settings(
            slack_client_id=self.oauth.client_id,
            slack_client_secret=self.oauth.client_secret,
            codev_token_keys=",".join(self.keys),
            slack_signing_secret=SECRET,
            slack_api_url=self.emulator.api_url,
            database_url=database_url,
            codev_default_lang="en",
            codev_channel_pace_seconds=0,
            _env_file=None,
        )
        self.runtime = build_runtime(self.settings)
        self.server = make_http_server(self.runtime, "127.0.0.1", 0)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.drivers = {
            TEAM_A: Driver(f"{self.base}/slack/events", self.emulator, SECRET),
            TEAM_B: Driver(f"{self.base}/slack/events", TeamView(self.emulator, TEAM_B), SECRET),
        }
        self.tokens_used: list[tuple[str, str | None]] = []
        handle = self.emulator.handle

        def recording(method, args, token):
            self.tokens_used.append((method, token))
            return handle(method, args, token)

        self.emulator.handle = recording

    def install(self, team_id: str):
        status, page, headers = _get(f"{self.base}/slack/install")
        assert status == 200, page
        cookie = SimpleCookie(headers.get("Set-Cookie"))
        state = cookie["slack-app-oauth-state"].value
        assert f"state={state}" in page
        code = self.oauth.authorize(team_id, team_name=f"Team {team_id}")
        self.last_state = state
        return self.redirect(code, state)

    def redirect(self, code: str, state: str, cookie_state: str | None = None):
        query = urlencode({"code": code, "state": state})
        cookie = f"slack-app-oauth-state={cookie_state or state}"
        return _get(f"{self.base}/slack/oauth_redirect?{query}", cookie)

    def rows(self, table) -> list:
        engine = create_engine(self.database_url)
        try:
            with engine.connect() as connection:
                return connection.execute(select(table)).all()
        finally:
            engine.dispose()

    def setup_group(self, team, channel, facilitator, name):
        driver = self.drivers[team]
        assert driver.command(facilitator, channel, "setup").status == 200
        view_id = list(self.emulator.views)[-1]
        submitted = driver.submit_view(
            facilitator,
            view_id,
            {
                "name": name,
                "lang": "en",
                "tz": "Europe/Paris",
                "mode": "live",
                "facilitator": facilitator,
            },
        )
        assert submitted.status == 200, submitted.body

    def close(self):
        self.server.shutdown()
        self.server.server_close()
        self.runtime.stop()
        self.emulator.stop()


@pytest.fixture
def oauth_stack(database_url):
    stack = OAuthStack(database_url)
    yield stack
    stack.close()


def _said(response) -> str:
    body = response.json()
    return str(body) if body else response.body


def test_two_workspaces_install_through_oauth_and_each_sees_only_its_own_group(oauth_stack):
    stack = oauth_stack
    for team in (TEAM_A, TEAM_B):
        status, page, _ = stack.install(team)
        assert status in (200, 302), page
    installed = stack.rows(BOTS)
    assert sorted(row.team_id for row in installed) == [TEAM_A, TEAM_B]
    assert all(row.bot_token.startswith("fernet:") for row in installed)
    assert "xoxb-" not in str(stack.rows(BOTS)) + str(stack.rows(INSTALLATIONS))

    stack.setup_group(TEAM_A, CHAN_A, FAC_A, "Alpha circle")
    stack.setup_group(TEAM_B, CHAN_B, FAC_B, "Bravo circle")
    stack.runtime.services.delivery.drain()

    members_a = _said(stack.drivers[TEAM_A].command(FAC_A, CHAN_A, "members"))
    members_b = _said(stack.drivers[TEAM_B].command(FAC_B, CHAN_B, "members"))
    assert f"<@{FAC_A}>" in members_a and f"<@{FAC_B}>" not in members_a
    assert f"<@{FAC_B}>" in members_b and f"<@{FAC_A}>" not in members_b
    # Another workspace naming the first one's channel finds no group there.
    foreign = _said(stack.drivers[TEAM_B].command(FAC_B, CHAN_A, "members"))
    assert "no codev group" in foreign and f"<@{FAC_A}>" not in foreign
    said_a = [m.text for m in stack.emulator.channel_messages(CHAN_A) if m.bot]
    said_b = [m.text for m in stack.emulator.channel_messages(CHAN_B) if m.bot]
    assert any("Alpha circle" in t for t in said_a) and not any("Bravo" in t for t in said_a)
    assert any("Bravo circle" in t for t in said_b) and not any("Alpha" in t for t in said_b)

    groups = {(row.team_id, row.channel_id) for row in stack.rows(GroupRow.__table__)}
    assert groups == {(TEAM_A, CHAN_A), (TEAM_B, CHAN_B)}
    tokens = {
        stack.oauth.tokens[t]
        for m, t in stack.tokens_used
        if m == "chat.postMessage" and t in stack.oauth.tokens
    }
    assert tokens == {TEAM_A, TEAM_B}, "each workspace's messages use its own token"
    assert stack.emulator.rejected() == []


def test_a_bad_or_replayed_state_gets_an_error_page_and_stores_nothing(oauth_stack):
    stack = oauth_stack
    code = stack.oauth.authorize(TEAM_A)
    status, page, _ = stack.redirect(code, "forged-state")
    assert status >= 400 and "xoxb-" not in page
    assert stack.rows(BOTS) == []

    status, _, headers = _get(f"{stack.base}/slack/install")
    state = SimpleCookie(headers.get("Set-Cookie"))["slack-app-oauth-state"].value
    status, page, _ = stack.redirect(code, state, cookie_state="another-browser")
    assert status >= 400
    assert stack.rows(BOTS) == []

    assert stack.install(TEAM_A)[0] in (200, 302)
    replayed = stack.redirect(stack.oauth.authorize(TEAM_A), stack.last_state)
    assert replayed[0] >= 400
    assert len(stack.rows(BOTS)) == 1


def test_app_uninstalled_deletes_the_workspace_tokens_and_its_requests_store_nothing(oauth_stack):
    stack = oauth_stack
    stack.install(TEAM_A)
    stack.install(TEAM_B)
    gone = stack.drivers[TEAM_B].event({"type": "app_uninstalled", "event_ts": "1.0"})
    assert gone.status == 200
    assert [row.team_id for row in stack.rows(BOTS)] == [TEAM_A]
    assert [row.team_id for row in stack.rows(INSTALLATIONS)] == [TEAM_A]

    refused = stack.drivers[TEAM_B].command(FAC_B, CHAN_B, "setup")
    assert refused.status in (200, 401)
    assert stack.emulator.views == {}
    assert stack.rows(GroupRow.__table__) == []


def test_tokens_revoked_deletes_the_bot_token(oauth_stack):
    stack = oauth_stack
    stack.install(TEAM_B)
    revoked = stack.drivers[TEAM_B].event(
        {
            "type": "tokens_revoked",
            "tokens": {"bot": [stack.emulator.bot_user_id]},
            "event_ts": "1.0",
        }
    )
    assert revoked.status == 200
    assert stack.rows(BOTS) == []


def test_a_new_key_rotates_every_stored_token_and_the_old_key_can_go(oauth_stack):
    stack = oauth_stack
    stack.install(TEAM_A)
    before = stack.rows(BOTS)[0].bot_token
    new_key = Fernet.generate_key().decode()
    engine = create_engine(stack.database_url)
    try:
        both = EncryptedInstallationStore(engine, TokenCipher([new_key, *stack.keys]), "x")
        assert both.rotate() == 2  # the installation row and the bot row
        after = stack.rows(BOTS)[0].bot_token
        assert after != before
        only_new = EncryptedInstallationStore(engine, TokenCipher([new_key]), "x")
        only_new.inner.client_id = stack.oauth.client_id
        bot = only_new.find_bot(enterprise_id=None, team_id=TEAM_A)
        assert bot.bot_token in stack.oauth.tokens
        with engine.connect() as connection:
            assert "xoxb-" not in str(connection.execute(text("SELECT * FROM slack_bots")).all())
    finally:
        engine.dispose()


def test_codev_tokens_rotate_re_encrypts_with_the_first_key(
    oauth_stack, monkeypatch, capsys, tmp_path
):
    from bot import cli

    stack = oauth_stack
    stack.install(TEAM_A)
    new_key = Fernet.generate_key().decode()
    monkeypatch.setenv("DATABASE_URL", stack.database_url)
    monkeypatch.setenv("CODEV_TOKEN_KEYS", f"{new_key},{stack.keys[0]}")
    monkeypatch.chdir(tmp_path)  # no stray .env
    cli.main(["tokens", "rotate"])
    assert "2 rows" in capsys.readouterr().out
    monkeypatch.setenv("CODEV_TOKEN_KEYS", "not-a-key")
    with pytest.raises(SystemExit) as stopped:
        cli.main(["tokens", "rotate"])
    assert "CODEV_TOKEN_KEYS" in str(stopped.value.code)
