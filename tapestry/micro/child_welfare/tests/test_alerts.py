"""The caseload alerts that keep child-welfare work from slipping: what is overdue, not only what is near."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tapestry.micro.child_welfare import caseload
from tapestry.micro.child_welfare.clocks import add_months
from tapestry.micro.child_welfare.models import (
    Hearing,
    Investigation,
    Placement,
    Report,
    SafetyPlan,
    TerminationReview,
)
from tapestry.micro.child_welfare.tests.support import (
    child_of,
    court,
    cw_case,
    granted,
    removal_case,
    report_on,
    unsafe,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture
def worker(cast):
    return granted(cast.caseworker)


def alerts(worker) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for alert in caseload.caseload_alerts(user=worker):
        grouped.setdefault(alert.kind, []).append(alert.title)
    return grouped


def plan(assessment, *, review_in_days: int) -> SafetyPlan:
    return SafetyPlan.objects.create(
        assessment=assessment, monitoring="Weekly visits.", review_on=TODAY() + timedelta(days=review_in_days)
    )


def test_an_overdue_safety_plan_review_is_an_overdue_task(worker):
    case = cw_case(worker)
    plan(unsafe(case, days_ago=30, decision="conditionally_safe"), review_in_days=-3)

    assert alerts(worker) == {
        "overdue_task": [f"Safety plan review overdue (due {TODAY() - timedelta(days=3):%Y-%m-%d})"]
    }


def test_a_plan_replaced_by_a_later_assessment_no_longer_alerts(worker):
    case = cw_case(worker)
    plan(unsafe(case, days_ago=30, decision="conditionally_safe"), review_in_days=-3)
    unsafe(case, days_ago=1, decision="safe")

    assert alerts(worker) == {}


def test_conditionally_safe_without_a_plan_is_an_overdue_task(worker):
    case = cw_case(worker)
    unsafe(case, days_ago=2, decision="conditionally_safe")

    assert alerts(worker) == {"overdue_task": ["Conditionally safe with no safety plan: make the plan"]}


def test_a_screened_in_report_with_no_investigation_past_its_response_time(worker):
    case = cw_case(worker)
    late = report_on(
        case,
        screening=Report.Screening.SCREENED_IN,
        response_priority=Report.Priority.HOURS_24,
        received_at=timezone.now() - timedelta(hours=30),
    )
    soon = report_on(
        case,
        screening=Report.Screening.SCREENED_IN,
        response_priority=Report.Priority.HOURS_72,
        received_at=timezone.now() - timedelta(hours=2),
    )
    started = report_on(
        case,
        screening=Report.Screening.SCREENED_IN,
        response_priority=Report.Priority.HOURS_24,
        received_at=timezone.now() - timedelta(hours=30),
    )
    Investigation.objects.create(report=started, worker=worker, started_on=TODAY())

    assert alerts(worker) == {
        "overdue_task": [f"Start the investigation of report {late.number} (respond within 24 hours)"],
        "upcoming_review": [f"Start the investigation of report {soon.number} (respond within 72 hours)"],
    }


def test_a_past_hearing_with_no_outcome_asks_for_it(worker):
    case = cw_case(worker)
    family_court = court()
    Hearing.objects.create(
        case=case,
        court=family_court,
        hearing_type=Hearing.Type.SHELTER,
        scheduled_at=timezone.now() - timedelta(days=2),
    )
    Hearing.objects.create(
        case=case,
        court=family_court,
        hearing_type=Hearing.Type.REVIEW,
        scheduled_at=timezone.now() - timedelta(days=40),
        outcome="Placement continued.",
    )

    assert alerts(worker) == {
        "overdue_task": ["Record the outcome of the shelter / emergency custody hearing"]
    }


def in_care(worker, *, days: int, **extra) -> Placement:
    case = removal_case(worker, assessed_days_ago=days + 1)
    return Placement.objects.create(
        case=case,
        child=case.person,
        placement_type=extra.pop("placement_type", Placement.Type.FOSTER),
        carer_person=child_of(worker),
        started_on=TODAY() - timedelta(days=days),
        reason="Unsafe at home.",
        **extra,
    )


def test_a_permanency_hearing_due_soon_and_overdue(worker):
    soon = in_care(worker, days=60 + 340)  # entered care 340 days ago: due in about 25 days
    late = in_care(worker, days=60 + 380)

    grouped = alerts(worker)

    assert [t for t in grouped["upcoming_review"] if t.startswith("Permanency hearing due by")] == [
        f"Permanency hearing due by {_due(soon):%Y-%m-%d}"
    ]
    assert [t for t in grouped["overdue_task"] if t.startswith("Permanency hearing due by")] == [
        f"Permanency hearing due by {_due(late):%Y-%m-%d}"
    ]


def _due(placement):
    return add_months(placement.started_on + timedelta(days=60), 12)


def test_15_of_22_months_asks_for_a_petition_or_an_exception(worker):
    placement = in_care(worker, days=60 + 460)
    reached = [t for t in alerts(worker).get("overdue_task", []) if t.startswith("15 of the last 22 months")]

    TerminationReview.objects.create(
        case=placement.case,
        child=placement.child,
        decision=TerminationReview.Decision.COMPELLING_REASON,
        decided_on=TODAY(),
        explanation="The child, aged 15, does not consent to adoption; reunification work continues.",
    )
    after = [t for t in alerts(worker).get("overdue_task", []) if t.startswith("15 of the last 22 months")]

    assert reached == [
        f"15 of the last 22 months in care since {placement.started_on + timedelta(days=60 + 457):%Y-%m-%d}: "
        "file a TPR petition or record the exception"
    ]
    assert after == []


def test_15_of_22_months_coming_up_is_an_upcoming_review(worker):
    placement = in_care(worker, days=60 + 420)

    upcoming = [t for t in alerts(worker)["upcoming_review"] if t.startswith("15 of the last 22 months")]

    assert upcoming == [
        f"15 of the last 22 months in care from {placement.started_on + timedelta(days=60 + 457):%Y-%m-%d}: "
        "file a TPR petition or record the exception"
    ]


def test_no_clock_for_a_child_who_went_home(worker):
    in_care(worker, days=60 + 460, ended_on=TODAY() - timedelta(days=1), end_reason="Reunified.")

    titles = [t for group in alerts(worker).values() for t in group]

    assert not [t for t in titles if "months in care" in t or "Permanency hearing due" in t]
