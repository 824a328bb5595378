"""Risk flags on the caseload page and assessments on a person's timeline, as each viewer may see them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import Segment
from tapestry.micro.assessments import services
from tapestry.micro.assessments.caseload import caseload_alerts
from tapestry.micro.assessments.tests.factories import give, likert
from tapestry.micro.assessments.timeline import timeline_events
from tapestry.micro.cases.models import Case
from tapestry.testing import grant, open_case

pytestmark = pytest.mark.django_db

HIGH_RISK = {"q1": "yes", "q2": "yes", "q3": "yes", "q4": "yes", "q5": "no", "q6": "no"}


def test_recent_flags_become_risk_flag_alerts_but_suicide_risk_is_left_to_its_alert(cast):
    case = open_case(cast.caseworker)
    today = timezone.localdate()
    gad = give(cast.caseworker, case, "gad-7", likert(15, 7), on=today - timedelta(days=2))
    phq = give(cast.caseworker, case, "phq-9", likert(12, 9, last_zero=True), on=today - timedelta(days=3))
    give(cast.caseworker, case, "c-ssrs-screen", HIGH_RISK, on=today - timedelta(days=5))
    give(cast.caseworker, case, "phq-9", {**likert(2, 9), "q9": "1"}, on=today - timedelta(days=4))
    give(cast.caseworker, case, "gad-7", likert(3, 7), on=today)  # not flagged

    alerts = caseload_alerts(user=cast.caseworker)

    # The C-SSRS and the PHQ-9 with item 9 raised suicide-risk client alerts, which flag the caseload
    # until resolved (tapestry.micro.alerts); here only the severity flags remain.
    assert [alert.url for alert in alerts] == [
        reverse("assessments:assessment_detail", args=[gad.pk]),
        reverse("assessments:assessment_detail", args=[phq.pk]),
    ]
    assert {alert.kind for alert in alerts} == {"risk_flag"}
    assert alerts[0].title == "GAD-7: 15 (Severe). Score 15 is at or above 10."
    assert alerts[0].person_name == case.person.display_name and alerts[0].case_id == case.pk


def test_flags_older_than_14_days_closed_cases_and_errors_drop_off(cast):
    today = timezone.localdate()
    old_case, closed_case, open_one = (open_case(cast.caseworker) for _ in range(3))
    give(cast.caseworker, old_case, "phq-2", {"q1": "3", "q2": "3"}, on=today - timedelta(days=15))
    give(cast.caseworker, closed_case, "phq-2", {"q1": "3", "q2": "3"})
    Case.objects.filter(pk=closed_case.pk).update(status=Case.Status.CLOSED, closing_reason="goals_met")
    mistaken = give(cast.caseworker, open_one, "phq-2", {"q1": "3", "q2": "3"})
    services.assessment_mark_in_error(
        actor=cast.caseworker, assessment=mistaken, version=1, reason="Wrong person"
    )
    kept = give(cast.caseworker, open_one, "phq-2", {"q1": "3", "q2": "3"}, on=today - timedelta(days=14))

    alerts = caseload_alerts(user=cast.caseworker)

    assert [alert.url for alert in alerts] == [reverse("assessments:assessment_detail", args=[kept.pk])]


def test_alerts_follow_the_access_policy(cast):
    case = open_case(cast.caseworker)
    give(cast.caseworker, case, "phq-2", {"q1": "3", "q2": "3"})

    assert len(caseload_alerts(user=cast.teammate)) == 1
    assert len(caseload_alerts(user=cast.supervisor)) == 1
    assert caseload_alerts(user=cast.outsider) == []
    assert caseload_alerts(user=cast["administrator"]) == []


def test_the_timeline_shows_each_assessment_with_score_band_and_flag(cast):
    case = open_case(cast.caseworker)
    phq = give(
        cast.caseworker,
        case,
        "phq-9",
        likert(12, 9, last_zero=True),
        on=timezone.localdate() - timedelta(days=1),
    )

    events = timeline_events(user=cast.teammate, person=case.person)

    assert len(events) == 1
    event = events[0]
    assert (event.kind, event.when, event.case_id) == ("assessment", phq.administered_on, case.pk)
    assert event.title == "PHQ-9: 12 (Moderate) · flagged"
    assert event.url == reverse("assessments:assessment_detail", args=[phq.pk])


def test_the_timeline_hides_segments_the_viewer_is_not_granted(cast):
    case = open_case(cast.caseworker, case_type="substance_use", segment=Segment.SUBSTANCE_USE)
    grant(cast.caseworker, Segment.SUBSTANCE_USE)
    give(cast.caseworker, case, "dast-10", {f"q{n}": "yes" for n in range(1, 11)})

    assert len(timeline_events(user=cast.caseworker, person=case.person)) == 1
    assert timeline_events(user=cast.teammate, person=case.person) == []
    assert timeline_events(user=cast.outsider, person=case.person) == []
