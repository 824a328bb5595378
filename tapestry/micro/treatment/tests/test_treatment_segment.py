"""Treatment records take their case's segment: mental health is general, substance use needs its grant."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access import policy
from tapestry.access.models import Segment
from tapestry.micro.treatment import caseload, timeline
from tapestry.micro.treatment.models import MedicationCheckin, Release, TeamNote, TreatmentPlan
from tapestry.micro.treatment.services import release_make
from tapestry.micro.treatment.tests.support import (
    api_client,
    checkin_for,
    clinic,
    mental_health_case,
    note_for,
    plan_for,
    substance_use_case,
    written_consent,
)
from tapestry.testing import client_for, grant

pytestmark = pytest.mark.django_db

MODELS = (TreatmentPlan, MedicationCheckin, TeamNote, Release)


@pytest.fixture
def su_case(cast):
    case = substance_use_case(cast.caseworker)
    plan_for(case, review_on=timezone.localdate() + dt.timedelta(days=3))
    checkin_for(case, adherence="stopped")
    note_for(case, cast.caseworker, text="Relapsed at the weekend.")
    recipient = clinic()
    written_consent(case.person, recipient)
    release_make(
        actor=cast.caseworker, case=case, recipient=recipient, purpose="treatment", parts=["treatment_plan"]
    )
    return case


def test_every_treatment_model_inherits_the_case_segment(su_case):
    for model in MODELS:
        link = policy.PERSON_LEVEL[model._meta.label_lower]
        assert link.segment_field == "case__segment", model
        assert set(model.objects.values_list(link.segment_field, flat=True)) == {Segment.SUBSTANCE_USE}


def test_a_teammate_without_the_grant_sees_no_substance_use_record(cast, su_case):
    assert policy.can_view_person(cast.teammate, su_case.person)
    for model in MODELS:
        assert not policy.visible(cast.teammate, model.objects.all()).exists(), model
        assert policy.visible(cast.caseworker, model.objects.all()).exists(), model


@pytest.mark.parametrize("name", ["treatment:case_index", "treatment:plan_edit", "treatment:release_add"])
def test_pages_refuse_a_worker_without_the_grant(cast, su_case, name):
    url = reverse(name, args=[su_case.pk])

    refused = client_for(cast.teammate).get(url)
    grant(cast.teammate, Segment.SUBSTANCE_USE)
    allowed = client_for(cast.teammate).get(url)

    assert refused.status_code == 403
    assert b"Relapsed" not in refused.content
    assert allowed.status_code == 200


def test_the_release_page_and_the_api_refuse_a_worker_without_the_grant(cast, su_case):
    made = Release.objects.get()
    client = api_client(cast.teammate)

    assert (
        client_for(cast.teammate).get(reverse("treatment:release_detail", args=[made.pk])).status_code == 403
    )
    for path in ("treatment-plan", "medication-checkins", "team-notes", "releases"):
        response = client.get(f"/api/v1/cases/{su_case.pk}/{path}")
        assert response.status_code == 403, path
        assert "segment" in response.json()["detail"]


def test_mental_health_records_are_general(cast):
    case = mental_health_case(cast.caseworker)
    plan_for(case, diagnosis="Moderate depressive episode")

    response = client_for(cast.teammate).get(reverse("treatment:case_index", args=[case.pk]))

    assert response.status_code == 200
    assert "Moderate depressive episode" in response.content.decode()


def test_timeline_and_caseload_hold_no_substance_use_record_without_the_grant(cast, su_case):
    su_case.worker = cast.teammate
    su_case.save()

    assert timeline.timeline_events(user=cast.teammate, person=su_case.person) == []
    assert caseload.caseload_alerts(user=cast.teammate) == []
    grant(cast.teammate, Segment.SUBSTANCE_USE)
    assert {alert.kind for alert in caseload.caseload_alerts(user=cast.teammate)} == {
        "upcoming_review",
        "risk_flag",
    }
