"""The indicator chart: one bar per period and the target as a line, as inline SVG (tapestry/evidence/charts.py).

Draws nothing the table beside it does not show: a suppressed period has no bar and is captioned
as suppressed, like its row in the table.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.safestring import SafeString
from django.utils.translation import gettext

from tapestry.evidence import charts
from tapestry.macro.evaluation.selectors import Value

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 16, 36
TARGET = "#9a6700"


def values_chart(values: Sequence[Value], *, title: str) -> SafeString:
    """Bars of the shown values per period (below zero drawn from zero down), the target as a dashed line."""
    if not values:
        return SafeString("")
    numbers = [float(v.rate.value) for v in values if v.rate.value is not None]
    numbers += [float(v.target) for v in values if v.target is not None]
    top = max([*numbers, 0.0]) or 1.0
    bottom = min([*numbers, 0.0])
    span = top - bottom or 1.0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    zero_y = TOP + charts.scale(top, span, plot_h)
    slot = plot_w / len(values)
    parts = [
        charts.y_gridlines(
            [(TOP, f"{top:g}"), (zero_y, "0")] + ([(TOP + plot_h, f"{bottom:g}")] if bottom < 0 else []),
            left=LEFT,
            right=WIDTH - RIGHT,
        )
    ]
    for n, value in enumerate(values):
        x = LEFT + slot * n
        centre = x + slot / 2
        shown = value.rate.value
        if shown is None:
            caption = "suppressed" if value.rate.suppressed else "no data"
            parts.append(
                charts.text(centre, zero_y - 4, caption, size=12, text_anchor="middle", fill=charts.MUTED)
            )
        else:
            height = charts.scale(abs(shown), span, plot_h)
            y = zero_y - height if shown >= 0 else zero_y
            parts.append(
                charts.rect(
                    x + slot * 0.2, y, slot * 0.6, height, charts.ACCENT, f"{value.period}: {shown:g}"
                )
            )
            parts.append(
                charts.text(
                    centre,
                    y - 4 if shown >= 0 else y + height + 12,
                    f"{shown:g}",
                    size=12,
                    text_anchor="middle",
                )
            )
        if value.target is not None:
            target_y = (
                zero_y - charts.scale(float(value.target), span, plot_h)
                if value.target >= 0
                else zero_y + charts.scale(-float(value.target), span, plot_h)
            )
            parts.append(
                charts.line(
                    x + 2, target_y, x + slot - 2, target_y, TARGET, stroke_width=2, stroke_dasharray="4 3"
                )
            )
        parts.append(charts.text(centre, HEIGHT - BOTTOM + 16, value.period, size=12, text_anchor="middle"))
    return charts.svg(
        parts,
        width=WIDTH,
        height=HEIGHT,
        chart_id="indicator-chart",
        title=title,
        desc=gettext(
            "Bars are the values per period; dashed lines are the targets. The table below gives the same figures."
        ),
        css_class="chart",
    )
