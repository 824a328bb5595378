"""API routes of the needs roll-ups: the index of needs and barriers, and one's figures."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime (see people/api.py).

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from tapestry.thread.rollups import selectors
from tapestry.thread.rollups.schemas import FiguresQuery, NeedFiguresOut, NeedsIndexOut
from tapestry.web.schemas import error_responses

router = Router(tags=["needs across levels"])


def _row(row: selectors.Row) -> dict[str, Any]:
    return {
        "label": row.label,
        "value": row.value,
        "suppressed": row.suppressed,
        "hidden": row.hidden,
        "people": row.people,
    }


def _figure(figure: selectors.Figure) -> dict[str, Any]:
    return {
        **{key: getattr(figure, key) for key in ("key", "title", "measure", "period", "note", "suppression")},
        "rows": [_row(row) for row in figure.rows],
        "total": _row(figure.total) if figure.total else None,
    }


def _figures(request: HttpRequest, kind: str, pk: int, query: FiguresQuery) -> dict[str, Any]:
    subject = selectors.subject_get(kind, pk)
    count = query.count or selectors.DEFAULT_PERIODS[query.period]
    periods = selectors.periods_ending(query.period, count)
    found = selectors.need_figures(request.user, subject, periods=periods, area_kind=query.area_kind)
    addressed = found.addressed
    return {
        "subject": {
            "kind": subject.kind,
            "id": subject.pk,
            "code": subject.code,
            "label": subject.label,
            "domain": subject.domain,
        },
        "periods": f"{periods.label(periods.first)} to {periods.label(periods.last)}",
        "area_kind": found.area_kind,
        "figures": [_figure(figure) for figure in found.figures.values()],
        "addressed": {
            "groups": [{**group.__dict__, "id": group.pk} for group in addressed.groups],
            "programs": [
                {"id": pk, "name": name, "detail": status} for pk, name, status in addressed.programs
            ],
            "services": [{"id": pk, "name": name, "detail": org} for pk, name, org in addressed.services],
            "campaigns": [
                {"id": pk, "name": name, "detail": status} for pk, name, status in addressed.campaigns
            ],
            "coalitions": [{"id": pk, "name": name} for pk, name in addressed.coalitions],
        },
    }


@router.get(
    "/thread/needs",
    response={200: NeedsIndexOut, **error_responses()},
    summary="List needs and barriers with their open cases",
    description="Every active need and barrier with its open cases (suppressed, as `cases.by_need` and "
    "`cases.by_barrier` answer them), and those two tables.",
)
def thread_needs_index(request: HttpRequest) -> dict[str, Any]:
    entries, figures = selectors.needs_index(request.user)
    return {
        "entries": [
            {
                "kind": e.kind,
                "id": e.pk,
                "label": e.label,
                "group": str(e.group),
                "open_cases": _row(e.open_cases),
            }
            for e in entries
        ],
        "figures": [_figure(figure) for figure in figures],
    }


@router.get(
    "/thread/needs/{need_id}",
    response={200: NeedFiguresOut, **error_responses(404, 422)},
    summary="Read a need's figures across levels",
    description="Open cases by area, new per period (the trend), referral outcomes and mean score changes, "
    "each naming its measure, period and suppression; the groups (space as a band), programs, "
    "directory services, campaigns and coalitions working on it.",
)
def thread_need_figures(request: HttpRequest, need_id: int, query: Query[FiguresQuery]) -> dict[str, Any]:
    return _figures(request, "need", need_id, query)


@router.get(
    "/thread/barriers/{barrier_id}",
    response={200: NeedFiguresOut, **error_responses(404, 422)},
    summary="Read a barrier's figures across levels",
    description="As for a need: open cases by area, the trend, referral outcomes and score changes.",
)
def thread_barrier_figures(
    request: HttpRequest, barrier_id: int, query: Query[FiguresQuery]
) -> dict[str, Any]:
    return _figures(request, "barrier", barrier_id, query)
