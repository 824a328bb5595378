"""API routes of the needs taxonomy: the coded needs and the barriers, for any signed-in staff."""

# No `from __future__ import annotations`: ninja reads parameter types at runtime (see people/api.py).

from typing import Literal

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from tapestry.needs import selectors
from tapestry.needs.models import Barrier, Domain, Need
from tapestry.web.schemas import ErrorOut, Pages

router = Router(tags=["needs"])

DomainCode = Literal[tuple(Domain.values)]


class NeedOut(Schema):
    code: str = Field(description="Stable code, used to record the need on a case.")
    label: str
    domain: str
    domain_label: str
    icd10: str = Field(description="ICD-10-CM Z code (Z55-Z65) where one exists, else empty.")
    icd10_year: int | None = Field(
        description="The ICD-10-CM code set the code is from, by US fiscal year (2026: in effect from "
        "1 October 2025 to 30 September 2026); null when the need has no code."
    )
    description: str

    @staticmethod
    def resolve_domain_label(obj: Need) -> str:
        return obj.get_domain_display()


class BarrierOut(Schema):
    code: str
    label: str
    description: str


ERRORS = dict.fromkeys((401, 403), ErrorOut)


@router.get(
    "/needs",
    response={200: list[NeedOut], **ERRORS, 422: ErrorOut},
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
    response={200: list[BarrierOut], **ERRORS, 422: ErrorOut},
    operation_id="barrier_list",
    summary="List the barriers",
    description="What can stand in the way of meeting a need; an unmet need on a case names one.",
)
@paginate(Pages)
def barrier_list(request: HttpRequest) -> QuerySet[Barrier]:
    return selectors.barrier_list()
