"""The facilitator's session settings: the modal, and what was saved."""

from __future__ import annotations

from slack_sdk.models.blocks import (
    InputBlock,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    RadioButtonsElement,
)

from ...domain import Phase
from ...i18n import t
from ...services.group_settings import ASYNC, LIVE, OPEN, STRICT, GroupSettings, time_field
from ..ids import INPUT, BlockId, CallbackId
from ..text import escape
from .kit import context, header, payload, section
from .modals import checkboxes_field, form_modal
from .session import phase_name

ON = "on"


def _plain(text: str) -> PlainTextObject:
    return PlainTextObject(text=text[:75])


def _time_inputs(lang: str, kind: str, values: dict[int, int]) -> list:
    """One short field per phase, pre-filled with the box in force."""
    unit = t(lang, f"settings.unit.{kind}")
    return [
        InputBlock(
            block_id=time_field(kind, phase),
            label=_plain(f"{int(phase)} · {phase_name(lang, phase)} ({unit})"),
            element=PlainTextInputElement(
                action_id=INPUT, initial_value=str(values[int(phase)]), max_length=4
            ),
        )
        for phase in Phase
    ]


def _one_box(lang: str, block_id: str, key: str, on: bool) -> InputBlock:
    """One tick box with its label and hint (`key`, `key_option`, `key_hint`)."""
    option = Option(value=ON, text=_plain(t(lang, f"{key}_option")))
    return checkboxes_field(
        block_id,
        t(lang, key),
        [option],
        [option] if on else None,
        hint=t(lang, f"{key}_hint"),
        optional=True,
    )


def _named_evaluations(lang: str, named: bool) -> InputBlock:
    """Anonymous evaluations unless ticked; participants are told before they rate."""
    return _one_box(lang, BlockId.NAMED_EVALUATIONS, "settings.named_evaluations", named)


def _hold_harvest(lang: str, held: bool) -> InputBlock:
    """Live sessions: the client's harvest board waits for synthesis (off by default)."""
    return _one_box(lang, BlockId.HOLD_HARVEST, "settings.hold_harvest", held)


def _peer_run(lang: str, on: bool) -> InputBlock:
    """Peer-run: each session names its facilitator, the rotation suggests one."""
    return _one_box(lang, BlockId.PEER_RUN, "settings.peer_run", on)


def _video(lang: str, url: str | None) -> InputBlock:
    """The group's video-meeting link, shown with every session."""
    return InputBlock(
        block_id=BlockId.VIDEO,
        label=_plain(t(lang, "settings.video")),
        hint=_plain(t(lang, "settings.video_hint")),
        optional=True,
        element=PlainTextInputElement(
            action_id=INPUT,
            initial_value=url or None,
            max_length=500,
            placeholder=_plain("https://meet.example.com/abc-defg-hij"),
        ),
    )


WEEKENDS, AUTO = "weekends", "auto"


def _workdays(lang: str, current: GroupSettings) -> list[InputBlock]:
    """Async deadlines: weekends, a country's public holidays, moving on by itself."""
    options = [
        Option(value=WEEKENDS, text=_plain(t(lang, "settings.workdays.weekends"))),
        Option(value=AUTO, text=_plain(t(lang, "settings.workdays.auto"))),
    ]
    ticked = (current.skip_weekends, current.auto_advance)
    chosen = [o for o, on in zip(options, ticked, strict=True) if on]
    return [
        checkboxes_field(
            BlockId.WORKDAYS, t(lang, "settings.workdays"), options, chosen, optional=True
        ),
        InputBlock(
            block_id=BlockId.HOLIDAYS,
            label=_plain(t(lang, "settings.holidays")),
            hint=_plain(t(lang, "settings.holidays_hint")),
            optional=True,
            element=PlainTextInputElement(
                action_id=INPUT, initial_value=current.holiday_country or None, max_length=8
            ),
        ),
    ]


def settings_modal(lang: str, channel_id: str, current: GroupSettings) -> dict:
    follow_up = Option(value=ON, text=_plain(t(lang, "settings.follow_up_option")))
    explorations = [
        Option(value=STRICT, text=_plain(t(lang, "settings.exploration.strict"))),
        Option(value=OPEN, text=_plain(t(lang, "settings.exploration.open"))),
    ]
    blocks = [
        checkboxes_field(
            BlockId.FOLLOW_UP,
            t(lang, "settings.follow_up"),
            [follow_up],
            [follow_up] if current.with_follow_up else None,
            optional=True,
        ),
        InputBlock(
            block_id=BlockId.EXPLORATION,
            label=_plain(t(lang, "settings.exploration")),
            hint=_plain(t(lang, "settings.exploration_hint")),
            element=RadioButtonsElement(
                action_id=INPUT,
                options=explorations,
                initial_option=explorations[0 if current.strict_exploration else 1],
            ),
        ),
        _named_evaluations(lang, current.named_evaluations),
        _video(lang, current.video_url),
        _peer_run(lang, current.peer_run),
        header(t(lang, "settings.live_title")),
        context(t(lang, "settings.times_hint", max=240)),
        *_time_inputs(lang, LIVE, current.live_minutes),
        _hold_harvest(lang, current.hold_harvest),
        header(t(lang, "settings.async_title")),
        context(t(lang, "settings.times_hint", max=336)),
        *_time_inputs(lang, ASYNC, current.async_hours),
        *_workdays(lang, current),
    ]
    return form_modal(
        lang, CallbackId.SETTINGS, "settings.title", blocks, {"channel_id": channel_id}
    )


def _boxes(values: dict[int, int]) -> str:
    return " / ".join(str(values[int(p)]) for p in Phase)


def settings_saved(saved: GroupSettings):
    """The facilitator's private confirmation, with every setting now in force."""
    lang = saved.lang
    text = t(lang, "settings.saved", name=escape(saved.group_name))
    lines = [
        t(lang, "settings.saved.follow_up." + ("on" if saved.with_follow_up else "off")),
        t(lang, "settings.saved.exploration." + (STRICT if saved.strict_exploration else OPEN)),
        t(lang, "settings.saved.evaluations." + ("named" if saved.named_evaluations else "anon")),
        t(lang, "settings.saved.live", boxes=_boxes(saved.live_minutes)),
        t(lang, "settings.saved.async", boxes=_boxes(saved.async_hours)),
        t(lang, "settings.saved.video", url=escape(saved.video_url))
        if saved.video_url
        else t(lang, "settings.saved.no_video"),
        _workdays_saved(lang, saved),
        t(lang, "settings.saved.hold_harvest." + ("on" if saved.hold_harvest else "off")),
        t(lang, "settings.saved.peer_run." + ("on" if saved.peer_run else "off")),
    ]
    details = "\n".join(f"• {line}" for line in lines)
    return payload(
        f"{text}\n{details}",
        [section(text), section(details), context(t(lang, "settings.saved.when"))],
    )


def _workdays_saved(lang: str, saved: GroupSettings) -> str:
    days = "weekdays" if saved.skip_weekends else "every_day"
    line = t(lang, f"settings.saved.workdays.{days}")
    if saved.holiday_country:
        line += t(lang, "settings.saved.workdays.holidays", country=saved.holiday_country)
    if saved.auto_advance:
        line += t(lang, "settings.saved.workdays.auto")
    return line
