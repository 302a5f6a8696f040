"""Tiny Block Kit helpers over slack_sdk's models, so builders read like the message."""

from __future__ import annotations

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from ...i18n import t
from ...services.effects import Payload
from ..text import defuse, neutralise_bidi

SECTION_LIMIT = 3000
HEADER_LIMIT = 150
BUTTON_LIMIT = 75


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Mrkdwn(str):
    """Text the app composed itself (mentions of participants, dates): not escaped again."""


def header(text: str) -> HeaderBlock:
    return HeaderBlock(text=PlainTextObject(text=_cut(text, HEADER_LIMIT), emoji=True))


def section(mrkdwn: str, block_id: str | None = None, accessory=None) -> SectionBlock:
    return SectionBlock(
        text=MarkdownTextObject(text=_cut(mrkdwn, SECTION_LIMIT)),
        block_id=block_id,
        accessory=accessory,
    )


def context(*mrkdwn: str) -> ContextBlock:
    return ContextBlock(elements=[MarkdownTextObject(text=_cut(m, 2000)) for m in mrkdwn[:10]])


def divider() -> DividerBlock:
    return DividerBlock()


def button(label: str, action_id: str, value: str, style: str | None = None) -> ButtonElement:
    return ButtonElement(
        text=PlainTextObject(text=_cut(label, BUTTON_LIMIT), emoji=True),
        action_id=action_id,
        value=value,
        style=style,
    )


def actions(*elements, block_id: str | None = None) -> ActionsBlock:
    return ActionsBlock(elements=list(elements), block_id=block_id)


class Rendered:
    """A block built and validated once (through the models above), kept as JSON: a
    board re-rendered on every reply reuses the lines that did not change. Each
    `to_dict()` is a fresh dict, so no payload shares one with another."""

    def __init__(self, block: Block):
        self._json = json.dumps(block.to_dict())

    def to_dict(self) -> dict:
        return json.loads(self._json)


def payload(text: str, blocks: list[Block]) -> Payload:
    """A message: fallback text (notifications) plus its blocks as dicts."""
    blocks = neutralise_bidi([b.to_dict() for b in blocks])
    return Payload(text=_cut(defuse(neutralise_bidi(text)), 3000), blocks=blocks)


def slack_date(moment: datetime, fallback: str) -> str:
    """A time every reader sees in their own time zone."""
    epoch = int(moment.timestamp())
    return f"<!date^{epoch}^{{date_short_pretty}} {{time}}|{fallback}>"


def day_in_words(day: date | str, lang: str, year_of: date | str | None = None) -> str:
    """« jeudi 11 décembre », "Thursday, December 11": the year only when it is not
    the one of `year_of` (the session's, for a plan). A due date is a day, not a moment:
    written in words in the reader's language rather than as a `<!date^…>` token, which
    needs a moment and would say "Tomorrow" in the middle of a French sentence."""
    day = date.fromisoformat(day) if isinstance(day, str) else day
    if isinstance(year_of, str):
        year_of = date.fromisoformat(year_of)
    weekday = t(lang, "date.weekdays").split(",")[day.weekday()]
    month = t(lang, "date.months").split(",")[day.month - 1]
    number = t(lang, "date.first") if day.day == 1 else day.day
    key = "date.day" if year_of is not None and year_of.year == day.year else "date.day_year"
    return t(lang, key, weekday=weekday, day=number, month=month, year=day.year)


def slack_time(moment: datetime, tz: str, lang: str, with_day: bool = True) -> str:
    """A moment every reader sees in their own time zone; the words under the token (shown
    where Slack cannot render it) say it in `lang`, in the group's zone `tz`, named."""
    try:
        local = moment.astimezone(ZoneInfo(tz))
    except (KeyError, ValueError):
        local, tz = moment.astimezone(ZoneInfo("UTC")), "UTC"
    clock = local.strftime("%H:%M")
    words = f"{day_in_words(local.date(), lang, local.date())}, {clock}" if with_day else clock
    token = "{date_short_pretty} {time}" if with_day else "{time}"
    return f"<!date^{int(moment.timestamp())}^{token}|{words} ({tz})>"


def decimal(value: float, lang: str, digits: int = 1) -> str:
    """4.4 in English, 4,4 in French."""
    shown = f"{value:.{digits}f}"
    return shown.replace(".", ",") if lang == "fr" else shown


def number(value, lang: str) -> str:
    """A count of hours as people write it: 35, 10.5 in English, 10,5 in French."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        shown = f"{value:g}"
        return shown.replace(".", ",") if lang == "fr" else shown
    return str(value)


def user(user_id: str) -> str:
    return f"<@{user_id}>"


def users(user_ids) -> str:
    return ", ".join(user(u) for u in user_ids) or "—"
