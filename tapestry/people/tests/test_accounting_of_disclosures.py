"""A person's accounting of disclosures (42 CFR 2.24, 2.25): every release of their records, printable."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.micro.referrals import services as referral_services
from tapestry.micro.referrals.tests.helpers import a_case, consent, recipient, record
from tapestry.micro.treatment.tests.support import (
    api_client,
    clinic,
    plan_for,
    substance_use_case,
    written_consent,
)
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_every_release_and_sent_referral_is_listed_on_a_printable_page_and_in_the_api(cast):
    case = substance_use_case(cast.caseworker)
    plan_for(case)
    harbourview = clinic()
    written_consent(case.person, harbourview)
    api_client(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/releases",
        {"recipient_id": harbourview.pk, "purpose": "treatment", "parts": ["treatment_plan"]},
        content_type="application/json",
    )
    general = a_case(cast.caseworker, person=case.person)
    consent(case.person, to=recipient())
    referral = record(cast.caseworker, general)
    referral_services.referral_send(actor=cast.caseworker, referral=referral, version=referral.version)

    page = client_for(cast.caseworker).get(reverse("people:person_disclosures", args=[case.person_id]))
    listed = api_client(cast.caseworker).get(f"/api/v1/persons/{case.person_id}/disclosures").json()

    assert page.status_code == 200
    text = page.content.decode()
    assert "Harbourview Recovery Clinic" in text and "Harbour Recovery Collective" in text
    assert {row["recipient"] for row in listed} == {
        "Harbourview Recovery Clinic",
        "Harbour Recovery Collective",
    }
    release_row = next(row for row in listed if row["segment"] == "substance_use")
    assert release_row["parts"] == ["Treatment plan"]
    assert release_row["made_by"]
    assert AuditEntry.objects.filter(fields=["disclosures"], person_id=case.person_id).count() == 2


def test_substance_use_releases_stay_off_the_accounting_for_a_viewer_without_the_grant(cast):
    case = substance_use_case(cast.caseworker)
    plan_for(case)
    harbourview = clinic()
    written_consent(case.person, harbourview)
    api_client(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/releases",
        {"recipient_id": harbourview.pk, "purpose": "treatment", "parts": ["treatment_plan"]},
        content_type="application/json",
    )

    listed = api_client(cast.teammate).get(f"/api/v1/persons/{case.person_id}/disclosures")

    assert listed.status_code == 200
    assert listed.json() == []


def test_someone_outside_the_caseload_cannot_read_the_accounting(cast):
    case = substance_use_case(cast.caseworker)

    response = client_for(cast.outsider).get(reverse("people:person_disclosures", args=[case.person_id]))

    assert response.status_code in (403, 404)
