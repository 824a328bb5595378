"""Truancy alerts: 5 unexcused absences in the last 30 school days; one alert per student per period."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tapestry.micro.cases.models import Case
from tapestry.micro.school import caseload
from tapestry.micro.school.models import TruancyAlert
from tapestry.micro.school.tests.support import enrolled, mark, school_case, school_days_back
from tapestry.micro.school.truancy import (
    TRUANCY_THRESHOLD,
    TRUANCY_WINDOW_SCHOOL_DAYS,
    truancy_check,
    window_start,
)
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def student(cast):
    return enrolled(school_case(cast.caseworker))


def check() -> list[TruancyAlert]:
    return truancy_check(actor=None)


def test_the_rule_is_five_in_thirty_school_days():
    assert (TRUANCY_THRESHOLD, TRUANCY_WINDOW_SCHOOL_DAYS) == (5, 30)
    friday = dt.date(2026, 3, 13)
    assert window_start(friday) == dt.date(2026, 2, 2)  # six weeks of weekdays back


def test_four_unexcused_absences_raise_no_alert(student):
    mark(student, school_days_back(4))

    assert check() == []


def test_the_fifth_raises_an_alert(student):
    days = school_days_back(10)[::2]
    mark(student, days)

    [alert] = check()

    assert alert.student == student
    assert alert.unexcused_absences == 5
    assert alert.period_end == days[-1]
    assert alert.period_start == window_start(timezone.localdate())


def test_excused_absences_and_late_arrivals_do_not_count(student):
    days = school_days_back(8)
    mark(student, days[:4])
    mark(student, days[4:6], status="absent_excused")
    mark(student, days[6:], status="tardy")

    assert check() == []


def test_absences_older_than_the_window_do_not_count(student):
    days = school_days_back(TRUANCY_WINDOW_SCHOOL_DAYS + 5)
    mark(student, days[:3])  # before the window
    mark(student, days[-2:])

    assert check() == []


def test_running_the_check_again_raises_nothing_more(student):
    mark(student, school_days_back(6))

    first, second = check(), check()

    assert len(first) == 1
    assert second == []
    assert TruancyAlert.objects.count() == 1


def test_the_next_alert_needs_five_new_absences(student):
    days = school_days_back(12)
    mark(student, days[:5])
    assert len(check()) == 1

    mark(student, days[5:9])
    assert check() == []

    mark(student, days[9:10])
    [second] = check()
    assert second.unexcused_absences == 5
    assert TruancyAlert.objects.filter(student=student).count() == 2


def test_closed_cases_are_not_checked(student):
    Case.objects.filter(pk=student.case_id).update(status=Case.Status.CLOSED, closing_reason="moved")
    mark(student, school_days_back(6))

    assert check() == []


def test_the_command_reports_and_is_idempotent(student):
    mark(student, school_days_back(5))

    out1, out2 = StringIO(), StringIO()
    call_command("check_truancy", stdout=out1)
    call_command("check_truancy", stdout=out2)

    assert out1.getvalue().strip() == "1 truancy alert raised."
    assert out2.getvalue().strip() == "0 truancy alerts raised."


def test_the_command_checks_as_of_a_given_day(student):
    mark(student, school_days_back(5, until=dt.date(2026, 3, 13)))

    out = StringIO()
    call_command("check_truancy", "--on", "2026-06-30", stdout=out)  # the window has moved on
    call_command("check_truancy", "--on", "2026-03-13", stdout=out)

    assert TruancyAlert.objects.get().period_end == dt.date(2026, 3, 13)


def test_saving_the_week_that_crosses_the_threshold_raises_the_alert(cast, student):
    days = school_days_back(15)
    mark(student, days[:4])
    friday = max(day for day in days if day.weekday() == 4)
    monday = friday - dt.timedelta(days=4)
    url = reverse("school:attendance_week", args=[student.pk]) + f"?week={monday:%Y-%m-%d}"
    data = {f"status_{n}": "present" for n in range(4)} | {"status_4": "absent_unexcused"}

    response = client_for(cast.caseworker).post(url, data, follow=True)

    assert TruancyAlert.objects.filter(student=student).exists()
    assert "Truancy alert: 5 unexcused absences" in response.content.decode()


def test_an_open_alert_is_a_risk_flag_on_the_workers_caseload_until_followed_up(cast, student):
    mark(student, school_days_back(5))
    [alert] = check()

    flags = caseload.caseload_alerts(user=cast.caseworker)
    client_for(cast.caseworker).post(
        reverse("school:alert_follow_up", args=[alert.pk]),
        {"note": "Met the mother; morning routine agreed."},
    )

    assert [(f.kind, f.person_name, f.case_id) for f in flags] == [
        ("risk_flag", student.person.display_name, student.case_id)
    ]
    assert "5 unexcused absences" in flags[0].title
    alert.refresh_from_db()
    assert alert.followed_up_by == cast.caseworker
    assert caseload.caseload_alerts(user=cast.caseworker) == []


def test_a_follow_up_needs_a_note(cast, student):
    mark(student, school_days_back(5))
    [alert] = check()

    response = client_for(cast.caseworker).post(
        reverse("school:alert_follow_up", args=[alert.pk]), {"note": ""}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["note"]
    alert.refresh_from_db()
    assert alert.is_open
