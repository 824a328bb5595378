"""Shared chart drawing: inline SVG built in Python (no JS, no CDN, no style attributes).

Presentation attributes only (fill=, stroke=), so every chart passes the content security policy;
each chart is shown with a data table beside it and never shows more than that table.
Coordinates are written with one decimal: floats are formatted here, since format_html escapes
its arguments and cannot format them itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from tapestry.evidence.suppression import Cell

MUTED, ACCENT, GRID = "#57606a", "#1f5f8b", "#d0d7de"


def scale(value: float | None, top: float, length: float) -> float:
    """How far along `length` a value reaches on a scale from 0 to `top`, clamped to the scale.

    Nothing (0.0) for a suppressed value (None) or an empty scale (top at or below 0).
    """
    if value is None or top <= 0:
        return 0.0
    return min(max(value, 0), top) / top * length


def _value(value: object) -> object:
    return f"{value:.1f}" if isinstance(value, float) else value


def element(tag: str, content: object = None, /, **attrs: object) -> SafeString:
    """`<tag a="1" b-c="2"/>`, or with content; `b_c=` is written b-c=, None leaves an attribute out."""
    attributes = format_html_join(
        "",
        ' {}="{}"',
        ((name.rstrip("_").replace("_", "-"), _value(v)) for name, v in attrs.items() if v is not None),
    )
    if content is None:
        return format_html("<{}{}/>", tag, attributes)
    return format_html("<{}{}>{}</{}>", tag, attributes, content, tag)


def join(parts: Iterable[SafeString]) -> SafeString:
    return format_html_join("", "{}", ((part,) for part in parts))


def tooltip(text: object) -> SafeString:
    return format_html("<title>{}</title>", text)


def text(x: object, y: object, content: object, *, size: int = 12, **attrs: object) -> SafeString:
    """A label; attrs such as font_weight=, text_anchor=, fill= follow font-size in that order."""
    return element("text", content, x=x, y=y, font_size=size, **attrs)


def rect(x: object, y: object, width: object, height: object, fill: str, title: object = None) -> SafeString:
    """A bar, with its value as a tooltip when `title` is given."""
    return element(
        "rect", None if title is None else tooltip(title), x=x, y=y, width=width, height=height, fill=fill
    )


def line(x1: object, y1: object, x2: object, y2: object, stroke: str, **attrs: object) -> SafeString:
    return element("line", x1=x1, y1=y1, x2=x2, y2=y2, stroke=stroke, **attrs)


def hbar(
    *,
    left: float,
    y: object,
    length: float,
    height: object,
    text_y: object,
    label: object,
    caption: object,
    fill: str,
    title: object = None,
) -> SafeString:
    """One horizontal bar: its label to the left (right-aligned), its caption just past its end."""
    return join(
        (
            text(left - 6, text_y, label, text_anchor="end", fill=MUTED),
            rect(left, y, length, height, fill, title),
            text(left + length + 6, text_y, caption, fill=MUTED),
        )
    )


def y_gridlines(
    ticks: Iterable[tuple[float, object]],
    *,
    left: float,
    right: float,
    size: int = 12,
    gap: int = 6,
    baseline: int = 4,
    **line_attrs: object,
) -> SafeString:
    """A horizontal gridline at each (y, label), labelled to the left of the plot."""
    return join(
        line(left, y, right, y, GRID, **line_attrs)
        + text(left - gap, y + baseline, label, size=size, text_anchor="end", fill=MUTED)
        for y, label in ticks
    )


def svg(
    parts: Iterable[SafeString],
    *,
    width: int,
    height: int,
    chart_id: str | None = None,
    title: object = None,
    desc: object = None,
    labelledby: str | None = None,
    css_class: str | None = None,
    full_width: bool = True,
    font: str | None = None,
    with_id: bool = False,
) -> SafeString:
    """The chart's root: an image named by its <title> (and <desc>), or by `labelledby` outside it."""
    if title is not None:
        labelledby = f"{chart_id}-title" + (f" {chart_id}-desc" if desc is not None else "")
    head = [] if title is None else [element("title", title, id=f"{chart_id}-title")]
    if desc is not None:
        head.append(element("desc", desc, id=f"{chart_id}-desc"))
    return element(
        "svg",
        join([*head, *parts]),
        id=chart_id if with_id else None,
        class_=css_class,
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {width} {height}",
        width="100%" if full_width else None,
        role="img",
        aria_labelledby=labelledby,
        font_family=font,
    )


BAR_WIDTH, BAR_ROW, BAR_LEFT, BAR_RIGHT, BAR_TOP = 520, 22, 80, 56, 8


def bar_chart(*, chart_id: str, title: str, cells: Sequence[Cell]) -> SafeString:
    """Horizontal bars of suppressed counts, one per cell, scaled to the largest shown value.

    A suppressed bar is not drawn: its caption says "<11" (the threshold), as the table does.
    """
    plot_w = BAR_WIDTH - BAR_LEFT - BAR_RIGHT
    top_value = max([cell.value or 0 for cell in cells] + [1])
    bars = []
    for n, cell in enumerate(cells):
        y = BAR_TOP + n * BAR_ROW
        bars.append(
            hbar(
                left=BAR_LEFT,
                y=y + 3,
                length=scale(cell.value, top_value, plot_w),
                height=BAR_ROW - 6,
                text_y=y + BAR_ROW * 0.65,
                label=cell.label,
                caption=str(cell),
                fill=ACCENT,
            )
        )
    height = BAR_TOP * 2 + BAR_ROW * max(len(cells), 1)
    return svg(
        bars, width=BAR_WIDTH, height=height, chart_id=chart_id, title=title, css_class="chart", with_id=True
    )
