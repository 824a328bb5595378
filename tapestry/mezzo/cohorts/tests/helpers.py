"""Shared set-up for the cohorts tests: cohorts of cases on the cast's caseloads."""

from __future__ import annotations

from tapestry.access.models import Segment, User
from tapestry.mezzo.cohorts import services
from tapestry.mezzo.cohorts.models import Cohort, CohortMember
from tapestry.micro.cases.models import Case
from tapestry.micro.casework import services as casework
from tapestry.testing import grant, open_case


def a_case(worker: User, *, segment: str = "", **fields: object) -> Case:
    if segment:
        grant(worker, Segment(segment))
    case_type = {
        Segment.SUBSTANCE_USE: "substance_use",
        Segment.CHILD_WELFARE: "child_welfare",
        Segment.SCHOOL: "school",
    }.get(segment, "case_management")
    return open_case(worker, segment=segment, case_type=case_type, **fields)


def with_plan(case: Case) -> Case:
    casework.plan_create(actor=case.worker, case=case, summary="Settle in and find steady work.")
    return case


def a_cohort(lead: User, cases: list[Case] = (), **fields: object) -> Cohort:
    fields.setdefault("name", "Spring resettlement intake")
    fields.setdefault("situation", Cohort.Situation.REFUGEES)
    cohort = services.cohort_create(actor=lead, **fields)
    for case in cases:
        services.member_add(actor=case.worker, cohort=cohort, case=case)
    return cohort


def members(cohort: Cohort) -> list[CohortMember]:
    return list(
        CohortMember.objects.filter(cohort=cohort, removed_on__isnull=True)
        .select_related("case", "case__person", "case__worker")
        .order_by("pk")
    )


def join(cohort: Cohort, case: Case) -> CohortMember:
    """Put a case in a cohort directly, e.g. one the acting user could not add themselves."""
    return CohortMember.objects.create(cohort=cohort, case=case, added_by=case.worker)
