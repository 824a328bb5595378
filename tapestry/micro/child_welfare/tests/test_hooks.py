"""What child welfare adds to the caseload page, the person's timeline and their ecomap."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tapestry.micro.child_welfare import caseload, ecomap, services, timeline
from tapestry.micro.child_welfare.models import Hearing, Placement, Report, SafetyAssessment
from tapestry.micro.child_welfare.tests.support import (
    child_of,
    court,
    cw_case,
    granted,
    investigated,
    report_on,
)
from tapestry.testing import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(cast):
    return granted(cast.caseworker)


def hearing_in(case, days: float, court_org=None, **extra) -> Hearing:
    return Hearing.objects.create(
        case=case,
        court=court_org or court(f"Court {days}"),
        hearing_type=extra.pop("hearing_type", Hearing.Type.REVIEW),
        scheduled_at=timezone.now() + timedelta(days=days),
        **extra,
    )


def by_kind(alerts) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for alert in alerts:
        grouped.setdefault(alert.kind, []).append(alert.title)
    return grouped


def test_caseload_shows_hearings_in_the_next_fourteen_days_only(worker):
    case = cw_case(worker)
    hearing_in(case, 5, hearing_type=Hearing.Type.PERMANENCY)
    hearing_in(case, 20)
    hearing_in(case, -1, outcome="Adjourned to the next date.")

    alerts = caseload.caseload_alerts(user=worker)

    assert [a.title for a in alerts] == ["Permanency hearing at Court 5"]
    assert alerts[0].kind == "upcoming_review"
    assert alerts[0].person_name == case.person.display_name


def test_reports_awaiting_screening_become_overdue_past_their_priority(worker):
    case = cw_case(worker)
    late = report_on(case, response_priority="24h", received_at=timezone.now() - timedelta(hours=30))
    fresh = report_on(case, response_priority="72h", received_at=timezone.now() - timedelta(hours=1))
    report_on(case, screening=Report.Screening.SCREENED_OUT, screening_reason="No concern.")

    grouped = by_kind(caseload.caseload_alerts(user=worker))

    assert grouped["overdue_task"] == [f"Screen report {late.number} (respond within 24 hours)"]
    assert grouped["upcoming_review"] == [f"Screen report {fresh.number} (respond within 72 hours)"]


def test_caseload_holds_only_the_users_own_cases(cast, worker):
    teammate = granted(cast.teammate)
    theirs = cw_case(teammate)
    hearing_in(theirs, 2)
    report_on(theirs)

    assert caseload.caseload_alerts(user=worker) == []
    assert len(caseload.caseload_alerts(user=teammate)) == 2


def test_caseload_reminds_of_a_safety_plan_review(worker):
    case = cw_case(worker)
    assessment = services.safety_assess(
        actor=worker,
        case=case,
        threats=["basic_needs"],
        protective_capacities="Aunt.",
        decision="conditionally_safe",
    )
    services.safety_plan_create(
        actor=worker,
        assessment=assessment,
        monitoring="Weekly.",
        review_on=timezone.localdate() + timedelta(days=6),
        actions=[services.PlanActionInput(action="Visit", responsible_name="Worker")],
    )

    assert by_kind(caseload.caseload_alerts(user=worker)) == {"upcoming_review": ["Safety plan review"]}


def test_the_timeline_tells_the_story_in_events(worker):
    case = cw_case(worker)
    report = investigated(case)
    SafetyAssessment.objects.create(
        case=case, assessed_by=worker, threats=["harm_now"], protective_capacities="None.", decision="unsafe"
    )
    Placement.objects.create(
        case=case,
        child=case.person,
        placement_type=Placement.Type.KINSHIP,
        carer_person=child_of(worker),
        started_on=timezone.localdate() - timedelta(days=9),
        ended_on=timezone.localdate() - timedelta(days=2),
        end_reason="Moved to foster care.",
        reason="Removal.",
    )
    hearing_in(case, -3, hearing_type=Hearing.Type.SHELTER)

    titles = {event.title for event in timeline.timeline_events(user=worker, person=case.person)}

    assert titles >= {
        f"Report {report.number} of suspected abuse or neglect received",
        f"Report {report.number} screened in",
        f"Investigation of report {report.number} started",
        "Safety assessment: unsafe (the child cannot stay at home)",
        f"{case.person}: kinship care began",
        f"{case.person}: kinship care ended",
        "Shelter / emergency custody hearing at Court -3",
    }
    assert {event.kind for event in timeline.timeline_events(user=worker, person=case.person)} == {
        "child welfare"
    }


def test_a_child_named_in_an_allegation_on_a_parents_case_sees_it_on_their_timeline(worker):
    case = cw_case(worker)
    sibling = child_of(worker)
    report = report_on(case, child=sibling)

    events = timeline.timeline_events(user=worker, person=sibling)

    assert [event.title for event in events] == [
        f"Report {report.number} of suspected abuse or neglect received"
    ]


def test_the_ecomap_shows_current_carers_and_each_court_once(worker):
    case = cw_case(worker)
    grandmother = child_of(worker, given_name="Rosa", family_name="Lindqvist")
    agency = OrganisationFactory(name="Northside Fostering")
    Placement.objects.create(
        case=case,
        child=case.person,
        placement_type=Placement.Type.KINSHIP,
        carer_person=grandmother,
        carer_organisation=agency,
        started_on=timezone.localdate(),
        reason="Removal.",
    )
    family_court = court()
    hearing_in(case, -10, court_org=family_court)
    hearing_in(case, 10, court_org=family_court)

    links = {(link.label, link.kind) for link in ecomap.ecomap_links(user=worker, person=case.person)}

    assert links == {
        ("Rosa Lindqvist", "family"),
        ("Northside Fostering", "organisation"),
        ("Demo County Family Court", "court"),
    }
