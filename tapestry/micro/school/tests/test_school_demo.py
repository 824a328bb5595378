"""The demo gives the school social worker students with four weeks of attendance, one truancy
alert, a bullying incident and a support plan; a second run adds nothing."""

from __future__ import annotations

import pytest

from tapestry.access import policy
from tapestry.demo.context import DemoContext
from tapestry.demo.generate import demo_load
from tapestry.micro.school import caseload, demo
from tapestry.micro.school.models import (
    AttendanceRecord,
    BehaviourIncident,
    EducationSupportPlan,
    FamilyEngagement,
    Student,
    TruancyAlert,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded() -> tuple[str, DemoContext]:
    demo_load()
    ctx = DemoContext.load("school-2026")
    return demo.seed(ctx), ctx


def test_the_school_social_worker_gets_students_at_the_demo_schools(seeded):
    summary, ctx = seeded
    worker = ctx.staff["school_social_worker"]
    students = list(Student.objects.select_related("case", "school"))

    assert summary.startswith(f"{len(students)} students")
    assert len(students) >= 2
    assert {student.case.worker for student in students} == {worker}
    assert {student.school.kind for student in students} == {"school"}
    assert {student.case.segment for student in students} == {"school"}


def test_four_weeks_of_attendance_and_one_student_over_the_threshold(seeded):
    students = Student.objects.all()

    assert AttendanceRecord.objects.count() == 20 * students.count()
    alert = TruancyAlert.objects.get()
    assert alert.unexcused_absences >= 5
    over = [s for s in students if s.attendance.filter(status="absent_unexcused").count() >= 5]
    assert over == [alert.student]


def test_a_bullying_incident_and_a_support_plan_with_family_contacts(seeded):
    incident = BehaviourIncident.objects.get()
    plan = EducationSupportPlan.objects.get()

    assert incident.kind == "bullying_target"
    assert incident.parents_notified
    assert plan.case == incident.case
    assert FamilyEngagement.objects.filter(plan=plan).count() == 2


def test_the_alert_and_the_review_show_on_the_workers_caseload(seeded):
    _, ctx = seeded

    kinds = sorted(alert.kind for alert in caseload.caseload_alerts(user=ctx.staff["school_social_worker"]))

    assert kinds == ["risk_flag", "upcoming_review"]


def test_a_second_run_adds_nothing(seeded):
    counts = Student.objects.count(), AttendanceRecord.objects.count(), TruancyAlert.objects.count()

    again = demo.seed(DemoContext.load("school-2026"))

    assert again == ""
    assert (Student.objects.count(), AttendanceRecord.objects.count(), TruancyAlert.objects.count()) == counts


def test_other_staff_without_the_grant_see_no_student(seeded):
    _, ctx = seeded

    assert not policy.visible(ctx.staff["caseworker"], Student.objects.all()).exists()
    assert policy.visible(ctx.staff["school_social_worker"], Student.objects.all()).exists()
