"""Shared chart drawing: inline SVG built in Python (no JS, no CDN, no style attributes).

Presentation attributes only (fill=, stroke=), so every chart passes the content security policy;
each chart is shown with a data table beside it and never shows more than that table.
Coordinates are written with one decimal: floats are formatted here, since format_html escapes
its arguments and cannot format them itself.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from tapestry.evidence import suppression
from tapestry.evidence.suppression import Cell

MUTED, ACCENT, GRID = "#57606a", "#1f5f8b", "#d0d7de"

# The smallest label a chart may draw, in SVG units. A chart is drawn at its own width (one unit is
# one CSS pixel) and scrolls sideways in a narrow column rather than shrink, so a label is never
# smaller than 12 px on screen (a 520-unit chart squeezed into a phone's card drew 7 px labels).
MIN_TEXT_SIZE = 12


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
    if size < MIN_TEXT_SIZE:
        raise ValueError(f"A chart label of {size} px is too small to read; {MIN_TEXT_SIZE} px at least.")
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
        class_=" ".join(filter(None, [css_class, "chart-natural" if full_width else None])) or None,
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {width} {height}",
        width=width if full_width else None,
        height=height if full_width else None,
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


# Choropleth map ----------------------------------------------------------------------------------

MAP_WIDTH, MAP_MAX_HEIGHT, MAP_LEGEND_ROW = 520, 420, 20
MAP_CLASSES = ("#dbe9f4", "#9cc3e0", "#4f8fc0", "#1f5f8b")  # light to dark: few to many


def value_classes(values: Iterable[int | None], count: int = len(MAP_CLASSES)) -> list[tuple[int, int]]:
    """Equal-width classes (low, high), inclusive, from 0 up to the largest shown value.

    Suppressed values (None) take no part: the classes are built from what the table shows. Fewer
    classes when the largest value is small (no empty or repeated class).
    """
    top = max([value for value in values if value is not None] + [0])
    if top == 0:
        return [(0, 0)]
    width = -(-(top + 1) // count)  # ceiling: every value 0..top falls in one class
    return [(low, min(low + width - 1, top)) for low in range(0, top + 1, width)]


def value_class(value: int, classes: Sequence[tuple[int, int]]) -> int:
    return next(number for number, (low, high) in enumerate(classes) if low <= value <= high)


def _rings(geometry: dict) -> Iterable[list[list[float]]]:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for polygon in polygons:
        yield from polygon


def _projection(boundaries: Sequence[dict]) -> tuple[Callable[[float, float], tuple[float, float]], float]:
    """Equirectangular, longitude shrunk by the cosine of the middle latitude: a fair shape for an
    agency's region (a county or a city), fitted to the map's width; returns it and the map's height."""
    positions = [position for boundary in boundaries for ring in _rings(boundary) for position in ring]
    west, east = min(p[0] for p in positions), max(p[0] for p in positions)
    south, north = min(p[1] for p in positions), max(p[1] for p in positions)
    shrink = math.cos(math.radians((south + north) / 2))
    span_x, span_y = max((east - west) * shrink, 1e-9), max(north - south, 1e-9)
    pad = 8
    factor = min((MAP_WIDTH - 2 * pad) / span_x, (MAP_MAX_HEIGHT - 2 * pad) / span_y)
    height = span_y * factor + 2 * pad

    def project(longitude: float, latitude: float) -> tuple[float, float]:
        return pad + (longitude - west) * shrink * factor, pad + (north - latitude) * factor

    return project, height


def _path(boundary: dict, project: Callable[[float, float], tuple[float, float]]) -> str:
    parts = []
    for ring in _rings(boundary):
        points = [project(position[0], position[1]) for position in ring[:-1]]
        parts.append("M" + " L".join(f"{x:.1f} {y:.1f}" for x, y in points) + " Z")
    return " ".join(parts)


def choropleth(*, chart_id: str, title: str, areas: Sequence[tuple[Cell, dict | None]]) -> SafeString:
    """A map of areas, each filled by the class of its count, with a legend; `areas` are (cell,
    boundary) pairs, the cells as the table beside the map shows them.

    An area without a boundary is left out of the map (the table still lists it). A suppressed
    count (None) is hatched grey, never coloured, and its tooltip says "fewer than" the threshold,
    as the table's "<11" does. Nothing is fetched: the boundaries are drawn as SVG paths.
    """
    drawn = [(cell, boundary) for cell, boundary in areas if boundary]
    classes = value_classes(cell.value for cell, _ in drawn)
    legend_rows = len(classes) + 1
    if not drawn:
        note = text(
            MAP_WIDTH / 2, 30, gettext("No area has a boundary yet."), text_anchor="middle", fill=MUTED
        )
        return svg(
            [note],
            width=MAP_WIDTH,
            height=60,
            chart_id=chart_id,
            title=title,
            css_class="chart map",
            with_id=True,
        )
    project, map_height = _projection([boundary for _, boundary in drawn])
    hatch_id = f"{chart_id}-suppressed"
    hatch = element(
        "pattern",
        join((rect(0, 0, 6, 6, "#eaeef2"), line(0, 0, 0, 6, MUTED, stroke_width=2))),
        id=hatch_id,
        width=6,
        height=6,
        patternUnits="userSpaceOnUse",
        patternTransform="rotate(45)",
    )
    parts = [element("defs", hatch)]
    for cell, boundary in drawn:
        if cell.value is None:
            fill, shown = (
                f"url(#{hatch_id})",
                gettext("suppressed (fewer than %(n)s)") % {"n": suppression.threshold()},
            )
        else:
            fill, shown = MAP_CLASSES[value_class(cell.value, classes)], str(cell.value)
        parts.append(
            element(
                "path",
                tooltip(gettext("%(label)s: %(shown)s") % {"label": cell.label, "shown": shown}),
                d=_path(boundary, project),
                fill=fill,
                stroke=MUTED,
                stroke_width=1,
                fill_rule="evenodd",
            )
        )
    top = map_height + 12
    legend = [text(8, top + 10, gettext("Count"), font_weight="bold", fill=MUTED)]
    for number, (low, high) in enumerate(classes):
        y = top + 16 + number * MAP_LEGEND_ROW
        legend.append(element("rect", x=8, y=y, width=14, height=14, fill=MAP_CLASSES[number], stroke=MUTED))
        legend.append(
            text(
                28,
                y + 12,
                f"{low}" if low == high else gettext("%(low)s to %(high)s") % {"low": low, "high": high},
                fill=MUTED,
            )
        )
    y = top + 16 + len(classes) * MAP_LEGEND_ROW
    legend.append(element("rect", x=8, y=y, width=14, height=14, fill=f"url(#{hatch_id})", stroke=MUTED))
    legend.append(
        text(28, y + 12, gettext("Suppressed: fewer than %(n)s") % {"n": suppression.threshold()}, fill=MUTED)
    )
    height = int(top + 16 + legend_rows * MAP_LEGEND_ROW + 8)
    return svg(
        [*parts, *legend],
        width=MAP_WIDTH,
        height=height,
        chart_id=chart_id,
        title=title,
        css_class="chart map",
        with_id=True,
    )
