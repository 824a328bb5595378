"""API routes of the needs taxonomy: the coded needs and the barriers, for any signed-in staff."""

# No `from __future__ import annotations`: ninja reads parameter types at runtime (see people/api.py).

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router
from ninja.pagination import paginate

from tapestry.needs import selectors
from tapestry.needs.models import Barrier, Need
from tapestry.needs.schemas import BarrierOut, DomainCode, NeedOut
from tapestry.web.schemas import Pages, error_responses

router = Router(tags=["needs"])


@router.get(
    "/needs",
    response={200: list[NeedOut], **error_responses(422)},
    operation_id="need_list",
    summary="List the coded needs",
    description=(
        "The shared taxonomy of needs, with ICD-10-CM social-determinant Z codes where they exist, each "
        "a billable code of the code set named by `icd10_year`."
    ),
)
@paginate(Pages)
def need_list(request: HttpRequest, domain: DomainCode | None = None) -> QuerySet[Need]:
    return selectors.need_list(domain=domain or "")


@router.get(
    "/barriers",
    response={200: list[BarrierOut], **error_responses(422)},
    operation_id="barrier_list",
    summary="List the barriers",
    description="What can stand in the way of meeting a need; an unmet need on a case names one.",
)
@paginate(Pages)
def barrier_list(request: HttpRequest) -> QuerySet[Barrier]:
    return selectors.barrier_list()
