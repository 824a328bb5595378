"""URL arguments for the school routes in the authorization matrix (tests/test_authorization_matrix.py)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.access.models import Segment
from tapestry.micro.school.models import (
    AttendanceRecord,
    BehaviourIncident,
    EducationSupportPlan,
    Student,
    TruancyAlert,
)
from tapestry.people.models import Organisation
from tapestry.testing import OrganisationFactory, grant, open_case


def examples(world: dict) -> dict[str, dict]:
    cast = world["cast"]
    # School records need the grant on top of the role; every cast member holds it here, so the
    # matrix tests the role table alone (the segment has its own tests in test_school_segment.py).
    for user in {*cast.by_role.values(), cast.teammate, cast.outsider}:
        grant(user, Segment.SCHOOL)
    case = open_case(cast.caseworker, person=world["person"], case_type="school", segment=Segment.SCHOOL)
    school = OrganisationFactory(kind=Organisation.Kind.SCHOOL)
    student = Student.objects.create(case=case, person=world["person"], school=school, grade="7")
    today = timezone.localdate()
    AttendanceRecord.objects.create(student=student, date=today - dt.timedelta(days=1), status="present")
    BehaviourIncident.objects.create(
        case=case, student=student, kind="fighting", description="Matrix example."
    )
    EducationSupportPlan.objects.create(case=case, goals="Attend every day.", review_on=today)
    alert = TruancyAlert.objects.create(
        student=student, period_start=today, period_end=today, unexcused_absences=5, threshold=5
    )
    on_case = {"case_pk": case.pk}
    api_case = {"case_id": case.pk}
    return {
        "school:case_index": on_case,
        "school:student_enrol": on_case,
        "school:incident_add": on_case,
        "school:support_plan": on_case,
        "school:support_plan_edit": on_case,
        "school:engagement_add": on_case,
        "school:student_detail": {"pk": student.pk},
        "school:attendance_week": {"pk": student.pk},
        "school:directory_opt_out": {"pk": student.pk},
        "school:alert_follow_up": {"pk": alert.pk},
        "GET /api/v1/cases/{case_id}/school/students": api_case,
        "POST /api/v1/cases/{case_id}/school/students": api_case,
        "GET /api/v1/students/{student_id}/attendance": {"student_id": student.pk},
        "POST /api/v1/students/{student_id}/attendance": {"student_id": student.pk},
        "PUT /api/v1/students/{student_id}/directory-opt-out": {"student_id": student.pk},
        "GET /api/v1/cases/{case_id}/school/incidents": api_case,
        "POST /api/v1/cases/{case_id}/school/incidents": api_case,
        "GET /api/v1/cases/{case_id}/school/support-plan": api_case,
        "PUT /api/v1/cases/{case_id}/school/support-plan": api_case,
        "POST /api/v1/cases/{case_id}/school/support-plan/contacts": api_case,
        "GET /api/v1/cases/{case_id}/school/truancy-alerts": api_case,
    }
