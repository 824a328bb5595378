"""The shared chart primitives: scales at their edges, escaping, and bars that match the table."""

from __future__ import annotations

import re
from html import unescape

import pytest

from tapestry.evidence import charts
from tapestry.evidence.suppression import Cell, suppress_table


@pytest.mark.parametrize(
    ("value", "top", "expected"),
    [
        (0, 10, 0.0),  # zero draws nothing
        (None, 10, 0.0),  # a suppressed value draws nothing
        (5, 0, 0.0),  # an empty scale (every value zero) draws nothing rather than dividing by zero
        (5, -3, 0.0),
        (7, 7, 100.0),  # one value, or all values equal: each fills the scale
        (-4, 10, 0.0),  # a negative change is not drawn below the axis
        (15, 10, 100.0),  # nor past the end of the scale
        (2.5, 10, 25.0),
    ],
)
def test_scale_at_its_edges(value, top, expected):
    assert charts.scale(value, top, 100) == expected


def test_elements_escape_their_content_and_format_coordinates():
    svg = str(charts.text(1.25, 2, "<b>&", text_anchor="end", fill=charts.MUTED))
    assert svg == '<text x="1.2" y="2" font-size="12" text-anchor="end" fill="#57606a">&lt;b&gt;&amp;</text>'
    assert str(charts.rect(0, 0, 3.0, 4, "#fff")) == '<rect x="0" y="0" width="3.0" height="4" fill="#fff"/>'
    assert "<title>a &lt; b</title></rect>" in str(charts.rect(0, 0, 1, 1, "#fff", "a < b"))


def test_the_root_is_an_image_named_by_its_title_and_description():
    svg = str(charts.svg([], width=10, height=20, chart_id="c", title="T", desc="D", font="serif"))
    assert svg.startswith("<svg ") and svg.endswith("</svg>")
    assert 'viewBox="0 0 10 20"' in svg and 'role="img"' in svg and 'width="10" height="20"' in svg
    assert 'aria-labelledby="c-title c-desc"' in svg
    assert '<title id="c-title">T</title><desc id="c-desc">D</desc>' in svg
    outside = str(charts.svg([], width=10, height=20, labelledby="h2-id", full_width=False))
    assert 'aria-labelledby="h2-id"' in outside and "<title" not in outside and "width=" not in outside


def bars(svg: str) -> dict[str, tuple[float, str]]:
    """Each bar's label, drawn length and caption, read back from the SVG."""
    found = re.findall(
        r'<text[^>]*text-anchor="end"[^>]*>([^<]*)</text><rect[^>]*width="([\d.]+)"[^>]*/><text[^>]*>([^<]*)</text>',
        svg,
    )
    return {unescape(label): (float(width), unescape(caption)) for label, width, caption in found}


def test_the_bar_chart_matches_its_table():
    cells, total = suppress_table({"North": 40, "South": 3, "East": 20, "West": 0})
    svg = str(charts.bar_chart(chart_id="c", title="Reach", cells=cells))
    drawn = bars(svg)
    assert [cell.label for cell in cells] == list(drawn)
    for cell in cells:
        width, caption = drawn[cell.label]
        assert caption == str(cell)  # the caption is what the table shows, "<11" when suppressed
        if cell.value is None or cell.value == 0:
            assert width == 0.0
    assert drawn["North"][0] == 384.0  # the largest shown value fills the plot
    top = max(cell.value or 0 for cell in cells)
    for cell in cells:  # every shown bar is in proportion to the largest
        assert drawn[cell.label][0] == round((cell.value or 0) / top * 384, 1)
    proportion = bars(str(charts.bar_chart(chart_id="p", title="P", cells=[Cell("a", 40), Cell("b", 20)])))
    assert proportion == {"a": (384.0, "40"), "b": (192.0, "20")}
    assert 'id="c"' in svg and '<title id="c-title">Reach</title>' in svg


def test_a_bar_chart_with_no_values_or_all_equal_values():
    empty = str(charts.bar_chart(chart_id="e", title="None", cells=[]))
    assert 'viewBox="0 0 520 38"' in empty and "<rect" not in empty
    zeros = bars(str(charts.bar_chart(chart_id="z", title="Z", cells=[Cell("a", 0), Cell("b", 0)])))
    assert zeros == {"a": (0.0, "0"), "b": (0.0, "0")}
    equal = bars(str(charts.bar_chart(chart_id="q", title="Q", cells=[Cell("a", 12), Cell("b", 12)])))
    assert equal == {"a": (384.0, "12"), "b": (384.0, "12")}


def test_gridlines_are_labelled_left_of_the_plot():
    grid = str(charts.y_gridlines([(10.0, "100%")], left=36, right=100, size=12, gap=4, baseline=3))
    assert grid == (
        '<line x1="36" y1="10.0" x2="100" y2="10.0" stroke="#d0d7de"/>'
        '<text x="32" y="13.0" font-size="12" text-anchor="end" fill="#57606a">100%</text>'
    )


def square(west: float, south: float, size: float = 1.0) -> dict:
    ring = [
        [west, south],
        [west + size, south],
        [west + size, south + size],
        [west, south + size],
        [west, south],
    ]
    return {"type": "Polygon", "coordinates": [ring]}


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([0, 0, None], [(0, 0)]),  # nothing shown above zero: one class
        ([3, None], [(0, 0), (1, 1), (2, 2), (3, 3)]),
        ([40, 12, 0], [(0, 10), (11, 21), (22, 32), (33, 40)]),
        ([5], [(0, 1), (2, 3), (4, 5)]),  # no empty class past the largest value
    ],
)
def test_map_classes_cover_every_shown_value_once(values, expected):
    classes = charts.value_classes(values)
    assert classes == expected
    for value in range(max([v for v in values if v is not None] + [0]) + 1):
        assert sum(low <= value <= high for low, high in classes) == 1


def map_areas(svg: str) -> dict[str, str]:
    """Each drawn area's tooltip and fill, read back from the SVG."""
    found = re.findall(r'<path d="[^"]*" fill="([^"]*)"[^>]*><title>([^<]*)</title></path>', svg)
    return {unescape(title): fill for fill, title in found}


def test_the_map_fills_areas_by_class_and_hatches_suppressed_ones():
    cells, _ = suppress_table({"North": 40, "South": 3, "East": 20, "West": 0, "Nowhere": 12})
    boundaries = {"North": square(0, 1), "South": square(0, 0), "East": square(1, 0), "West": square(1, 1)}
    svg = str(
        charts.choropleth(
            chart_id="m", title="Cases by area", areas=[(cell, boundaries.get(cell.label)) for cell in cells]
        )
    )

    drawn = map_areas(svg)
    # South (3) is hidden and so is the next smallest, Nowhere (12), which has no boundary to draw.
    assert set(drawn) == {"North: 40", "South: suppressed (fewer than 11)", "East: 20", "West: 0"}
    assert drawn["South: suppressed (fewer than 11)"] == "url(#m-suppressed)"
    assert drawn["North: 40"] == charts.MAP_CLASSES[-1] and drawn["West: 0"] == charts.MAP_CLASSES[0]
    assert drawn["East: 20"] not in (drawn["North: 40"], drawn["West: 0"], "url(#m-suppressed)")
    assert '<pattern id="m-suppressed"' in svg and "Suppressed: fewer than 11" in svg
    # The legend's classes come from the drawn, shown counts (40, 20 and 0).
    assert re.findall(r">(\d+ to \d+)<", svg) == ["0 to 10", "11 to 21", "22 to 32", "33 to 40"]


def test_the_map_keeps_the_shape_of_the_region():
    # Two areas side by side, one degree each, at 60 degrees north: a degree of longitude is half a
    # degree of latitude there, so the map is twice as tall as each area is wide.
    cells = [Cell("A", 20), Cell("B", 30)]
    svg = str(
        charts.choropleth(
            chart_id="m", title="T", areas=[(cells[0], square(10, 60)), (cells[1], square(11, 60))]
        )
    )
    points = [tuple(map(float, p.split())) for p in re.findall(r"[ML]([\d.]+ [\d.]+)", svg)]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    assert width == pytest.approx(height, rel=0.02)  # 2 degrees x cos(60) = 1 degree


def test_a_hole_is_drawn_as_a_hole_and_nothing_is_fetched():
    holed = {
        "type": "Polygon",
        "coordinates": [
            [[0.0, 0.0], [4.0, 0.0], [4.0, 4.0], [0.0, 4.0], [0.0, 0.0]],
            [[1.0, 1.0], [1.0, 3.0], [3.0, 3.0], [3.0, 1.0], [1.0, 1.0]],
        ],
    }
    svg = str(charts.choropleth(chart_id="m", title="T", areas=[(Cell("Ring", 15), holed)]))
    path = re.search(r'<path d="([^"]*)"', svg).group(1)
    assert path.count("M") == 2 and path.count("Z") == 2 and 'fill-rule="evenodd"' in svg
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "") and "<image" not in svg


def test_a_map_without_boundaries_says_so():
    svg = str(charts.choropleth(chart_id="m", title="T", areas=[(Cell("A", 12), None)]))
    assert "No area has a boundary yet." in svg and "<path" not in svg
