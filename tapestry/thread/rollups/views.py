"""Pages of the needs taxonomy across levels: the index of needs and barriers, and one's page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tapestry.evidence.charts import bar_chart
from tapestry.evidence.measures import Periods
from tapestry.evidence.suppression import Cell, threshold
from tapestry.thread.rollups import selectors
from tapestry.thread.rollups.forms import FiguresForm


def needs_index(request: HttpRequest) -> HttpResponse:
    entries, figures = selectors.needs_index(request.user)
    needs = [entry for entry in entries if entry.kind == "need"]
    barriers = [entry for entry in entries if entry.kind == "barrier"]
    context = {"needs": needs, "barriers": barriers, "figures": figures, "threshold": threshold()}
    return render(request, "rollups/index.html", context)


def _subject_page(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    subject = selectors.subject_get(kind, pk)
    form = FiguresForm(request.GET or None)
    period_kind, count, area_kind = form.choices()
    periods: Periods = selectors.periods_ending(period_kind, count)
    found = selectors.need_figures(request.user, subject, periods=periods, area_kind=area_kind)
    trend = found.figures["by_period"]
    chart = bar_chart(
        chart_id="trend",
        title=trend.title,
        cells=[Cell(row.label, None if row.suppressed else int(row.value or 0)) for row in trend.rows],
    )
    context = {
        "subject": subject,
        "form": form,
        "found": found,
        "figures": found.figures,
        "chart": chart,
        "threshold": threshold(),
    }
    return render(request, "rollups/subject.html", context)


def need_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _subject_page(request, "need", pk)


def barrier_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _subject_page(request, "barrier", pk)
