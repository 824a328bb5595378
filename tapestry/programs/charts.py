"""A bar chart of suppressed counts, drawn as inline SVG in Python (no JS, no CDN, no style attributes).

A suppressed bar is not drawn: its label says "<11" (the threshold), so the chart never shows
more than the data table beside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from tapestry.evidence.suppression import Cell

WIDTH, ROW, LEFT, RIGHT, TOP = 520, 22, 80, 56, 8
MUTED, ACCENT = "#57606a", "#1f5f8b"


def bar_chart(*, chart_id: str, title: str, cells: Sequence[Cell]) -> SafeString:
    """Horizontal bars, one per cell, scaled to the largest shown value."""
    height = TOP * 2 + ROW * max(len(cells), 1)
    plot_w = WIDTH - LEFT - RIGHT
    top_value = max([cell.value or 0 for cell in cells] + [1])
    rows = []
    for n, cell in enumerate(cells):
        y = TOP + n * ROW
        length = 0.0 if cell.value is None else cell.value / top_value * plot_w
        rows.append(
            (
                LEFT - 6,
                f"{y + ROW * 0.65:.1f}",
                MUTED,
                cell.label,
                LEFT,
                y + 3,
                f"{length:.1f}",
                ROW - 6,
                ACCENT,
                f"{LEFT + length + 6:.1f}",
                f"{y + ROW * 0.65:.1f}",
                MUTED,
                str(cell),
            )
        )
    bars = format_html_join(
        "",
        '<text x="{}" y="{}" font-size="12" text-anchor="end" fill="{}">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'
        '<text x="{}" y="{}" font-size="12" fill="{}">{}</text>',
        rows,
    )
    return format_html(
        '<svg id="{}" class="chart" viewBox="0 0 {} {}" width="100%" role="img" aria-labelledby="{}-title">'
        '<title id="{}-title">{}</title>{}</svg>',
        chart_id,
        WIDTH,
        height,
        chart_id,
        chart_id,
        title,
        bars,
    )
