"""Releases of substance-use records under 42 CFR Part 2 as amended in 2024 (89 FR 12472): only the
parts the consent names go, a described recipient never authorises a release, the single TPO
consent, SUD counselling notes under their own consent, and the 2.32 notice and consent scope
with every release."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import Consent
from tapestry.micro.treatment.models import Release
from tapestry.micro.treatment.tests.support import (
    api_client,
    checkin_for,
    clinic,
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
    note_for(case, cast.caseworker, text="Team note: two dry days.")
    note_for(
        case, cast.caseworker, text="Counselling session: spoke about the break-up.", counselling_note=True
    )
    return case


def release(user, case, recipient, *, purpose="treatment", parts=("treatment_plan",)):
    return api_client(user).post(
        f"/api/v1/cases/{case.pk}/releases",
        {"recipient_id": recipient.pk, "purpose": purpose, "parts": list(parts)},
        content_type="application/json",
    )


def test_a_treatment_plan_only_consent_does_not_release_team_notes_or_medication(cast, case):
    harbourview = clinic()
    written_consent(case.person, harbourview, record_parts=["treatment_plan"])

    refused = release(
        cast.caseworker, case, harbourview, parts=["treatment_plan", "team_notes", "medication"]
    )
    allowed = release(cast.caseworker, case, harbourview, parts=["treatment_plan"])

    assert refused.status_code == 403
    reason = refused.json()["errors"]["consent"][0]
    assert "covers Treatment plan, with the working diagnosis only" in reason
    assert "Medication check-ins" in reason and "Team (progress) notes" in reason
    assert allowed.status_code == 201
    assert set(allowed.json()["content"]) == {"person", "case", "treatment_plan"}


def test_a_consent_naming_only_a_described_recipient_is_refused_telling_the_worker_why(cast, case):
    harbourview = clinic()
    # As a consent recorded before the rule would stand: every element but a named recipient.
    written_consent(case.person, None, recipient_description="Harbourview, the clinic on Quay Street")

    response = release(cast.caseworker, case, harbourview)

    assert response.status_code == 403
    reason = response.json()["errors"]["consent"][0]
    assert "names “Harbourview, the clinic on Quay Street” in words only" in reason
    assert "can never authorise one" in reason
    assert not Release.objects.exists()


def test_the_notice_says_the_records_may_not_be_used_in_proceedings_against_the_patient(cast, case):
    harbourview = clinic()
    written_consent(case.person, harbourview)

    notice = release(cast.caseworker, case, harbourview).json()["redisclosure_notice"]

    assert "civil, criminal, administrative or legislative proceeding" in notice
    assert "against the patient" in notice
    assert notice.startswith("42 CFR part 2 prohibits unauthorized use or disclosure of these records.")


def test_each_release_carries_the_scope_of_its_consent(cast, case):
    harbourview = clinic()
    written_consent(case.person, harbourview, expiry_event="End of treatment")

    body = release(cast.caseworker, case, harbourview).json()
    page = (
        client_for(cast.caseworker)
        .get(reverse("treatment:release_detail", args=[body["id"]]))
        .content.decode()
    )

    explanation = body["consent_explanation"]
    assert f"written consent of {case.person.display_name}" in explanation
    assert "to Harbourview Recovery Clinic, for treatment" in explanation
    assert "End of treatment" in explanation
    assert "The consent this disclosure is made under" in page
    assert "to Harbourview Recovery Clinic, for treatment" in page


def test_the_single_tpo_consent_covers_future_treatment_releases_to_a_described_recipient(cast, case):
    written_consent(
        case.person,
        None,
        purpose=Consent.Purpose.TPO,
        recipient_description="My treating providers, health plans and people helping to run this program",
        hipaa_redisclosure_statement=True,
        expires_on=None,
        expiry_event="none",
    )

    for_treatment = release(cast.caseworker, case, clinic(), purpose="treatment")
    for_payment = release(cast.caseworker, case, clinic("Riverton Health Plan"), purpose="payment")
    for_legal = release(cast.caseworker, case, clinic("County Court"), purpose="legal")

    assert (for_treatment.status_code, for_payment.status_code, for_legal.status_code) == (201, 201, 403)


def test_counselling_notes_go_only_under_their_own_consent_and_on_their_own(cast, case):
    harbourview = clinic()
    written_consent(case.person, harbourview)  # plan, medication, team notes

    general = release(cast.caseworker, case, harbourview, parts=["counselling_notes"])
    mixed = release(cast.caseworker, case, harbourview, parts=["team_notes", "counselling_notes"])
    written_consent(case.person, harbourview, record_parts=["counselling_notes"])
    own = release(cast.caseworker, case, harbourview, parts=["counselling_notes"])
    team = release(cast.caseworker, case, harbourview, parts=["team_notes"])

    assert general.status_code == 403
    assert mixed.status_code == 400 and "2.31(b)" in mixed.json()["errors"]["parts"][0]
    assert own.status_code == 201
    assert [n["text"] for n in own.json()["content"]["counselling_notes"]] == [
        "Counselling session: spoke about the break-up."
    ]
    # Team notes never carry the counselling notes kept apart.
    assert [n["text"] for n in team.json()["content"]["team_notes"]] == ["Team note: two dry days."]
