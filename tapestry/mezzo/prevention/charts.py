"""Before/after outcome measures and reach by month as inline SVG (no JS, no CDN, no style attributes).

Each chart is shown with a data table beside it. Measures have different units, so each pair of
bars is scaled to its own larger value: the chart shows direction and size of change, the table the numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from tapestry.evidence import charts
from tapestry.mezzo.prevention.models import OutcomeMeasure

WIDTH = 520
LABEL_H, BAR_H, GAP = 18, 16, 14
LEFT, RIGHT = 60, 90
BEFORE, BETTER, WORSE, SAME = "#8c959f", "#1a7f37", "#a40e26", charts.ACCENT
FONT = "system-ui, sans-serif"


def _bar(y: float, value: float, top: float, label: str, fill: str, caption: str) -> SafeString:
    text_y = y + BAR_H - 4
    length = charts.scale(value, top, WIDTH - LEFT - RIGHT)
    return charts.hbar(
        left=LEFT,
        y=y,
        length=length,
        height=BAR_H,
        text_y=text_y,
        label=label,
        caption=caption,
        fill=fill,
        title=caption,
    )


def measures_chart(measures: Sequence[OutcomeMeasure], chart_id: str = "measures-chart") -> SafeString:
    """Two bars per measure, before (grey) and after (green if better, red if worse)."""
    parts: list[SafeString] = []
    y = 4.0
    for measure in measures:
        top = float(max(abs(measure.before_value), abs(measure.after_value)))
        after_fill = {True: BETTER, False: WORSE, None: SAME}[measure.improved]
        heading = gettext("%(measure)s (%(direction)s)") % {
            "measure": measure.name,
            "direction": measure.get_direction_display().lower(),
        }
        parts.append(charts.text(0, y + 13, heading, size=13, font_weight=600, fill="#24292f"))
        y += LABEL_H
        before = f"{measure.before_display} {measure.unit}"
        parts.append(_bar(y, float(measure.before_value), top, gettext("Before"), BEFORE, before))
        y += BAR_H + 4
        after = f"{measure.after_display} {measure.unit}"
        parts.append(_bar(y, float(measure.after_value), top, gettext("After"), after_fill, after))
        y += BAR_H + GAP
    better = sum(1 for m in measures if m.improved)
    summary = ngettext(
        "%(count)s measure before and after; %(better)s changed for the better.",
        "%(count)s measures before and after; %(better)s changed for the better.",
        len(measures),
    ) % {"count": len(measures), "better": better}
    title = gettext("Outcome measures before and after")
    return charts.svg(
        parts, width=WIDTH, height=int(y) + 4, chart_id=chart_id, title=title, desc=summary, font=FONT
    )


def reach_chart(by_month: Sequence[tuple[str, int, int]], chart_id: str = "reach-chart") -> SafeString:
    """One bar per month: how many took part in that month's activities."""
    top = max((heads for _, _, heads in by_month), default=0)
    parts = []
    y = 4.0
    for month, activities, heads in by_month:
        caption = ngettext(
            "%(heads)s in %(count)s activity", "%(heads)s in %(count)s activities", activities
        ) % {"heads": heads, "count": activities}
        parts.append(_bar(y, heads, top, month, SAME, caption))
        y += BAR_H + 6
    total = sum(heads for _, _, heads in by_month)
    summary = ngettext(
        "Headcount by month over %(count)s month: %(total)s in all.",
        "Headcount by month over %(count)s months: %(total)s in all.",
        len(by_month),
    ) % {"count": len(by_month), "total": total}
    title = gettext("Participants by month")
    return charts.svg(
        parts, width=WIDTH, height=int(y) + 4, chart_id=chart_id, title=title, desc=summary, font=FONT
    )
