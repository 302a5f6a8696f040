"""How a group's sessions run: phase 0 or not, strict or open exploration, time boxes.

Kept apart from the set-up form (name, language, zone, mode, facilitator) because
these shape the method itself, and the facilitator tunes them as the group finds
its rhythm. Time boxes are copied into a session when it starts, so new ones
apply from the next session; strict or open exploration applies at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import HttpUrl, TypeAdapter, ValidationError

from ..domain import DEFAULT_ASYNC_HOURS, DEFAULT_LIVE_MINUTES, Phase
from ..domain.amounts import HOURS, MINUTES, whole_amount
from .forms import InvalidFields
from .workdays import supported_countries

FOLLOW_UP, EXPLORATION, VIDEO = "follow_up", "exploration", "video_url"
HOLIDAYS = "holiday_country"
MAX_URL = 500
_URL = TypeAdapter(HttpUrl)
STRICT, OPEN = "strict", "open"
LIVE, ASYNC = "live", "async"
LIMITS = {LIVE: 240, ASYNC: 336}  # 4 hours for one live phase, 2 weeks for an async one
DEFAULTS = {LIVE: DEFAULT_LIVE_MINUTES, ASYNC: DEFAULT_ASYNC_HOURS}
UNIT = {LIVE: MINUTES, ASYNC: HOURS}


def time_field(kind: str, phase: int) -> str:
    """The form field (and modal block id) of one phase's time box: `live_2`, `async_4`."""
    return f"{kind}_{int(phase)}"


@dataclass(frozen=True)
class GroupSettings:
    """The settings as the facilitator reads them: every phase's box, defaults included."""

    lang: str
    group_name: str
    mode: str
    with_follow_up: bool
    strict_exploration: bool
    live_minutes: dict[int, int]
    async_hours: dict[int, int]
    named_evaluations: bool = False
    video_url: str | None = None
    skip_weekends: bool = False
    holiday_country: str | None = None
    auto_advance: bool = False
    hold_harvest: bool = False  # live: the client's board waits for synthesis
    peer_run: bool = False


@dataclass(frozen=True)
class SettingsForm:
    """What the modal sent: `times` maps `time_field(kind, phase)` to the typed text."""

    with_follow_up: bool
    exploration: str
    times: dict[str, str]
    named_evaluations: bool = False  # anonymous unless the facilitator ticks it
    video_url: str = ""  # empty: no video link
    skip_weekends: bool = False
    holiday_country: str = ""  # ISO code; empty: no public holidays skipped
    auto_advance: bool = False
    hold_harvest: bool = False
    peer_run: bool = False  # the facilitator role rotates among the peers


def _effective(kind: str, stored: dict[Any, Any] | None) -> dict[int, int]:
    stored = {int(k): int(v) for k, v in (stored or {}).items()}
    return {int(p): stored.get(int(p), DEFAULTS[kind][p]) for p in Phase}


def read_settings(group, lang: str) -> GroupSettings:
    return GroupSettings(
        lang=lang,
        group_name=group.name,
        mode=group.mode,
        with_follow_up=bool(group.with_follow_up),
        strict_exploration=bool(group.strict_exploration),
        live_minutes=_effective(LIVE, group.live_minutes),
        async_hours=_effective(ASYNC, group.async_hours),
        named_evaluations=bool(group.named_evaluations),
        video_url=group.video_url,
        skip_weekends=bool(group.skip_weekends),
        holiday_country=group.holiday_country,
        auto_advance=bool(group.auto_advance),
        hold_harvest=bool(group.hold_harvest),
        peer_run=bool(group.peer_run),
    )


def holiday_country(text: str, errors: dict[str, Any]) -> str | None:
    """A country whose public holidays the `holidays` package knows (FR, BE, CA …)."""
    code = (text or "").strip().upper()
    if not code:
        return None
    if code not in supported_countries():
        errors[HOLIDAYS] = ("settings.error.holidays", {"example": "FR"})
        return None
    return code


def video_link(text: str, errors: dict[str, Any]) -> str | None:
    """The group's video-meeting link as typed (Zoom, Meet, Teams, Jitsi …): an http(s)
    URL with a host, or nothing. Characters that would break a Slack link are refused
    rather than silently changed."""
    text = (text or "").strip()
    if not text:
        return None
    if len(text) > MAX_URL or any(c in text for c in '<>|"\\ \t\n'):
        errors[VIDEO] = ("settings.error.video", {"max": MAX_URL})
        return None
    try:
        url = _URL.validate_python(text)
    except ValidationError:
        errors[VIDEO] = ("settings.error.video", {"max": MAX_URL})
        return None
    if url.scheme not in ("http", "https") or not url.host or "." not in url.host:
        errors[VIDEO] = ("settings.error.video", {"max": MAX_URL})
        return None
    return text


def _overrides(kind: str, times: dict[str, str], errors: dict[str, Any]) -> dict[str, int] | None:
    """The phases whose box differs from the default (None when none does).

    An empty field means the default. Keys are strings, as JSON stores them."""
    chosen = {}
    for phase in Phase:
        field = time_field(kind, phase)
        text = (times.get(field) or "").strip()
        if not text:
            continue
        # "90", "1h30", "1 h 30", "2 jours", "10,5" (see domain/amounts.py); the amount
        # read is rounded to whole minutes (live) or hours (async)
        value = whole_amount(text, UNIT[kind], -(10**9), 10**9)
        if value is None:
            errors[field] = (f"settings.error.{kind}_number", {"max": LIMITS[kind]})
            continue
        if not 1 <= value <= LIMITS[kind]:
            errors[field] = (f"settings.error.{kind}_range", {"max": LIMITS[kind]})
        elif value != DEFAULTS[kind][phase]:
            chosen[str(int(phase))] = value
    return chosen or None


def apply_settings(group, form: SettingsForm, now) -> None:
    """Check every field at once (the modal shows every problem together), then
    write them on the group."""
    errors: dict[str, tuple[str, dict[str, Any]]] = {}
    if form.exploration not in (STRICT, OPEN):
        errors[EXPLORATION] = ("settings.error.exploration", {})
    live = _overrides(LIVE, form.times, errors)
    hours = _overrides(ASYNC, form.times, errors)
    video = video_link(form.video_url, errors)
    country = holiday_country(form.holiday_country, errors)
    if errors:
        raise InvalidFields(errors)
    group.with_follow_up = bool(form.with_follow_up)
    group.strict_exploration = form.exploration == STRICT
    group.named_evaluations = bool(form.named_evaluations)
    group.live_minutes, group.async_hours = live, hours
    group.video_url = video
    group.skip_weekends, group.holiday_country = bool(form.skip_weekends), country
    group.auto_advance = bool(form.auto_advance)
    group.hold_harvest = bool(form.hold_harvest)
    group.peer_run = bool(form.peer_run)
    group.updated_at = now
