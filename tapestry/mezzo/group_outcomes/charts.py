"""The outcome chart: average pre and post score per instrument, as inline SVG built in Python.

Presentation attributes only (fill=, stroke=), no style attributes or scripts, so it passes the
content security policy; the report shows the same numbers in a table beside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from tapestry.micro.assessments.instruments import INSTRUMENTS

WIDTH, HEIGHT = 420, 230
LEFT, RIGHT, TOP, BOTTOM = 36, 12, 24, 40
MUTED, PRE, POST = "#57606a", "#8c959f", "#1f5f8b"
BAR = 26


def pre_post_chart(outcomes: Sequence) -> SafeString:
    """One pair of bars per instrument (average pre, average post) over members with both measures."""
    shown = [outcome for outcome in outcomes if outcome.n_both]
    if not shown:
        return SafeString("")
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(shown)
    parts: list[SafeString] = [
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"/>',
            LEFT,
            TOP + plot_h,
            WIDTH - RIGHT,
            TOP + plot_h,
            MUTED,
        )
    ]
    for n, outcome in enumerate(shown):
        top = INSTRUMENTS[outcome.code].max_total or 1
        centre = LEFT + slot * n + slot / 2
        for offset, value, fill, label in (
            (-BAR - 2, outcome.average_pre, PRE, "pre"),
            (2, outcome.average_post, POST, "post"),
        ):
            height = float(value) / top * plot_h
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{} {}: {}</title></rect>',
                    f"{centre + offset:.1f}",
                    f"{TOP + plot_h - height:.1f}",
                    BAR,
                    f"{height:.1f}",
                    fill,
                    outcome.name,
                    label,
                    value,
                )
            )
            parts.append(
                format_html(
                    '<text x="{}" y="{}" font-size="11" text-anchor="middle" fill="{}">{}</text>',
                    f"{centre + offset + BAR / 2:.1f}",
                    f"{TOP + plot_h - height - 4:.1f}",
                    MUTED,
                    value,
                )
            )
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="12" text-anchor="middle">{} (of {})</text>',
                f"{centre:.1f}",
                HEIGHT - BOTTOM + 16,
                outcome.name,
                top,
            )
        )
    legend = format_html(
        '<rect x="{}" y="4" width="10" height="10" fill="{}"/><text x="{}" y="13" font-size="11">Average pre</text>'
        '<rect x="{}" y="4" width="10" height="10" fill="{}"/><text x="{}" y="13" font-size="11">Average post</text>',
        LEFT,
        PRE,
        LEFT + 14,
        LEFT + 100,
        POST,
        LEFT + 114,
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" role="img" '
        'aria-labelledby="outcome-chart-title"><title id="outcome-chart-title">Average score before and after '
        "the group, per instrument</title>{}{}</svg>",
        WIDTH,
        HEIGHT,
        legend,
        format_html_join("", "{}", ((part,) for part in parts)),
    )
