"""The partnerships API: agreements, referral counts with suppression, and incoming referrals."""

from __future__ import annotations

import pytest
from django.test import Client

from tapestry.access.tokens import token_create
from tapestry.mezzo.partners.models import IncomingReferral, Partnership
from tapestry.mezzo.partners.tests.helpers import case_of, partnership, received, sent_referrals
from tapestry.programs.models import Program
from tapestry.testing import OrganisationFactory

pytestmark = pytest.mark.django_db

JSON = "application/json"


def api(user) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_create_then_refuse_a_second_live_agreement_of_the_type(cast):
    organisation = OrganisationFactory(name="Northside Family Services")
    program = Program.objects.create(name="Families First")
    client = api(cast["program_manager"])
    body = {"organisation_id": organisation.pk, "agreement_type": "referral", "program_ids": [program.pk]}

    created = client.post("/api/v1/partnerships", body, content_type=JSON)
    refused = client.post("/api/v1/partnerships", body, content_type=JSON)

    assert created.status_code == 201
    assert created.json()["programs"] == [{"id": program.pk, "name": "Families First"}]
    assert created.json()["status"] == "active" and created.json()["version"] == 1
    assert refused.status_code == 400
    assert "already has a referral agreement" in refused.json()["errors"]["agreement_type"][0]


def test_unknown_ids_and_fields_are_clear_errors(cast):
    client = api(cast["program_manager"])

    missing = client.post(
        "/api/v1/partnerships", {"organisation_id": 999999, "agreement_type": "mou"}, content_type=JSON
    )
    typo = client.post(
        "/api/v1/partnerships",
        {"organisation_id": 1, "agreement_type": "mou", "note": "x"},
        content_type=JSON,
    )

    assert missing.status_code == 400
    assert missing.json()["errors"] == {"organisation_id": ["No organisation with this number."]}
    assert typo.status_code == 422


def test_list_filters_and_patch_with_versions(cast):
    agreement = partnership(OrganisationFactory(name="Legal Aid of Demo County"))
    partnership(status="ended")
    client = api(cast["program_manager"])

    listed = client.get("/api/v1/partnerships?status=active").json()
    patched = client.patch(
        f"/api/v1/partnerships/{agreement.pk}", {"version": 1, "status": "suspended"}, content_type=JSON
    )
    stale = client.patch(
        f"/api/v1/partnerships/{agreement.pk}", {"version": 1, "notes": "x"}, content_type=JSON
    )

    assert [item["id"] for item in listed["items"]] == [agreement.pk]
    assert patched.status_code == 200 and patched.json()["status_label"] == "Suspended"
    assert patched.json()["version"] == 2
    assert stale.status_code == 409


def test_referral_counts_have_null_and_a_flag_for_suppressed_cells(cast):
    organisation = OrganisationFactory()
    agreement = partnership(organisation)
    case = case_of(cast.caseworker)
    sent_referrals(organisation, case, 3, status="accepted")
    sent_referrals(organisation, case, 20, status="sent")
    received(agreement, case, 2)

    body = api(cast["evaluator"]).get(f"/api/v1/partnerships/{agreement.pk}/referrals").json()

    statuses = {cell["label"]: cell for cell in body["by_status"]}
    assert statuses["Accepted"] == {"label": "Accepted", "count": None, "suppressed": True}
    assert body["sent_total"]["count"] == 23
    assert body["suppressed"] is True and body["threshold"] == 11
    assert body["received_in_months"] == {"label": "Total", "count": None, "suppressed": True}
    assert len(body["by_month"]) == 12


def test_incoming_referrals_need_a_case_the_caller_may_change(cast):
    agreement = partnership()
    mine, theirs = case_of(cast.caseworker), case_of(cast.outsider)
    client = api(cast.caseworker)
    url = f"/api/v1/partnerships/{agreement.pk}/incoming-referrals"

    created = client.post(
        url, {"case_id": mine.pk, "reason": "Please help", "need": "food-insecurity"}, content_type=JSON
    )
    refused = client.post(url, {"case_id": theirs.pk, "reason": "Please help"}, content_type=JSON)
    bad_need = client.post(url, {"case_id": mine.pk, "reason": "x", "need": "nonsense"}, content_type=JSON)
    unknown = client.post(url, {"case_id": theirs.pk + 1000, "reason": "x"}, content_type=JSON)

    assert created.status_code == 201 and created.json()["need"] == "food-insecurity"
    assert refused.status_code == 403
    assert bad_need.status_code == 400 and "need" in bad_need.json()["errors"]
    # The same answers as every case route: no such case is a 404 with a plain message.
    assert unknown.status_code == 404 and unknown.json()["detail"] == "No case with this number."
    assert IncomingReferral.objects.count() == 1


def test_program_managers_may_not_record_incoming_referrals(cast):
    agreement = partnership()

    response = api(cast["program_manager"]).post(
        f"/api/v1/partnerships/{agreement.pk}/incoming-referrals",
        {"case_id": case_of(cast.caseworker).pk, "reason": "x"},
        content_type=JSON,
    )

    assert response.status_code == 403
    assert Partnership.objects.count() == 1
