"""Helpers for the child-welfare tests: granted workers, child-welfare cases, reports and courts."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.test import Client
from django.utils import timezone

from tapestry.access.models import Segment, User
from tapestry.access.tokens import token_create
from tapestry.micro.cases.models import Case
from tapestry.micro.child_welfare.models import Allegation, Investigation, Report, SafetyAssessment
from tapestry.people.models import Organisation, Person
from tapestry.testing import OrganisationFactory, PersonFactory, assign, grant, open_case


def granted(user: User) -> User:
    """The user, now holding the child-welfare segment grant."""
    grant(user, Segment.CHILD_WELFARE)
    return user


def cw_case(worker: User, person: Person | None = None, **fields: object) -> Case:
    """An open child-welfare case (in its segment) held by `worker`."""
    fields.setdefault("presenting_problem", "School reports bruising and hunger.")
    return open_case(
        worker, person, case_type=Case.Type.CHILD_WELFARE, segment=Segment.CHILD_WELFARE, **fields
    )


def young_child(worker: User, *, age: int = 8) -> Person:
    """A child of `age` on the worker's caseload."""
    return child_of(worker, date_of_birth=timezone.localdate() - timedelta(days=age * 365 + 100))


def removal_case(worker: User, *, assessed_days_ago: int = 60, **fields: object) -> Case:
    """A child-welfare case about a young child that meets the rules for a removal: a screened-in
    report and a safety assessment that found the child unsafe."""
    case = cw_case(worker, young_child(worker), **fields)
    report = report_on(
        case,
        screening=Report.Screening.SCREENED_IN,
        received_at=timezone.now() - timedelta(days=assessed_days_ago + 1),
    )
    unsafe(case, report=report, days_ago=assessed_days_ago)
    return case


def unsafe(
    case: Case, *, days_ago: int = 0, report: Report | None = None, decision: str = "unsafe"
) -> SafetyAssessment:
    """A safety assessment of the case `days_ago` (unsafe unless told)."""
    return SafetyAssessment.objects.create(
        case=case,
        report=report,
        assessed_on=timezone.localdate() - timedelta(days=days_ago),
        assessed_by=case.worker,
        threats=[] if decision == SafetyAssessment.Decision.SAFE else [SafetyAssessment.Threat.HARM_NOW],
        protective_capacities="The parents cannot keep the child safe tonight.",
        decision=decision,
    )


def child_of(worker: User, **fields: object) -> Person:
    """A child on the worker's caseload."""
    child = PersonFactory(**fields)
    assign(worker, child)
    return child


def court(name: str = "Demo County Family Court") -> Organisation:
    return OrganisationFactory(name=name, kind=Organisation.Kind.COURT)


def report_on(
    case: Case,
    *,
    child: Person | None = None,
    screening: str = Report.Screening.AWAITING,
    received_at: datetime | None = None,
    **fields: object,
) -> Report:
    """A report on the case with one neglect allegation about `child` (the case's person by default)."""
    fields.setdefault("received_via", Report.ReceivedVia.PHONE)
    fields.setdefault("reporter_type", Report.ReporterType.TEACHER)
    fields.setdefault("concerns", "The child comes to school hungry most days.")
    if screening != Report.Screening.AWAITING:
        fields.setdefault("screened_by", case.worker)
        fields.setdefault("screened_at", timezone.now())
    report = Report.objects.create(
        case=case,
        screening=screening,
        received_at=received_at or timezone.now() - timedelta(hours=1),
        **fields,
    )
    Allegation.objects.create(
        report=report,
        child=child or case.person,
        maltreatment=Allegation.Maltreatment.NEGLECT,
        description="Hungry at school; no lunch for two weeks.",
    )
    return report


def investigated(case: Case, **fields: object) -> Report:
    """A screened-in report with an open investigation led by the case's worker."""
    report = report_on(case, screening=Report.Screening.SCREENED_IN, **fields)
    Investigation.objects.create(report=report, worker=case.worker, started_on=timezone.localdate())
    return report


def api_client(user: User) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
