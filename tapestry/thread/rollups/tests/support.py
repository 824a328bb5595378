"""Planted data for the needs roll-up tests: cases with a need at postcodes, referrals, scores."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from tapestry.directory.tests.factories import service_at
from tapestry.micro.assessments.models import Assessment
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.micro.referrals.models import Referral
from tapestry.needs.models import Barrier, Need
from tapestry.people.models import Address, Person
from tapestry.places.models import Area, AreaPostcode
from tapestry.testing import UserFactory


def need(code: str = "housing-instability") -> Need:
    return Need.objects.get(code=code)


def barrier(code: str = "waitlist") -> Barrier:
    return Barrier.objects.get(code=code)


def places(*neighbourhoods: tuple[str, tuple[str, ...]]) -> list[Area]:
    areas = []
    for code, postcodes in neighbourhoods:
        area = Area.objects.create(kind=Area.Kind.NEIGHBOURHOOD, code=code, name=f"Area {code}")
        AreaPostcode.objects.bulk_create([AreaPostcode(area=area, postcode=p) for p in postcodes])
        areas.append(area)
    return areas


def plant(
    count: int,
    *,
    code: str = "housing-instability",
    postcode: str = "62701",
    identified_on: date | None = None,
    segment: str = "",
    status: str = Case.Status.OPEN,
    program: object = None,
    blocked_by: str | None = None,
    worker: object = None,
) -> list[Case]:
    """`count` people, each with one case carrying the need, living at the postcode."""
    worker = worker or UserFactory()
    people = Person.objects.bulk_create(
        Person(given_name=f"Planted{n}", family_name="Client", languages="English") for n in range(count)
    )
    Address.objects.bulk_create(
        Address(person=person, line1="1 Main St", city="Springfield", postcode=postcode) for person in people
    )
    today = timezone.localdate()
    closed = status == Case.Status.CLOSED
    cases = Case.objects.bulk_create(
        Case(
            person=person,
            worker=worker,
            case_type="substance_use" if segment else "case_management",
            segment=segment,
            presenting_problem="Planted.",
            status=status,
            program=program,
            opened_on=identified_on or today,
            closed_on=today if closed else None,
            closing_reason="goals_met" if closed else "",
        )
        for person in people
    )
    found_barrier = barrier(blocked_by) if blocked_by else None
    CaseNeed.objects.bulk_create(
        CaseNeed(
            case=case,
            need=need(code),
            identified_on=identified_on or today,
            status="unmet" if found_barrier else "identified",
            barrier=found_barrier,
        )
        for case in cases
    )
    return cases


def refer(
    cases: list[Case], status: str, *, service_needs: tuple[str, ...] = ("housing-instability",)
) -> None:
    """One referral from each case, for its needs, to a service of the given needs, at `status`."""
    service = service_at(40.0, -75.0, needs=service_needs)
    for case in cases:
        referral = Referral.objects.create(
            case=case, service=service, reason="Planted.", status=status, sent_at=timezone.now()
        )
        referral.needs.set(case.needs.all())


def score(cases: list[Case], first: int, latest: int, *, on: date | None = None) -> None:
    """A first and a latest PHQ-9 total for each case's client."""
    latest_on = on or timezone.localdate()
    first_on = date(latest_on.year, 1, 1) if latest_on.month > 1 else latest_on
    worker = cases[0].worker if cases else None
    Assessment.objects.bulk_create(
        Assessment(
            case=case,
            instrument="phq-9",
            instrument_version="1",
            administered_on=day,
            administered_by=worker,
            total_score=total,
            status=Assessment.Status.FINAL,
        )
        for case in cases
        for day, total in ((first_on, first), (latest_on, latest))
    )
