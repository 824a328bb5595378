"""Enrolments, behaviour incidents, the education support plan and its family engagement log."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import AuditEntry, Segment
from tapestry.micro.school import timeline
from tapestry.micro.school.models import BehaviourIncident, EducationSupportPlan, FamilyEngagement, Student
from tapestry.micro.school.tests.support import api_client, enrolled, school_case, school_org
from tapestry.testing import (
    HouseholdFactory,
    OrganisationFactory,
    PersonFactory,
    add_member,
    assign,
    client_for,
    grant,
    open_case,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(cast):
    return school_case(cast.caseworker)


# Enrolment ----------------------------------------------------------------------------------


def test_a_student_is_enrolled_from_the_case_page(cast, case):
    school = school_org("Riverton Elementary School")
    client = client_for(cast.caseworker)

    index = client.get(reverse("school:case_index", args=[case.pk])).content.decode()
    response = client.post(
        reverse("school:student_enrol", args=[case.pk]),
        {"school": school.pk, "grade": "4", "student_number": "RSD-1", "enrolled_on": "2026-09-01"},
    )

    student = Student.objects.get()
    assert reverse("school:student_enrol", args=[case.pk]) in index
    assert response.status_code == 302
    assert (student.person, student.school, student.grade, student.enrolled_on) == (
        case.person,
        school,
        "4",
        dt.date(2026, 9, 1),
    )
    assert AuditEntry.objects.filter(action="create", object_type="school.student").exists()


def test_only_schools_are_offered_and_accepted(cast, case):
    clinic = OrganisationFactory(kind="health", name="Harbourview Recovery Clinic")
    school = school_org("Eastfield Middle School")
    client = client_for(cast.caseworker)

    page = client.get(reverse("school:student_enrol", args=[case.pk])).content.decode()
    refused = api_client(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/school/students",
        {"school_id": clinic.pk, "grade": "7"},
        content_type="application/json",
    )

    assert school.name in page
    assert clinic.name not in page
    assert refused.status_code == 400
    assert "school_id" in refused.json()["errors"]


def test_the_api_enrols_a_child_of_the_household(cast):
    parent, child = PersonFactory(), PersonFactory()
    household = HouseholdFactory()
    add_member(household, parent)
    add_member(household, child, position="child")
    assign(cast.caseworker, child)
    case = school_case(cast.caseworker, person=parent, household=household)
    school = school_org()

    response = api_client(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/school/students",
        {"school_id": school.pk, "grade": "K", "person_id": child.pk},
        content_type="application/json",
    )
    stranger = api_client(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/school/students",
        {"school_id": school.pk, "grade": "K", "person_id": parent.pk + 1000},
        content_type="application/json",
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["person_id"], body["school_name"], body["grade"]) == (child.pk, school.name, "K")
    assert body["attendance_in_window"] == {
        "present": 0,
        "absent_excused": 0,
        "absent_unexcused": 0,
        "tardy": 0,
    }
    assert stranger.status_code == 400
    assert "person_id" in stranger.json()["errors"]


def test_school_records_go_on_a_school_case(cast):
    grant(cast.caseworker, Segment.SCHOOL)
    general = open_case(cast.caseworker)

    page = client_for(cast.caseworker).get(reverse("school:case_index", args=[general.pk])).content.decode()
    response = api_client(cast.caseworker).post(
        f"/api/v1/cases/{general.pk}/school/students",
        {"school_id": school_org().pk, "grade": "3"},
        content_type="application/json",
    )

    assert "recorded on a school social work case" in page
    assert response.status_code == 400
    assert response.json()["errors"]["case"] == ["School records go on a school social work case."]


def test_the_api_lists_students_with_their_attendance(cast, case):
    enrolled(case)

    body = api_client(cast.caseworker).get(f"/api/v1/cases/{case.pk}/school/students").json()

    assert body["count"] == 1
    assert body["items"][0]["person_name"] == case.person.display_name


# Incidents ----------------------------------------------------------------------------------


def test_a_bullying_incident_is_recorded_with_the_students_role(cast, case):
    student = enrolled(case)
    client = client_for(cast.caseworker)

    response = client.post(
        reverse("school:incident_add", args=[case.pk]),
        {
            "student": student.pk,
            "occurred_on": str(timezone.localdate()),
            "kind": "bullying_aggressor",
            "description": "Called a classmate names in the corridor.",
            "action_taken": "Restorative meeting with both students.",
            "parents_notified": "on",
        },
    )
    page = client.get(reverse("school:case_index", args=[case.pk])).content.decode()

    incident = BehaviourIncident.objects.get()
    assert response.status_code == 302
    assert (incident.kind, incident.parents_notified, incident.recorded_by) == (
        "bullying_aggressor",
        True,
        cast.caseworker,
    )
    assert "Bullying (as aggressor)" in page
    assert "Restorative meeting" in page


def test_the_api_records_and_lists_incidents(cast, case):
    student = enrolled(case)
    client = api_client(cast.caseworker)
    path = f"/api/v1/cases/{case.pk}/school/incidents"

    created = client.post(
        path,
        {"student_id": student.pk, "kind": "bullying_target", "description": "Lunch taken by older pupils."},
        content_type="application/json",
    )
    future = client.post(
        path,
        {
            "student_id": student.pk,
            "kind": "fighting",
            "description": "x",
            "occurred_on": str(timezone.localdate() + dt.timedelta(days=2)),
        },
        content_type="application/json",
    )
    other_case_student = enrolled(school_case(cast.caseworker))
    elsewhere = client.post(
        path,
        {"student_id": other_case_student.pk, "kind": "fighting", "description": "x"},
        content_type="application/json",
    )

    assert created.status_code == 201
    assert created.json()["kind_label"] == "Bullying (as target)"
    assert future.status_code == 400
    assert future.json()["errors"]["occurred_on"] == ["An incident cannot be in the future."]
    assert elsewhere.status_code == 400
    assert "student_id" in elsewhere.json()["errors"]
    assert client.get(path).json()["count"] == 1


# The education support plan -----------------------------------------------------------------


def plan_body(version: int, **changes: object) -> dict:
    return {
        "version": version,
        "goals": "Attend every day.",
        "accommodations": "Quiet space at lunch.",
        "services": "Weekly check-in.",
        "review_on": "2026-12-01",
        **changes,
    }


def test_the_plan_is_written_with_version_0_then_changed_with_the_version_read(cast, case):
    client = api_client(cast.caseworker)
    path = f"/api/v1/cases/{case.pk}/school/support-plan"

    missing = client.get(path)
    created = client.put(path, plan_body(0), content_type="application/json")
    changed = client.put(path, plan_body(1, goals="Attend and join a club."), content_type="application/json")
    stale = client.put(path, plan_body(1, goals="Overwrite"), content_type="application/json")

    assert missing.status_code == 404
    assert missing.json()["detail"] == "This case has no education support plan yet."
    assert created.status_code == 200
    assert created.json()["version"] == 1
    assert changed.json()["version"] == 2
    assert stale.status_code == 409
    assert stale.json()["errors"]["version"] == ["The current version is 2."]
    assert EducationSupportPlan.objects.get().goals == "Attend and join a club."


def test_a_first_plan_sent_with_a_version_is_refused_as_stale(cast, case):
    response = api_client(cast.caseworker).put(
        f"/api/v1/cases/{case.pk}/school/support-plan", plan_body(3), content_type="application/json"
    )

    assert response.status_code == 409
    assert not EducationSupportPlan.objects.exists()


def test_the_plan_page_edits_and_refuses_a_stale_edit(cast, case):
    client = client_for(cast.caseworker)
    edit = reverse("school:support_plan_edit", args=[case.pk])
    form = {
        "version": 0,
        "goals": "Feel safe.",
        "accommodations": "",
        "services": "",
        "review_on": "2026-12-01",
    }

    client.post(edit, form)
    stale = client.post(edit, {**form, "goals": "Someone else's edit"})
    page = client.get(reverse("school:support_plan", args=[case.pk])).content.decode()

    assert stale.status_code == 409
    assert "Someone else changed this record" in stale.content.decode()
    assert "Feel safe." in page
    assert AuditEntry.objects.filter(action="view", object_type="school.educationsupportplan").exists()


def test_family_contacts_are_logged_on_the_plan(cast, case):
    client = client_for(cast.caseworker)
    add = reverse("school:engagement_add", args=[case.pk])
    before = client.get(add)
    EducationSupportPlan.objects.create(case=case, goals="Feel safe.", review_on=timezone.localdate())

    client.post(
        add,
        {
            "occurred_on": str(timezone.localdate()),
            "contact_with": "Grandmother",
            "method": "home_visit",
            "summary": "Agreed the morning routine.",
        },
    )
    api = api_client(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/school/support-plan/contacts",
        {"contact_with": "Mother", "method": "phone", "summary": "Update on the week."},
        content_type="application/json",
    )
    plan = api_client(cast.caseworker).get(f"/api/v1/cases/{case.pk}/school/support-plan").json()

    assert before.status_code == 302  # no plan yet: sent to write one first
    assert api.status_code == 201
    assert {entry["contact_with"] for entry in plan["family_engagement"]} == {"Grandmother", "Mother"}
    assert FamilyEngagement.objects.count() == 2


# Timeline and caseload ----------------------------------------------------------------------


def test_the_timeline_shows_enrolment_incidents_alerts_and_the_plan(cast, case):
    student = enrolled(case)
    BehaviourIncident.objects.create(
        case=case, student=student, kind="fighting", description="Fight at break."
    )
    EducationSupportPlan.objects.create(case=case, goals="Calm at break.", review_on=timezone.localdate())

    titles = [event.title for event in timeline.timeline_events(user=cast.caseworker, person=case.person)]

    assert f"Enrolled at {student.school}, grade 7" in titles
    assert "School incident: Fighting" in titles
    assert "Education support plan written" in titles
