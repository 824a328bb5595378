"""School pages and lists run the same number of queries with 5 rows as with 50 (DESIGN rule 6).

The pinned numbers include the session, the user, the policy's checks and the audit entry; if
one moves, find out why before changing it here.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.micro.school.models import (
    AttendanceRecord,
    BehaviourIncident,
    EducationSupportPlan,
    FamilyEngagement,
    TruancyAlert,
)
from tapestry.micro.school.tests.support import api_client, enrolled, school_case, school_days_back
from tapestry.testing import HouseholdFactory, PersonFactory, add_member, client_for

pytestmark = pytest.mark.django_db

SIZES = [5, 50]


def counted(client, url: str, expected: int, django_assert_num_queries) -> str:
    client.get(url)  # the first request settles the session
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def busy_case(cast):
    """A family school case; `fill(rows)` gives it that many students, incidents, alerts and contacts."""
    household = HouseholdFactory()
    case = school_case(cast.caseworker, household=household)

    def fill(rows: int):
        today = timezone.localdate()
        days = school_days_back(3)
        plan = EducationSupportPlan.objects.create(case=case, goals="Attend.", review_on=today)
        for n in range(rows):
            child = PersonFactory()
            add_member(household, child, position="child")
            student = enrolled(case)
            student.person = child
            student.save()
            for day in days:
                AttendanceRecord.objects.create(student=student, date=day, status="absent_unexcused")
            TruancyAlert.objects.create(
                student=student, period_start=today, period_end=today, unexcused_absences=5, threshold=5
            )
            BehaviourIncident.objects.create(
                case=case, student=student, kind="disruption", description=f"Row {n}"
            )
            FamilyEngagement.objects.create(
                plan=plan, contact_with=f"Carer {n}", method="phone", summary="Call."
            )
        return case

    return fill


@pytest.mark.parametrize("rows", SIZES)
def test_case_index(cast, busy_case, rows, django_assert_num_queries):
    case = busy_case(rows)

    page = counted(
        client_for(cast.caseworker),
        reverse("school:case_index", args=[case.pk]),
        21,
        django_assert_num_queries,
    )

    assert page.count("Row ") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_support_plan(cast, busy_case, rows, django_assert_num_queries):
    case = busy_case(rows)

    page = counted(
        client_for(cast.caseworker),
        reverse("school:support_plan", args=[case.pk]),
        15,
        django_assert_num_queries,
    )

    assert page.count("Carer ") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_student_detail(cast, rows, django_assert_num_queries):
    student = enrolled(school_case(cast.caseworker))
    today = timezone.localdate()
    for n, day in enumerate(school_days_back(rows)):
        AttendanceRecord.objects.create(student=student, date=day, status="present", note=f"Day {n}")
        BehaviourIncident.objects.create(
            case=student.case, student=student, kind="other", description=f"Row {n}"
        )
        TruancyAlert.objects.create(
            student=student,
            period_start=today,
            period_end=today - dt.timedelta(days=n),
            unexcused_absences=5,
            threshold=5,
        )

    page = counted(
        client_for(cast.caseworker),
        reverse("school:student_detail", args=[student.pk]),
        17,
        django_assert_num_queries,
    )

    assert page.count("Row ") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_api_lists(cast, busy_case, rows, django_assert_num_queries):
    case = busy_case(rows)
    client = api_client(cast.caseworker)
    student = case.students.first()
    client.get("/api/v1/me")  # the first use of a token records when it was used
    for path, expected in [
        (f"/api/v1/cases/{case.pk}/school/students", 12),
        (f"/api/v1/cases/{case.pk}/school/incidents", 11),
        (f"/api/v1/cases/{case.pk}/school/truancy-alerts", 11),
        (f"/api/v1/students/{student.pk}/attendance", 9),
    ]:
        with django_assert_num_queries(expected):
            response = client.get(path)
        assert response.status_code == 200, path
        assert response.json()["count"] == (3 if path.endswith("attendance") else rows)
