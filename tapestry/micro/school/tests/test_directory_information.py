"""FERPA directory information on the school side: the one table of directory parts, the agency's
notice, and the parent's or eligible student's refusal (34 CFR 99.3, 99.37), on pages and API."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import AuditEntry, Consent, Role
from tapestry.micro.school.directory import DIRECTORY_PARTS, Category
from tapestry.micro.school.models import DirectoryNotice, Student
from tapestry.micro.school.tests.support import api_client, enrolled, school_case
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def today():
    """Read when used, not when the module is imported: a run that passes midnight sees one day."""
    return timezone.localdate()


def test_only_the_enrolment_is_directory_information():
    # Attendance detail, incidents, support plans, assessments and needs never are (34 CFR 99.3).
    assert set(DIRECTORY_PARTS) == {Consent.RecordPart.SCHOOL_ENROLMENT}
    for part in ("school_attendance", "behaviour_incidents", "support_plan", "assessment_summary", "needs"):
        assert part not in DIRECTORY_PARTS
    assert set(DIRECTORY_PARTS["school_enrolment"]) <= set(Category.values)
    assert not {"student_number", "ssn", "student_id"} & set(Category.values)


def test_a_notice_designates_only_directory_categories():
    notice = DirectoryNotice(published_on=today(), opt_out_by=today(), categories=["name", "student_number"])
    with pytest.raises(ValidationError) as refused:
        notice.full_clean()
    assert "student_number" in refused.value.message_dict["categories"][0]


def test_the_worker_records_a_refusal_on_the_page_and_it_is_audited(cast):
    student = enrolled(school_case(cast.caseworker))
    client = client_for(cast.caseworker)
    url = reverse("school:directory_opt_out", args=[student.pk])

    answer = client.post(url, {"opt_out": "on", "on": (today() - dt.timedelta(days=3)).isoformat()})

    assert answer.status_code == 302
    student.refresh_from_db()
    assert student.directory_opt_out is True
    assert student.directory_opt_out_on == today() - dt.timedelta(days=3)
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.UPDATE, object_id=str(student.pk)).get()
    assert "directory_opt_out" in entry.fields
    page = client.get(reverse("school:student_detail", args=[student.pk])).content.decode()
    assert "refused its disclosure on" in page


def test_a_refusal_dated_in_the_future_is_shown_next_to_the_field(cast):
    student = enrolled(school_case(cast.caseworker))
    answer = client_for(cast.caseworker).post(
        reverse("school:directory_opt_out", args=[student.pk]),
        {"opt_out": "on", "on": (today() + dt.timedelta(days=3)).isoformat()},
    )
    assert answer.status_code == 200
    assert "cannot be in the future" in answer.content.decode()
    student.refresh_from_db()
    assert student.directory_opt_out is False


def test_a_role_that_may_not_change_school_records_cannot_record_it(cast):
    student = enrolled(school_case(cast.caseworker))
    auditor = cast.by_role[Role.AUDITOR]
    answer = client_for(auditor).post(
        reverse("school:directory_opt_out", args=[student.pk]), {"opt_out": "on"}
    )
    assert answer.status_code in (403, 404)
    student.refresh_from_db()
    assert student.directory_opt_out is False


def test_a_former_students_refusal_can_be_recorded_and_stays(cast):
    student = enrolled(school_case(cast.caseworker))
    Student.objects.filter(pk=student.pk).update(left_on=today() - dt.timedelta(days=1))

    answer = api_client(cast.caseworker).put(
        f"/api/v1/students/{student.pk}/directory-opt-out",
        data={"directory_opt_out": True},
        content_type="application/json",
    )

    assert answer.status_code == 200, answer.content
    assert answer.json()["directory_opt_out"] is True
    assert answer.json()["directory_opt_out_on"] == today().isoformat()
    assert answer.json()["left_on"] is not None


def test_the_api_enrols_with_a_refusal_and_lists_it(cast):
    from tapestry.micro.school.tests.support import school_org

    case = school_case(cast.caseworker)
    client = api_client(cast.caseworker)
    made = client.post(
        f"/api/v1/cases/{case.pk}/school/students",
        data={"school_id": school_org().pk, "grade": "4", "directory_opt_out": True},
        content_type="application/json",
    )
    assert made.status_code == 201, made.content
    assert made.json()["directory_opt_out"] is True
    listed = client.get(f"/api/v1/cases/{case.pk}/school/students").json()
    assert listed["items"][0]["directory_opt_out_on"] == today().isoformat()


def test_the_administrator_records_the_notice_with_the_command():
    from io import StringIO

    from django.core.management import call_command

    call_command(
        "ferpa_directory_notice",
        published_on=today() - dt.timedelta(days=30),
        opt_out_by=today() - dt.timedelta(days=1),
        category=["name", "grade_level"],
        stdout=StringIO(),
    )
    notice = DirectoryNotice.in_force(today())
    assert notice.categories == ["grade_level", "name"]
    shown = StringIO()
    call_command("ferpa_directory_notice", stdout=shown)
    assert "Grade level" in shown.getvalue()
