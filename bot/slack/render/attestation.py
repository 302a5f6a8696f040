"""The attestation of attendance (« certificat de réalisation ») as a PDF.

Built with fpdf2: pure Python, maintained, no system library to install, small,
and it embeds a TrueType font, so every name prints as written (accents, other
scripts). The font is DejaVu Sans, which matplotlib (already a dependency, for the
cycle's chart) ships with its data; nothing is downloaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ...i18n import t

FONT = "DejaVu"


@dataclass(frozen=True)
class AttestationSession:
    number: int
    day: date
    minutes: int


@dataclass(frozen=True)
class Attestation:
    lang: str
    name: str
    group: str
    facilitator: str
    sessions: tuple[AttestationSession, ...]
    minutes: int
    hours_engaged: int | None
    issued: date


def _day(lang: str, day: date) -> str:
    return day.strftime("%d/%m/%Y") if lang == "fr" else day.isoformat()


def attestation_pdf(item: Attestation) -> bytes:
    """Drawn when the export is delivered; fpdf2 and matplotlib's font folder are
    imported on the first attestation only."""
    import matplotlib
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    font_dir = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    lang = item.lang
    pdf = FPDF(format="A4")
    pdf.set_title(t(lang, "attestation.title"))
    pdf.set_author(item.facilitator)
    pdf.set_creator("codev")
    pdf.add_font(FONT, "", str(font_dir / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(font_dir / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(25, 25, 25)
    pdf.add_page()

    def line(text: str, size: int = 11, style: str = "", gap: float = 3, align="L"):
        pdf.set_font(FONT, style, size)
        pdf.multi_cell(0, size * 0.55, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(gap)

    line(t(lang, "attestation.title"), size=20, style="B", gap=10, align="C")
    line(t(lang, "attestation.intro", facilitator=item.facilitator, group=item.group))
    line(t(lang, "attestation.person", name=item.name), size=14, style="B", align="C", gap=5)
    line(t(lang, "attestation.attended"))
    for s in item.sessions:
        line(
            "• "
            + t(lang, "attestation.row", number=s.number, day=_day(lang, s.day), minutes=s.minutes),
            gap=1,
        )
    pdf.ln(4)
    days = [s.day for s in item.sessions]
    hours = _hours(item.minutes, lang)
    params = {
        "hours": hours,
        "sessions": len(item.sessions),
        "first": _day(lang, min(days)) if days else "—",
        "last": _day(lang, max(days)) if days else "—",
    }
    if item.hours_engaged:
        line(t(lang, "attestation.total", engaged=item.hours_engaged, **params), style="B")
    else:
        line(t(lang, "attestation.total_open", **params), style="B")
    pdf.ln(8)
    line(t(lang, "attestation.issued", day=_day(lang, item.issued)))
    line(t(lang, "attestation.signature", facilitator=item.facilitator))
    return bytes(pdf.output())


def _hours(minutes: int, lang: str) -> str:
    text = f"{minutes / 60:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "fr" else text


def attestation(lang, name, group, facilitator, sessions, hours_engaged, issued) -> bytes:
    """The renderer's entry: `sessions` are (number, day, minutes) of each session attended."""
    rows = tuple(AttestationSession(n, d, m) for n, d, m in sessions)
    return attestation_pdf(
        Attestation(
            lang=lang,
            name=name,
            group=group,
            facilitator=facilitator,
            sessions=rows,
            minutes=sum(r.minutes for r in rows),
            hours_engaged=hours_engaged,
            issued=issued,
        )
    )
