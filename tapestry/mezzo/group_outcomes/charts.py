"""The outcome chart: average pre and post score per instrument, as inline SVG built in Python.

Presentation attributes only (fill=, stroke=), no style attributes or scripts, so it passes the
content security policy; the report shows the same numbers in a table beside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.safestring import SafeString
from django.utils.translation import gettext

from tapestry.evidence import charts
from tapestry.micro.assessments.instruments import INSTRUMENTS

WIDTH, HEIGHT = 420, 230
LEFT, RIGHT, TOP, BOTTOM = 36, 12, 24, 40
PRE, POST = "#8c959f", charts.ACCENT
BAR = 26


def pre_post_chart(outcomes: Sequence) -> SafeString:
    """One pair of bars per instrument (average pre, average post) over members with both measures."""
    shown = [outcome for outcome in outcomes if outcome.n_both]
    if not shown:
        return SafeString("")
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(shown)
    parts = [
        charts.rect(LEFT, 4, 10, 10, PRE),
        charts.text(LEFT + 14, 13, gettext("Average pre"), size=12),
        charts.rect(LEFT + 100, 4, 10, 10, POST),
        charts.text(LEFT + 114, 13, gettext("Average post"), size=12),
        charts.line(LEFT, TOP + plot_h, WIDTH - RIGHT, TOP + plot_h, charts.MUTED),
    ]
    for n, outcome in enumerate(shown):
        top = INSTRUMENTS[outcome.code].max_total or 1
        centre = LEFT + slot * n + slot / 2
        for offset, value, fill, label in (
            (-BAR - 2, outcome.average_pre, PRE, gettext("pre")),
            (2, outcome.average_post, POST, gettext("post")),
        ):
            height = charts.scale(float(value), top, plot_h)
            x, y = centre + offset, TOP + plot_h - height
            parts.append(charts.rect(x, y, BAR, height, fill, f"{outcome.name} {label}: {value}"))
            parts.append(
                charts.text(x + BAR / 2, y - 4, value, size=12, text_anchor="middle", fill=charts.MUTED)
            )
        axis_label = gettext("%(instrument)s (of %(top)s)") % {"instrument": outcome.name, "top": top}
        parts.append(charts.text(centre, HEIGHT - BOTTOM + 16, axis_label, text_anchor="middle"))
    title = gettext("Average score before and after the group, per instrument")
    return charts.svg(parts, width=WIDTH, height=HEIGHT, chart_id="outcome-chart", title=title)
