"""Substance-use records leave only under the client's written consent naming the recipient, and
every release carries the redisclosure notice and is audited as an export (42 CFR Part 2)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import AuditEntry, Consent
from tapestry.micro.treatment.disclosure import REDISCLOSURE_NOTICE
from tapestry.micro.treatment.models import Release
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
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(cast):
    case = substance_use_case(cast.caseworker)
    plan_for(case)
    checkin_for(case)
    note_for(case, cast.caseworker, text="Reports two dry days this week.")
    return case


@pytest.fixture
def harbourview():
    return clinic()


def release(user, case, recipient, *, purpose="treatment", parts=("treatment_plan",)):
    return api_client(user).post(
        f"/api/v1/cases/{case.pk}/releases",
        {"recipient_id": recipient.pk, "purpose": purpose, "parts": list(parts)},
        content_type="application/json",
    )


def consent_link(case) -> str:
    return reverse("people:consent_add", args=[case.person_id])


def test_without_any_consent_the_release_is_refused_saying_what_is_missing(cast, case, harbourview):
    response = release(cast.caseworker, case, harbourview)

    assert response.status_code == 403
    body = response.json()
    assert body["errors"]["consent"] == [
        f"There is no written consent on file from {case.person.display_name} for substance-use records "
        f"to go to {harbourview} for treatment."
    ]
    assert body["consent_add_url"] == consent_link(case)
    assert consent_link(case) in body["detail"]
    assert not Release.objects.exists()
    assert not AuditEntry.objects.filter(action="export").exists()


def test_with_written_consent_naming_the_recipient_it_is_released_with_the_notice(cast, case, harbourview):
    consent = written_consent(case.person, harbourview)

    response = release(
        cast.caseworker, case, harbourview, parts=["treatment_plan", "medication", "team_notes"]
    )

    assert response.status_code == 201
    body = response.json()
    assert body["redisclosure_notice"] == REDISCLOSURE_NOTICE
    assert "42 CFR Part 2" in body["redisclosure_notice"]
    assert "written consent" in body["redisclosure_notice"]
    assert body["consent_id"] == consent.pk
    assert body["content"]["treatment_plan"]["diagnosis"] == "Alcohol use disorder, moderate"
    assert body["content"]["team_notes"][0]["text"] == "Reports two dry days this week."
    assert body["disclosure_page"] == reverse("treatment:release_detail", args=[body["id"]])


def test_an_allowed_release_is_audited_as_an_export(cast, case, harbourview):
    written_consent(case.person, harbourview)

    made = Release.objects.get(pk=release(cast.caseworker, case, harbourview).json()["id"])

    entry = AuditEntry.objects.get(action="export")
    assert (entry.object_type, entry.object_id, entry.person_id) == (
        "treatment.release",
        str(made.pk),
        case.person_id,
    )
    assert entry.fields == ["treatment_plan"]
    assert str(harbourview) in entry.purpose


def test_a_consent_naming_another_organisation_does_not_count(cast, case, harbourview):
    written_consent(case.person, clinic("Eastfield Mental Health Services"))

    response = release(cast.caseworker, case, harbourview)

    assert response.status_code == 403
    reason = response.json()["errors"]["consent"][0]
    assert "name Eastfield Mental Health Services, not Harbourview Recovery Clinic" in reason
    assert not Release.objects.exists()


def test_a_revoked_consent_does_not_count(cast, case, harbourview):
    consent = written_consent(case.person, harbourview)
    client_for(cast.caseworker).post(reverse("people:consent_revoke", args=[consent.pk]))

    response = release(cast.caseworker, case, harbourview)

    assert response.status_code == 403
    assert f"was revoked on {timezone.localdate():%Y-%m-%d}" in response.json()["errors"]["consent"][0]


def test_an_expired_consent_does_not_count(cast, case, harbourview):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    written_consent(case.person, harbourview, expires_on=yesterday)

    response = release(cast.caseworker, case, harbourview)

    assert response.status_code == 403
    assert f"expired on {yesterday:%Y-%m-%d}" in response.json()["errors"]["consent"][0]


def test_a_consent_for_another_purpose_does_not_count(cast, case, harbourview):
    written_consent(case.person, harbourview, purpose=Consent.Purpose.CARE_COORDINATION)

    response = release(cast.caseworker, case, harbourview, purpose="treatment")

    assert response.status_code == 403
    assert "covers care coordination only" in response.json()["errors"]["consent"][0]


def test_a_general_consent_is_not_a_substance_use_consent(cast, case, harbourview):
    written_consent(case.person, harbourview, segment="")

    assert release(cast.caseworker, case, harbourview).status_code == 403


def test_only_substance_use_cases_release_here(cast, harbourview):
    general = mental_health_case(cast.caseworker)
    plan_for(general)
    written_consent(general.person, harbourview)

    response = release(cast.caseworker, general, harbourview)

    assert response.status_code == 400
    assert "not in that segment" in response.json()["errors"]["case"][0]


def test_a_worker_without_the_substance_use_grant_cannot_release(cast, case, harbourview):
    written_consent(case.person, harbourview)

    response = release(cast.teammate, case, harbourview)

    assert response.status_code == 403
    assert not Release.objects.exists()


def test_a_part_with_nothing_in_it_is_refused(cast, harbourview):
    empty = substance_use_case(cast.caseworker)
    written_consent(empty.person, harbourview)

    response = release(cast.caseworker, empty, harbourview, parts=["medication"])

    assert response.status_code == 400
    assert response.json()["errors"]["parts"] == ["This case has no medication check-ins to release."]


def test_the_form_refuses_with_a_link_to_record_the_consent(cast, case, harbourview):
    response = client_for(cast.caseworker).post(
        reverse("treatment:release_add", args=[case.pk]),
        {"recipient": harbourview.pk, "purpose": "treatment", "parts": ["treatment_plan"]},
    )

    page = response.content.decode()
    assert response.status_code == 403
    assert "Not released." in page
    assert f'href="{consent_link(case)}"' in page
    assert "There is no written consent on file" in page


def test_the_form_releases_and_shows_the_printable_disclosure_with_the_notice(cast, case, harbourview):
    written_consent(case.person, harbourview)

    response = client_for(cast.caseworker).post(
        reverse("treatment:release_add", args=[case.pk]),
        {"recipient": harbourview.pk, "purpose": "treatment", "parts": ["treatment_plan", "medication"]},
        follow=True,
    )

    page = response.content.decode()
    made = Release.objects.get()
    assert response.redirect_chain[-1][0] == reverse("treatment:release_detail", args=[made.pk])
    assert page.count("Redisclosure notice.") == 2
    assert "Naltrexone 50 mg" in page
    assert "Signed form SU-1" in page
    assert AuditEntry.objects.filter(
        action="view", object_type="treatment.release", object_id=str(made.pk)
    ).exists()


def test_every_release_carries_the_notice(cast, case, harbourview):
    written_consent(case.person, harbourview)
    written_consent(case.person, harbourview, purpose=Consent.Purpose.CARE_COORDINATION)
    release(cast.caseworker, case, harbourview)
    release(cast.caseworker, case, harbourview, purpose="care_coordination", parts=["team_notes"])

    listed = api_client(cast.caseworker).get(f"/api/v1/cases/{case.pk}/releases").json()["items"]

    assert len(listed) == 2
    assert {item["redisclosure_notice"] for item in listed} == {REDISCLOSURE_NOTICE}
    for made in Release.objects.all():
        page = (
            client_for(cast.caseworker)
            .get(reverse("treatment:release_detail", args=[made.pk]))
            .content.decode()
        )
        assert REDISCLOSURE_NOTICE.split(":")[1].strip()[:60] in page


def test_what_was_released_stays_as_it_was(cast, case, harbourview):
    written_consent(case.person, harbourview)
    made_id = release(cast.caseworker, case, harbourview).json()["id"]

    plan = case.treatment_plan
    plan.diagnosis = "Changed later"
    plan.save()

    page = (
        client_for(cast.caseworker).get(reverse("treatment:release_detail", args=[made_id])).content.decode()
    )
    assert "Alcohol use disorder, moderate" in page
    assert "Changed later" not in page
