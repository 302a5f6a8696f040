"""The group's gestures as the facilitator and members read them."""

from __future__ import annotations

from ...i18n import t
from ...services.gestures import GestureSettings
from ..text import escape
from .kit import context, payload, section


def gestures_message(settings: GestureSettings, changed: bool = False):
    lang = settings.lang
    if settings.gestures:
        lines = [
            t(lang, "gestures.line", emoji=escape(name), action=t(lang, f"gestures.{gesture}"))
            for name, gesture in settings.gestures.items()
        ]
        body = t(lang, "gestures.title") + "\n" + "\n".join(lines)
    else:
        body = t(lang, "gestures.none")
    if changed:
        body = t(lang, "gestures.changed") + "\n" + body
    return payload(body, [section(body), context(t(lang, "gestures.how"))])
