"""Every chart's labels are 12 px at least, drawn at the chart's own size (no shrinking to a column)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tapestry.evidence import charts
from tapestry.evidence.suppression import Cell
from tapestry.mezzo.prevention.charts import reach_chart

ROOT = Path(charts.__file__).resolve().parents[1]


def drawing_modules() -> list[Path]:
    """Every module that draws chart or diagram text: users of evidence.charts and the timeline diagrams."""
    users = [
        path
        for path in ROOT.rglob("*.py")
        if "tests" not in path.parts
        and re.search(
            r"from tapestry\.evidence(?:\.charts)? import (?:charts\b|.*\b(text|svg|y_gridlines)\b)",
            path.read_text(),
        )
    ]
    return sorted({*users, *(ROOT / "micro" / "timeline" / "diagrams").glob("*.py")})


def font_sizes(svg: str) -> list[float]:
    return [float(size) for size in re.findall(r'font-size="([\d.]+)"', svg)]


def test_a_label_below_12_px_is_refused():
    with pytest.raises(ValueError, match="12 px at least"):
        charts.text(0, 0, "tiny", size=11)
    assert 'font-size="12"' in str(charts.text(0, 0, "readable"))


def test_the_modules_that_draw_charts_are_all_found():
    names = {path.parent.name + "/" + path.name for path in drawing_modules()}
    assert {
        "prevention/charts.py",
        "group_sessions/chart.py",
        "evaluation/charts.py",
        "diagrams/ecomap.py",
    } <= names


@pytest.mark.parametrize("module", drawing_modules(), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_chart_kind_asks_for_a_label_below_12_px(module):
    source = module.read_text()
    sizes = [int(n) for n in re.findall(r"\bsize(?:: int)?\s*=\s*(\d+)", source)]
    assert all(size >= charts.MIN_TEXT_SIZE for size in sizes), f"{module.name}: label sizes {sizes}"


@pytest.mark.parametrize(
    "svg",
    [
        charts.bar_chart(chart_id="bars", title="Reach", cells=[Cell("Housing", 40), Cell("Food", 12)]),
        reach_chart([("2026-01", 3, 40), ("2026-02", 2, 18)]),
    ],
    ids=["bar chart", "reach chart"],
)
def test_a_drawn_chart_is_shown_at_its_own_size_with_readable_labels(svg):
    svg = str(svg)
    width, height = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups()
    assert f'width="{width}" height="{height}"' in svg  # one unit is one CSS pixel
    assert "chart-natural" in svg
    assert font_sizes(svg) and min(font_sizes(svg)) >= 12
