"""Scores over time: one series per instrument on a case, drawn as inline SVG in Python (no JS, no CDN).

The SVG uses presentation attributes only (fill=, stroke=), never style attributes, so it passes
the content security policy; every chart is shown with a data table beside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from tapestry.evidence import charts
from tapestry.micro.assessments.instruments import INSTRUMENTS, Band
from tapestry.micro.assessments.models import Assessment

WIDTH, HEIGHT = 520, 250
LEFT, RIGHT, TOP, BOTTOM = 36, 118, 12, 36
ACCENT, DANGER = charts.ACCENT, "#a40e26"
BAND_FILLS = ("#f6f8fa", "#ffffff")
FLAGGED_FILLS = ("#fdecee", "#f8dadf")


@dataclass(frozen=True)
class Point:
    assessment_id: int
    day: date
    score: int
    band: str
    flagged: bool


@dataclass
class History:
    """One instrument's scores on one case, oldest first."""

    key: str
    name: str
    max_total: int
    flag_at: int | None
    bands: tuple[Band, ...]
    points: list[Point] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"history-{self.key}"

    @property
    def latest(self) -> Point:
        return self.points[-1]

    @property
    def svg(self) -> SafeString:
        return line_chart(
            chart_id=self.anchor,
            title=gettext("%(name)s scores over time") % {"name": self.name},
            points=self.points,
            y_max=self.max_total,
            bands=self.bands,
            flag_at=self.flag_at,
        )


def score_histories(assessments: Iterable[Assessment]) -> list[History]:
    """Group a case's assessments (oldest first, custom_form__bands prefetched) into one history each.

    Assessments entered in error are left out: a chart shows what stands. So are screens whose
    total is not a severity score (the C-SSRS risk level, the count of social needs found).
    """
    histories: dict[str, History] = {}
    for assessment in assessments:
        instrument = INSTRUMENTS.get(assessment.instrument)
        if assessment.in_error or (instrument is not None and not instrument.charted):
            continue
        key = assessment.series_key
        history = histories.get(key)
        if history is None:
            history = histories[key] = _history_for(assessment)
        history.points.append(
            Point(
                assessment.pk,
                assessment.administered_on,
                assessment.total_score,
                assessment.severity_band,
                assessment.flagged,
            )
        )
    for history in histories.values():
        # A custom form can be changed after use: never draw a score above the top of the chart.
        history.max_total = max([history.max_total, *(point.score for point in history.points)])
    order = list(INSTRUMENTS)
    return sorted(
        histories.values(), key=lambda h: (order.index(h.key) if h.key in order else len(order), h.name)
    )


def _history_for(assessment: Assessment) -> History:
    instrument = INSTRUMENTS.get(assessment.instrument)
    if instrument is not None:
        return History(
            instrument.code, instrument.name, instrument.max_total, instrument.flag_at, instrument.bands
        )
    form = assessment.custom_form
    bands = tuple(Band(band.label, band.low, band.high) for band in form.bands.all())
    top = max([band.high for band in bands] + [form.flag_at or 0, 1])
    return History(assessment.series_key, form.name, top, form.flag_at, bands)


def line_chart(
    *,
    chart_id: str,
    title: str,
    points: Sequence[Point],
    y_max: int,
    bands: Sequence[Band] = (),
    flag_at: int | None = None,
) -> SafeString:
    """A line of scores over dates, on shaded severity bands, with the flag threshold dashed."""
    y_max = max(y_max, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    first, last = points[0].day, points[-1].day
    span = (last - first).days

    def x(day: date) -> str:
        return f"{LEFT + (plot_w / 2 if span == 0 else (day - first).days / span * plot_w):.1f}"

    def y(score: float) -> str:
        return f"{TOP + plot_h - charts.scale(score, y_max, plot_h):.1f}"

    parts: list[SafeString] = []
    ranged = [band for band in bands if band.low is not None and band.high is not None]
    for n, band in enumerate(ranged):
        top, bottom = float(y(band.high + 0.5)), float(y(band.low - 0.5))
        flagged = flag_at is not None and band.low >= flag_at
        fill = (FLAGGED_FILLS if flagged else BAND_FILLS)[n % 2]
        parts.append(charts.rect(LEFT, top, plot_w, bottom - top, fill))
        parts.append(
            charts.text(LEFT + plot_w + 6, (top + bottom) / 2 + 4, gettext(band.label), fill=charts.MUTED)
        )
    ticks = sorted({0, y_max, *(band.low for band in ranged if 0 < band.low < y_max)})
    parts.append(charts.y_gridlines(((float(y(t)), t) for t in ticks), left=LEFT, right=LEFT + plot_w))
    if flag_at is not None and flag_at <= y_max:
        flag_y = y(flag_at - 0.5)
        dashed = {"stroke_width": 1.5, "stroke_dasharray": "5 4"}
        parts.append(charts.line(LEFT, flag_y, LEFT + plot_w, flag_y, DANGER, **dashed))
    labelled = [points[0]] if span == 0 else [points[0], points[-1]]
    for p, anchor in zip(labelled, ("start", "end"), strict=False):
        anchor = "middle" if span == 0 else anchor
        day = f"{p.day:%Y-%m-%d}"
        parts.append(charts.text(x(p.day), HEIGHT - BOTTOM + 18, day, text_anchor=anchor, fill=charts.MUTED))
    if len(points) > 1:
        line = " ".join(f"{x(p.day)},{y(p.score)}" for p in points)
        parts.append(charts.element("polyline", points=line, fill="none", stroke=ACCENT, stroke_width=2))
    for p in points:
        band = f" ({p.band}, flagged)" if p.flagged else f" ({p.band})" if p.band else ""
        parts.append(
            charts.element(
                "circle",
                charts.tooltip(f"{p.day:%Y-%m-%d}: {p.score}{band}"),
                cx=x(p.day),
                cy=y(p.score),
                r=5 if p.flagged else 4,
                fill=DANGER if p.flagged else ACCENT,
                stroke="#ffffff",
                stroke_width=1.5,
            )
        )
    latest = points[-1]
    summary = ngettext(
        "%(n)s score from %(first)s to %(last)s, on a scale of 0 to %(max)s; the latest is %(latest)s",
        "%(n)s scores from %(first)s to %(last)s, on a scale of 0 to %(max)s; the latest is %(latest)s",
        len(points),
    ) % {
        "n": len(points),
        "first": f"{first:%Y-%m-%d}",
        "last": f"{last:%Y-%m-%d}",
        "max": y_max,
        "latest": latest.score,
    } + (f" ({gettext(latest.band)})." if latest.band else ".")
    font = "system-ui, sans-serif"
    return charts.svg(
        parts, width=WIDTH, height=HEIGHT, chart_id=chart_id, title=title, desc=summary, font=font
    )
