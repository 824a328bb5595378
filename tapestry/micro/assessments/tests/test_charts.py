"""Scores over time: an inline SVG drawn in Python, readable without scripts or styles."""

from __future__ import annotations

import re
from datetime import date, timedelta

from tapestry.micro.assessments.charts import History, Point, line_chart, score_histories
from tapestry.micro.assessments.instruments import PHQ9
from tapestry.micro.assessments.models import Assessment


def points(*scores: int, flagged_from: int = 10) -> list[Point]:
    start = date(2026, 1, 5)
    return [
        Point(n, start + timedelta(days=30 * n), score, PHQ9.band_for(score).label, score >= flagged_from)
        for n, score in enumerate(scores)
    ]


def chart(*scores: int) -> str:
    return str(
        line_chart(
            chart_id="c", title="PHQ-9 scores", points=points(*scores), y_max=27, bands=PHQ9.bands, flag_at=10
        )
    )


def test_the_chart_is_plain_svg_with_a_title_and_a_summary_for_screen_readers():
    svg = chart(18, 12, 6)

    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert 'role="img"' in svg and 'aria-labelledby="c-title c-desc"' in svg
    assert '<title id="c-title">PHQ-9 scores</title>' in svg
    assert "3 scores from 2026-01-05 to 2026-03-06, on a scale of 0 to 27; the latest is 6 (Mild)." in svg
    assert "style" not in svg and "<script" not in svg


def test_one_point_per_score_joined_by_a_line_and_flagged_points_in_red():
    svg = chart(18, 12, 6)

    assert svg.count("<circle") == 3
    assert len(re.search(r'<polyline points="([^"]+)"', svg).group(1).split()) == 3
    assert svg.count('fill="#a40e26"') == 2  # 18 and 12 are at or above the flag
    assert "<title>2026-03-06: 6 (Mild)</title>" in svg


def test_higher_scores_are_drawn_higher_up():
    svg = chart(3, 25)
    ys = [float(y) for y in re.findall(r'<circle cx="[\d.]+" cy="([\d.]+)"', svg)]

    assert ys[1] < ys[0]


def test_bands_and_the_flag_threshold_are_drawn():
    svg = chart(4, 8)

    for label in ("Minimal", "Mild", "Moderate", "Moderately severe", "Severe"):
        assert f">{label}</text>" in svg
    assert 'stroke-dasharray="5 4"' in svg


def test_a_single_score_is_a_point_without_a_line():
    svg = chart(7)

    assert svg.count("<circle") == 1 and "<polyline" not in svg


def test_text_is_escaped():
    svg = str(line_chart(chart_id="x", title="<b>Form & co</b>", points=points(1), y_max=3))

    assert "<b>" not in svg and "&lt;b&gt;Form &amp; co&lt;/b&gt;" in svg


def test_histories_group_by_instrument_and_leave_out_assessments_entered_in_error():
    def made(pk: int, code: str, score: int, status: str = "final") -> Assessment:
        return Assessment(
            pk=pk,
            instrument=code,
            administered_on=date(2026, 1, pk),
            total_score=score,
            status=status,
            severity_band="",
        )

    histories = score_histories(
        [
            made(1, "gad-7", 12),
            made(2, "phq-9", 9),
            made(3, "phq-9", 30, "entered_in_error"),
            made(4, "phq-9", 5),
        ]
    )

    assert [(h.key, [p.score for p in h.points]) for h in histories] == [("phq-9", [9, 5]), ("gad-7", [12])]
    assert isinstance(histories[0], History) and histories[0].max_total == 27


def test_risk_levels_and_counts_of_needs_are_not_drawn_as_lines():
    screens = [
        Assessment(
            pk=1, instrument="c-ssrs-screen", administered_on=date(2026, 1, 1), total_score=3, status="final"
        ),
        Assessment(
            pk=2, instrument="ahc-hrsn", administered_on=date(2026, 1, 2), total_score=2, status="final"
        ),
    ]

    assert score_histories(screens) == []
