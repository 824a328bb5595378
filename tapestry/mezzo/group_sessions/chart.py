"""The attendance chart: one bar per held session, drawn as inline SVG on the server."""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from tapestry.mezzo.group_sessions.selectors import SessionRate

WIDTH, HEIGHT = 640, 220
LEFT, BOTTOM, TOP = 36, 28, 10


def attendance_chart(rows: list[SessionRate], *, title_id: str = "attendance-chart-title") -> SafeString:
    """Bars of each session's attendance rate (0–100 %), with gridlines; the data table sits beside it."""
    plot_h = HEIGHT - BOTTOM - TOP
    plot_w = WIDTH - LEFT - 8
    slot = plot_w / max(len(rows), 1)
    bar_w = max(4.0, min(40.0, slot * 0.7))
    grid = format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#d0d7de" stroke-width="1"/>'
        '<text x="{}" y="{}" font-size="10" text-anchor="end" fill="#57606a">{}%</text>',
        (
            (LEFT, WIDTH - 8, y, y, LEFT - 4, y + 3, pct)
            for pct in (0, 50, 100)
            for y in [round(TOP + plot_h - plot_h * pct / 100, 1)]
        ),
    )
    bars = []
    for index, row in enumerate(rows):
        rate = row.rate or 0
        height = round(plot_h * rate / 100, 1)
        x = round(LEFT + index * slot + (slot - bar_w) / 2, 1)
        y = round(TOP + plot_h - height, 1)
        label = f"{row.session.held_on:%d %b}: {row.rate if row.rate is not None else '–'}%"
        bars.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="#1f5f8b"><title>{}</title></rect>',
                x,
                y,
                round(bar_w, 1),
                height,
                label,
            )
        )
        if len(rows) <= 16:
            bars.append(
                format_html(
                    '<text x="{}" y="{}" font-size="10" text-anchor="middle" fill="#57606a">{}</text>',
                    round(x + bar_w / 2, 1),
                    HEIGHT - 10,
                    f"{row.session.held_on:%d %b}",
                )
            )
    return format_html(
        '<svg class="attendance-chart" viewBox="0 0 {} {}" role="img" aria-labelledby="{}" '
        'xmlns="http://www.w3.org/2000/svg">{}{}</svg>',
        WIDTH,
        HEIGHT,
        title_id,
        grid,
        SafeString("".join(bars)),
    )
