"""The cycle assessment's chart as a PNG, drawn when its upload is delivered.

matplotlib's object API only: a `Figure` of its own and an Agg canvas for each chart,
never pyplot, whose global figure manager and state machine are not safe in the
threads that serve requests and deliver effects. The request queues the chart's
figures (a few numbers and words); the dispatcher draws it just before the upload,
so no request waits on it. matplotlib is imported on the first chart only.
"""

from __future__ import annotations

import io

RATING_COLOUR, ATTENDANCE_COLOUR = "#4a90d9", "#e07b39"


def chart_spec(
    title: str,
    rating_label: str,
    attendance_label: str,
    labels: list[str],
    ratings: list[float],
    attendance: list[float],
) -> dict:
    """What a chart shows, as JSON the outbox can keep until the chart is drawn."""
    return {
        "title": title,
        "rating_label": rating_label,
        "attendance_label": attendance_label,
        "labels": labels,
        "ratings": ratings,
        "attendance": attendance,
    }


def chart_png(spec: dict) -> bytes:
    """Bars of the sessions' average ratings (0-5) and a line of their attendance (%)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7, 3.5), dpi=100)
    canvas = FigureCanvasAgg(figure)
    left = figure.add_subplot()
    labels = spec["labels"]
    left.bar(labels, spec["ratings"], color=RATING_COLOUR, label=spec["rating_label"])
    left.set_ylim(0, 5)
    left.set_ylabel(spec["rating_label"])
    right = left.twinx()
    right.plot(labels, spec["attendance"], color=ATTENDANCE_COLOUR, marker="o")
    right.set_ylim(0, 105)
    right.set_ylabel(spec["attendance_label"])
    left.set_title(spec["title"])
    figure.tight_layout()
    out = io.BytesIO()
    canvas.print_png(out)
    return out.getvalue()
