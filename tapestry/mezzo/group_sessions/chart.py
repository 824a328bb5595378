"""The attendance chart: one bar per held session, drawn as inline SVG on the server."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.safestring import SafeString

from tapestry.evidence import charts
from tapestry.mezzo.group_sessions.selectors import SessionRate

WIDTH, HEIGHT = 640, 220
LEFT, BOTTOM, TOP = 36, 28, 10


def attendance_chart(rows: list[SessionRate], *, title_id: str = "attendance-chart-title") -> SafeString:
    """Bars of each session's attendance rate (0–100 %), with gridlines; the data table sits beside it."""
    plot_h = HEIGHT - BOTTOM - TOP
    plot_w = WIDTH - LEFT - 8
    slot = plot_w / max(len(rows), 1)
    bar_w = max(4.0, min(40.0, slot * 0.7))
    grid = charts.y_gridlines(
        ((round(TOP + plot_h - plot_h * pct / 100, 1), f"{pct}%") for pct in (0, 50, 100)),
        left=LEFT,
        right=WIDTH - 8,
        size=12,
        gap=4,
        baseline=3,
        stroke_width=1,
    )
    parts = [grid]
    for index, row in enumerate(rows):
        height = round(plot_h * (row.rate or 0) / 100, 1)
        x = round(LEFT + index * slot + (slot - bar_w) / 2, 1)
        day = date_format(row.session.held_on, "d M")
        label = f"{day}: {row.rate if row.rate is not None else '–'}%"
        parts.append(
            charts.rect(x, round(TOP + plot_h - height, 1), round(bar_w, 1), height, charts.ACCENT, label)
        )
        if len(rows) <= 16:
            parts.append(
                charts.text(
                    round(x + bar_w / 2, 1),
                    HEIGHT - 10,
                    day,
                    size=12,
                    text_anchor="middle",
                    fill=charts.MUTED,
                )
            )
    return charts.svg(
        parts, width=WIDTH, height=HEIGHT, labelledby=title_id, css_class="attendance-chart", full_width=False
    )
