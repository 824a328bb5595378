"""School records are FERPA records: only staff granted the school segment see any of them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access import policy
from tapestry.access.models import Segment
from tapestry.micro.school import caseload, timeline
from tapestry.micro.school.models import (
    AttendanceRecord,
    BehaviourIncident,
    EducationSupportPlan,
    FamilyEngagement,
    Student,
    TruancyAlert,
)
from tapestry.micro.school.tests.support import api_client, enrolled, school_case
from tapestry.testing import client_for, grant

pytestmark = pytest.mark.django_db

MODELS = (Student, AttendanceRecord, TruancyAlert, BehaviourIncident, EducationSupportPlan, FamilyEngagement)


@pytest.fixture
def records(cast):
    """One of every school record, on a school case held by the caseworker (who holds the grant)."""
    case = school_case(cast.caseworker)
    student = enrolled(case)
    today = timezone.localdate()
    AttendanceRecord.objects.create(
        student=student, date=today - dt.timedelta(days=3), status="absent_unexcused"
    )
    TruancyAlert.objects.create(
        student=student, period_start=today, period_end=today, unexcused_absences=5, threshold=5
    )
    BehaviourIncident.objects.create(
        case=case, student=student, kind="bullying_target", description="Pushed."
    )
    plan = EducationSupportPlan.objects.create(case=case, goals="Feel safe.", review_on=today)
    FamilyEngagement.objects.create(plan=plan, contact_with="Mother", method="phone", summary="Called.")
    case.student = student
    return case


def test_every_school_model_is_registered_in_the_school_segment(records):
    for model in MODELS:
        link = policy.PERSON_LEVEL[model._meta.label_lower]
        assert link.segment_field, model
        assert set(model.objects.values_list(link.segment_field, flat=True)) == {Segment.SCHOOL}, model


def test_a_teammate_without_the_grant_sees_none_of_it(cast, records):
    # The teammate may open the person (same team) but not their school records.
    assert policy.can_view_person(cast.teammate, records.person)
    for model in MODELS:
        assert not policy.visible(cast.teammate, model.objects.all()).exists(), model
        assert policy.visible(cast.caseworker, model.objects.all()).exists(), model


def test_school_records_stay_in_the_segment_even_if_the_case_leaves_it(cast, records):
    records.segment = ""
    records.save()

    for model in MODELS:
        assert not policy.visible(cast.teammate, model.objects.all()).exists(), model


@pytest.mark.parametrize(
    "name, kwarg",
    [
        ("school:case_index", "case"),
        ("school:support_plan", "case"),
        ("school:student_enrol", "case"),
        ("school:student_detail", "student"),
        ("school:attendance_week", "student"),
    ],
)
def test_pages_refuse_a_worker_without_the_grant(cast, records, name, kwarg):
    args = [records.pk if kwarg == "case" else records.student.pk]
    url = reverse(name, args=args)

    refused = client_for(cast.teammate).get(url)
    grant(cast.teammate, Segment.SCHOOL)
    allowed = client_for(cast.teammate).get(url)

    assert refused.status_code == 403
    assert b"Pushed" not in refused.content
    assert allowed.status_code == 200


def test_the_api_refuses_a_worker_without_the_grant(cast, records):
    client = api_client(cast.teammate)
    paths = [
        f"/api/v1/cases/{records.pk}/school/students",
        f"/api/v1/cases/{records.pk}/school/incidents",
        f"/api/v1/cases/{records.pk}/school/support-plan",
        f"/api/v1/cases/{records.pk}/school/truancy-alerts",
        f"/api/v1/students/{records.student.pk}/attendance",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 403, path
        assert response.json()["detail"]


def test_a_grant_without_the_caseload_is_not_enough(cast, records):
    grant(cast.outsider, Segment.SCHOOL)

    response = client_for(cast.outsider).get(reverse("school:case_index", args=[records.pk]))

    assert response.status_code == 403


def test_timeline_and_caseload_hold_nothing_without_the_grant(cast, records):
    records.worker = cast.teammate
    records.save()

    assert timeline.timeline_events(user=cast.teammate, person=records.person) == []
    assert caseload.caseload_alerts(user=cast.teammate) == []
    assert timeline.timeline_events(user=cast.caseworker, person=records.person)
