"""API routes of the needs taxonomy: the coded needs and the barriers, for any signed-in staff."""

# No `from __future__ import annotations`: ninja reads parameter types at runtime (see people/api.py).

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router

from tapestry.needs import selectors
from tapestry.needs.models import Barrier, InterventionType, Need
from tapestry.needs.schemas import BarrierOut, DomainCode, InterventionOut, LevelCode, NeedOut
from tapestry.web.schemas import paged_get

router = Router(tags=["needs"])


@paged_get(
    router,
    "/needs",
    NeedOut,
    errors=(422,),
    summary="List the coded needs",
    description=(
        "The shared taxonomy of needs, with ICD-10-CM social-determinant Z codes where they exist, each "
        "a billable code of the code set named by `icd10_year`."
    ),
)
def need_list(request: HttpRequest, domain: DomainCode | None = None) -> QuerySet[Need]:
    return selectors.need_list(domain=domain or "")


@paged_get(
    router,
    "/barriers",
    BarrierOut,
    errors=(422,),
    summary="List the barriers",
    description="What can stand in the way of meeting a need; an unmet need on a case names one.",
)
def barrier_list(request: HttpRequest) -> QuerySet[Barrier]:
    return selectors.barrier_list()


@paged_get(
    router,
    "/interventions",
    InterventionOut,
    errors=(422,),
    summary="List the intervention catalogue",
    description="Kinds of work on the micro, mezzo and macro levels, with the need domains and needs each fits.",
)
def intervention_list(request: HttpRequest, level: LevelCode | None = None) -> QuerySet[InterventionType]:
    return selectors.intervention_list(level=level or "")
