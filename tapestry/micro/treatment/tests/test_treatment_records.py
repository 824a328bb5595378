"""Treatment plans (versioned), medication adherence check-ins and multidisciplinary team notes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import AuditEntry
from tapestry.micro.treatment import caseload, timeline
from tapestry.micro.treatment.models import MedicationCheckin, TeamNote, TreatmentPlan
from tapestry.micro.treatment.tests.support import (
    api_client,
    checkin_for,
    mental_health_case,
    note_for,
    plan_for,
)
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(cast):
    return mental_health_case(cast.caseworker)


def plan_body(version: int, **changes: object) -> dict:
    return {
        "version": version,
        "diagnosis": "Generalised anxiety, with panic attacks on buses",
        "problems": "Cannot travel to work",
        "goals": "Travels to work by bus three days a week",
        "interventions": "Graded exposure; CBT",
        "frequency": "Weekly",
        "review_on": "2027-01-15",
        **changes,
    }


# Treatment plans ----------------------------------------------------------------------------


def test_the_plan_is_written_then_changed_with_the_version_read(cast, case):
    client = api_client(cast.caseworker)
    path = f"/api/v1/cases/{case.pk}/treatment-plan"

    missing = client.get(path)
    created = client.put(path, plan_body(0), content_type="application/json")
    changed = client.put(path, plan_body(1, frequency="Fortnightly"), content_type="application/json")
    stale = client.put(path, plan_body(1, frequency="Monthly"), content_type="application/json")
    read = client.get(path)

    assert missing.status_code == 404
    assert missing.json()["detail"] == "This case has no treatment plan yet."
    assert created.status_code == 200
    assert created.json()["diagnosis"] == "Generalised anxiety, with panic attacks on buses"
    assert changed.json()["version"] == 2
    assert stale.status_code == 409
    assert stale.json()["errors"]["version"] == ["The current version is 2."]
    assert read.json()["frequency"] == "Fortnightly"
    assert AuditEntry.objects.filter(action="view", object_type="treatment.treatmentplan").exists()


def test_a_plan_needs_its_parts(cast, case):
    response = api_client(cast.caseworker).put(
        f"/api/v1/cases/{case.pk}/treatment-plan", plan_body(0, goals="  "), content_type="application/json"
    )

    assert response.status_code == 422
    assert "goals" in response.json()["errors"]
    assert not TreatmentPlan.objects.exists()


def test_the_plan_page_writes_the_plan_and_refuses_a_stale_edit(cast, case):
    client = client_for(cast.caseworker)
    edit = reverse("treatment:plan_edit", args=[case.pk])
    form = {**plan_body(0), "review_on": "2027-01-15"}

    created = client.post(edit, form)
    stale = client.post(edit, {**form, "goals": "Someone else's goals"})
    page = client.get(reverse("treatment:case_index", args=[case.pk])).content.decode()

    assert created.status_code == 302
    assert stale.status_code == 409
    assert "Someone else changed this record" in stale.content.decode()
    assert "Graded exposure; CBT" in page


def test_the_plan_form_shows_errors_by_the_field(cast, case):
    response = client_for(cast.caseworker).post(
        reverse("treatment:plan_edit", args=[case.pk]), {**plan_body(0), "diagnosis": "", "review_on": "soon"}
    )

    errors = response.context["form"].errors
    assert response.status_code == 200
    assert set(errors) == {"diagnosis", "review_on"}


# Medication check-ins -----------------------------------------------------------------------


def test_a_check_in_is_recorded_and_listed_newest_first(cast, case):
    client = api_client(cast.caseworker)
    path = f"/api/v1/cases/{case.pk}/medication-checkins"
    today = timezone.localdate()

    client.post(
        path,
        {
            "medication": "Sertraline 50 mg",
            "adherence": "as_prescribed",
            "checked_on": str(today - dt.timedelta(days=7)),
        },
        content_type="application/json",
    )
    created = client.post(
        path,
        {
            "medication": "Sertraline 50 mg",
            "prescribed_by": "Dr. Ortega",
            "adherence": "missed_some",
            "side_effects": "Nausea",
        },
        content_type="application/json",
    )
    listed = client.get(path).json()

    assert created.status_code == 201
    assert created.json()["adherence_label"] == "Missed some doses"
    assert [item["adherence"] for item in listed["items"]] == ["missed_some", "as_prescribed"]


def test_a_check_in_cannot_be_in_the_future(cast, case):
    response = client_for(cast.caseworker).post(
        reverse("treatment:checkin_add", args=[case.pk]),
        {
            "checked_on": str(timezone.localdate() + dt.timedelta(days=1)),
            "medication": "Lithium",
            "adherence": "as_prescribed",
        },
    )

    assert response.context["form"].errors["checked_on"] == ["A check-in cannot be in the future."]
    assert not MedicationCheckin.objects.exists()


def test_only_the_latest_check_in_of_a_medication_flags_a_risk(cast, case):
    today = timezone.localdate()
    checkin_for(case, medication="Sertraline", adherence="stopped", checked_on=today - dt.timedelta(days=6))
    checkin_for(
        case, medication="Quetiapine", adherence="missed_most", checked_on=today - dt.timedelta(days=2)
    )
    checkin_for(
        case, medication="sertraline", adherence="as_prescribed", checked_on=today - dt.timedelta(days=1)
    )

    flags = [a for a in caseload.caseload_alerts(user=cast.caseworker) if a.kind == "risk_flag"]

    assert [flag.title for flag in flags] == ["Quetiapine: missed most doses"]
    assert flags[0].person_name == case.person.display_name


def test_a_plan_review_coming_up_shows_on_the_caseload(cast, case):
    plan_for(case, review_on=timezone.localdate() + dt.timedelta(days=7))
    later = mental_health_case(cast.caseworker)
    plan_for(later, review_on=timezone.localdate() + dt.timedelta(days=60))

    reviews = [a for a in caseload.caseload_alerts(user=cast.caseworker) if a.kind == "upcoming_review"]

    assert [(r.title, r.case_id) for r in reviews] == [("Treatment plan review", case.pk)]


# Team notes ---------------------------------------------------------------------------------


def test_team_notes_come_from_several_disciplines_and_name_their_author(cast, case):
    client = api_client(cast.caseworker)
    path = f"/api/v1/cases/{case.pk}/team-notes"

    for discipline in ("psychiatry", "peer_support", "primary_care"):
        client.post(
            path,
            {"discipline": discipline, "text": f"Note from {discipline}."},
            content_type="application/json",
        )
    listed = client.get(path).json()["items"]

    assert {item["discipline_label"] for item in listed} == {"Psychiatry", "Peer support", "Primary care"}
    assert {item["author"] for item in listed} == {cast.caseworker.get_full_name()}
    assert TeamNote.objects.filter(author=cast.caseworker).count() == 3


def test_a_team_note_needs_a_known_discipline_and_text(cast, case):
    response = api_client(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/team-notes",
        {"discipline": "astrology", "text": ""},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"discipline", "text"}


def test_the_team_note_form_adds_a_note(cast, case):
    client = client_for(cast.caseworker)

    client.post(
        reverse("treatment:team_note_add", args=[case.pk]),
        {
            "discipline": "psychology",
            "written_on": str(timezone.localdate()),
            "text": "Started graded exposure.",
        },
    )
    page = client.get(reverse("treatment:case_index", args=[case.pk])).content.decode()

    assert "Psychology" in page
    assert "Started graded exposure." in page


def test_nothing_is_added_to_a_closed_case(cast, case):
    case.status, case.closing_reason = "closed", "goals_met"
    case.save()

    response = api_client(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/team-notes",
        {"discipline": "nursing", "text": "Late note."},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "closed" in response.json()["errors"]["case"][0]


# Timeline -----------------------------------------------------------------------------------


def test_the_timeline_shows_plan_check_ins_and_notes(cast, case):
    plan_for(case)
    checkin_for(case, medication="Sertraline 50 mg")
    note_for(case, cast.caseworker, discipline="psychiatry")

    titles = {event.title for event in timeline.timeline_events(user=cast.caseworker, person=case.person)}

    assert titles == {
        "Treatment plan written",
        "Medication check-in: Sertraline 50 mg",
        "Team note (psychiatry)",
    }
