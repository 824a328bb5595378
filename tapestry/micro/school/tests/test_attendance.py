"""Attendance: a week on one screen, or several days through the API; all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import AuditEntry
from tapestry.micro.school.models import AttendanceRecord
from tapestry.micro.school.selectors import monday_of
from tapestry.micro.school.tests.support import api_client, enrolled, school_case
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def student(cast):
    return enrolled(school_case(cast.caseworker))


def last_full_week() -> dt.date:
    return monday_of(timezone.localdate()) - dt.timedelta(weeks=1)


def week_post(statuses: list[str], notes: list[str] | None = None) -> dict[str, str]:
    data = {f"status_{n}": status for n, status in enumerate(statuses)}
    data.update({f"note_{n}": note for n, note in enumerate(notes or [])})
    return data


def test_a_week_is_recorded_on_one_screen(cast, student):
    monday = last_full_week()
    url = reverse("school:attendance_week", args=[student.pk]) + f"?week={monday:%Y-%m-%d}"
    client = client_for(cast.caseworker)

    page = client.get(url)
    response = client.post(
        url,
        week_post(
            ["present", "tardy", "absent_excused", "absent_unexcused", "present"],
            ["", "Bus late", "Dentist", "", ""],
        ),
    )

    assert page.status_code == 200
    assert page.content.decode().count("<select") == 5
    assert response.status_code == 302
    days = {r.date: (r.status, r.note) for r in AttendanceRecord.objects.filter(student=student)}
    assert days[monday + dt.timedelta(days=1)] == ("tardy", "Bus late")
    assert days[monday + dt.timedelta(days=3)] == ("absent_unexcused", "")
    assert len(days) == 5


def test_the_week_form_shows_what_is_recorded_and_leaves_blank_days_alone(cast, student):
    monday = last_full_week()
    AttendanceRecord.objects.create(student=student, date=monday, status="tardy", note="Overslept")
    url = reverse("school:attendance_week", args=[student.pk]) + f"?week={monday:%Y-%m-%d}"
    client = client_for(cast.caseworker)

    page = client.get(url).content.decode()
    client.post(url, week_post(["", "present", "", "", ""]))

    assert 'value="tardy" selected' in page
    assert "Overslept" in page
    assert AttendanceRecord.objects.get(student=student, date=monday).status == "tardy"
    assert AttendanceRecord.objects.filter(student=student).count() == 2


def test_a_day_before_enrolment_is_refused_beside_that_day(cast, student):
    monday = last_full_week()
    student.enrolled_on = monday + dt.timedelta(days=2)
    student.save()
    url = reverse("school:attendance_week", args=[student.pk]) + f"?week={monday:%Y-%m-%d}"

    response = client_for(cast.caseworker).post(url, week_post(["present"] * 5))

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "was not enrolled" in errors["status_0"][0]
    assert "status_2" not in errors
    assert not AttendanceRecord.objects.exists()


def test_an_empty_week_says_what_to_do(cast, student):
    url = reverse("school:attendance_week", args=[student.pk])

    response = client_for(cast.caseworker).post(url, week_post([""] * 5))

    assert "Choose an attendance status for at least one day." in response.content.decode()


def test_the_api_records_several_days_and_corrects_one(cast, student):
    monday = last_full_week()
    client = api_client(cast.caseworker)
    path = f"/api/v1/students/{student.pk}/attendance"

    first = client.post(
        path,
        {"days": [{"date": str(monday + dt.timedelta(days=n)), "status": "present"} for n in range(5)]},
        content_type="application/json",
    )
    corrected = client.post(
        path,
        {"days": [{"date": str(monday), "status": "absent_excused", "note": "Flu"}]},
        content_type="application/json",
    )
    listed = client.get(path).json()

    assert first.status_code == 200
    assert len(first.json()["days"]) == 5
    assert corrected.json()["days"][0]["status_label"] == "Absent (excused)"
    assert listed["count"] == 5
    assert listed["items"][0] == {
        "date": str(monday),
        "status": "absent_excused",
        "status_label": "Absent (excused)",
        "note": "Flu",
    }
    assert AuditEntry.objects.filter(object_type="school.attendancerecord", action="update").exists()


def test_the_api_refuses_the_whole_batch_when_one_day_is_wrong(cast, student):
    monday = last_full_week()
    saturday = monday + dt.timedelta(days=5)
    future = timezone.localdate() + dt.timedelta(days=7)

    response = api_client(cast.caseworker).post(
        f"/api/v1/students/{student.pk}/attendance",
        {
            "days": [
                {"date": str(monday), "status": "present"},
                {"date": str(saturday), "status": "present"},
                {"date": str(future), "status": "present"},
            ]
        },
        content_type="application/json",
    )

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert "not a school day" in errors["days.1"][0]
    assert "in the future" in errors["days.2"][0]
    assert "days.0" not in errors
    assert not AttendanceRecord.objects.exists()


def test_an_unknown_status_is_a_422_naming_the_field(cast, student):
    response = api_client(cast.caseworker).post(
        f"/api/v1/students/{student.pk}/attendance",
        {"days": [{"date": str(last_full_week()), "status": "sick"}]},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert "days.0.status" in response.json()["errors"]


def test_the_student_page_lays_attendance_out_by_week(cast, student):
    monday = last_full_week()
    AttendanceRecord.objects.create(
        student=student, date=monday + dt.timedelta(days=3), status="absent_unexcused"
    )

    page = (
        client_for(cast.caseworker).get(reverse("school:student_detail", args=[student.pk])).content.decode()
    )

    assert f"{monday:%Y-%m-%d}" in page
    assert "Absent (unexcused)" in page
    assert AuditEntry.objects.filter(action="view", object_type="school.student").exists()
