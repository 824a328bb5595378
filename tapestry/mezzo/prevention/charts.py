"""Before/after outcome measures and reach by month as inline SVG (no JS, no CDN, no style attributes).

Each chart is shown with a data table beside it. Measures have different units, so each pair of
bars is scaled to its own larger value: the chart shows direction and size of change, the table the numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from tapestry.mezzo.prevention.models import OutcomeMeasure

WIDTH = 520
LABEL_H, BAR_H, GAP = 18, 16, 14
LEFT, RIGHT = 60, 90
MUTED, BEFORE, BETTER, WORSE, SAME = "#57606a", "#8c959f", "#1a7f37", "#a40e26", "#1f5f8b"


def _svg(chart_id: str, title: str, summary: str, height: int, parts: list[SafeString]) -> SafeString:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" role="img" '
        'aria-labelledby="{}-title {}-desc" font-family="system-ui, sans-serif">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        WIDTH,
        height,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        summary,
        mark_safe("".join(parts)),  # noqa: S308 - every part was escaped by format_html
    )


def _bar(y: float, value: float, top: float, label: str, fill: str, caption: str) -> SafeString:
    plot_w = WIDTH - LEFT - RIGHT
    width = 0.0 if top <= 0 else max(value, 0) / top * plot_w
    return format_html(
        '<text x="{}" y="{}" font-size="12" text-anchor="end" fill="{}">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>'
        '<text x="{}" y="{}" font-size="12" fill="{}">{}</text>',
        LEFT - 6,
        f"{y + BAR_H - 4:.1f}",
        MUTED,
        label,
        LEFT,
        f"{y:.1f}",
        f"{width:.1f}",
        BAR_H,
        fill,
        caption,
        f"{LEFT + width + 6:.1f}",
        f"{y + BAR_H - 4:.1f}",
        MUTED,
        caption,
    )


def measures_chart(measures: Sequence[OutcomeMeasure], chart_id: str = "measures-chart") -> SafeString:
    """Two bars per measure, before (grey) and after (green if better, red if worse)."""
    parts: list[SafeString] = []
    y = 4.0
    for measure in measures:
        top = float(max(abs(measure.before_value), abs(measure.after_value)))
        after_fill = {True: BETTER, False: WORSE, None: SAME}[measure.improved]
        parts.append(
            format_html(
                '<text x="0" y="{}" font-size="13" font-weight="600" fill="#24292f">{} ({})</text>',
                f"{y + 13:.1f}",
                measure.name,
                measure.get_direction_display().lower(),
            )
        )
        y += LABEL_H
        parts.append(
            _bar(
                y,
                float(measure.before_value),
                top,
                "Before",
                BEFORE,
                f"{measure.before_display} {measure.unit}",
            )
        )
        y += BAR_H + 4
        parts.append(
            _bar(
                y,
                float(measure.after_value),
                top,
                "After",
                after_fill,
                f"{measure.after_display} {measure.unit}",
            )
        )
        y += BAR_H + GAP
    better = sum(1 for m in measures if m.improved)
    summary = f"{len(measures)} measure{'s' if len(measures) != 1 else ''} before and after; {better} changed for the better."
    return _svg(chart_id, "Outcome measures before and after", summary, int(y) + 4, parts)


def reach_chart(by_month: Sequence[tuple[str, int, int]], chart_id: str = "reach-chart") -> SafeString:
    """One bar per month: how many took part in that month's activities."""
    top = max((heads for _, _, heads in by_month), default=0)
    parts = []
    y = 4.0
    for month, activities, heads in by_month:
        caption = f"{heads} in {activities} activit{'ies' if activities != 1 else 'y'}"
        parts.append(_bar(y, heads, top, month, SAME, caption))
        y += BAR_H + 6
    total = sum(heads for _, _, heads in by_month)
    summary = (
        f"Headcount by month over {len(by_month)} month{'s' if len(by_month) != 1 else ''}: {total} in all."
    )
    return _svg(chart_id, "Participants by month", summary, int(y) + 4, parts)
