"""What crisis work puts on a caseload page and a person's timeline, for the viewer only."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tapestry.micro.crisis import caseload, timeline
from tapestry.micro.crisis.services import follow_up_complete, overdue_follow_ups_escalate, safety_plan_save
from tapestry.micro.crisis.tests.factories import (
    PLAN,
    assess,
    crisis_case,
    follow_up,
    overdue_follow_up,
    plan,
)

pytestmark = pytest.mark.django_db


def alerts(user, kind: str) -> list:
    return [alert for alert in caseload.caseload_alerts(user=user) if alert.kind == kind]


def test_high_or_imminent_risk_in_the_last_two_weeks_is_a_risk_flag(cast):
    high = crisis_case(cast.caseworker)
    assess(cast.caseworker, high, suicide="high", self_harm="imminent")
    assess(cast.caseworker, crisis_case(cast.caseworker), suicide="high")
    assess(
        cast.caseworker, crisis_case(cast.caseworker), violence="high", at=timezone.now() - timedelta(days=15)
    )

    flags = alerts(cast.caseworker, "risk_flag")

    # Suicide risk is flagged by its client alert (tapestry.micro.alerts), until a clinician resolves it.
    assert [(flag.title, flag.case_id) for flag in flags] == [("Imminent risk: self-harm", high.pk)]
    assert flags[0].person_name == high.person.display_name


def test_the_supervisor_sees_risk_flags_on_supervisees_cases_and_an_outsider_none(cast):
    assess(cast.caseworker, crisis_case(cast.caseworker), violence="high")

    assert len(alerts(cast.supervisor, "risk_flag")) == 1
    assert alerts(cast.outsider, "risk_flag") == []


def test_the_owner_sees_their_overdue_follow_ups_until_done(cast):
    case = crisis_case(cast.caseworker)
    missed = overdue_follow_up(cast.caseworker, case)
    follow_up(cast.caseworker, case, hours=3)

    before = alerts(cast.caseworker, "overdue_task")
    follow_up_complete(actor=cast.caseworker, follow_up=missed, outcome="Reached her late.")

    assert [alert.title for alert in before] == ["Overdue urgent follow-up: Call back to check on safety"]
    assert alerts(cast.caseworker, "overdue_task") == []
    assert alerts(cast.teammate, "overdue_task") == []


def test_roles_without_client_records_get_no_alerts(cast):
    assess(cast.caseworker, crisis_case(cast.caseworker), suicide="high")

    assert caseload.caseload_alerts(user=cast.by_role["administrator"]) == []


def test_the_timeline_tells_the_crisis_in_order(cast):
    case = crisis_case(cast.caseworker)
    assess(cast.caseworker, case, suicide="high", at=timezone.now() - timedelta(days=2))
    saved = plan(cast.caseworker, case)
    safety_plan_save(
        actor=cast.caseworker,
        case=case,
        version=saved.version,
        sections={**PLAN, "reasons_for_living": ["Pepper"]},
    )
    overdue_follow_up(cast.caseworker, case)
    overdue_follow_ups_escalate()

    events = sorted(timeline.timeline_events(user=cast.caseworker, person=case.person), key=lambda e: e.when)

    assert [event.kind for event in events] == [
        "risk assessment",
        "follow-up",
        "safety plan",
        "safety plan",
        "escalation",
    ]
    assert events[0].title == "Risk assessment: high risk"
    assert events[3].title == "Safety plan revised (version 2)"
    assert all(event.case_id == case.pk for event in events)


def test_the_timeline_shows_nothing_to_an_outsider(cast):
    case = crisis_case(cast.caseworker)
    assess(cast.caseworker, case, suicide="high")

    assert timeline.timeline_events(user=cast.outsider, person=case.person) == []


@pytest.mark.parametrize("rows", [5, 50])
def test_providers_run_a_fixed_number_of_queries(cast, rows, django_assert_num_queries):
    case = crisis_case(cast.caseworker)
    for _ in range(rows):
        assess(cast.caseworker, case, suicide="high", violence="high")
        overdue_follow_up(cast.caseworker, case)
    overdue_follow_ups_escalate()

    with django_assert_num_queries(8):
        alerts_seen = caseload.caseload_alerts(user=cast.supervisor)
    with django_assert_num_queries(6):
        events = timeline.timeline_events(user=cast.caseworker, person=case.person)

    assert len(alerts_seen) == 2 * rows
    assert len(events) == 3 * rows
