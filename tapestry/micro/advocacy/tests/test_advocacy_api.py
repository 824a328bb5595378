"""The advocacy API: list and log actions on a case, then change one with the version read."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from tapestry.access.models import AuditEntry, User
from tapestry.access.tokens import token_create
from tapestry.micro.advocacy.models import AdvocacyAction
from tapestry.micro.advocacy.services import advocacy_action_record
from tapestry.testing import OrganisationFactory, open_case

pytestmark = pytest.mark.django_db


def api_client(user: User) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_log_an_action_with_an_organisation_and_a_contact_name(cast):
    case = open_case(cast.caseworker)
    office = OrganisationFactory(name="Riverton Housing Authority")

    response = api_client(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/advocacy",
        {
            "organisation_id": office.pk,
            "agency": "Yusra Karim, voucher specialist",
            "issue": "housing",
            "action_taken": "Chased the voucher application.",
            "rights_information_given": True,
            "rights_information": "Right to appeal a voucher denial.",
        },
        content_type="application/json",
    )

    assert response.status_code == 201
    body = response.json()
    assert body["organisation"] == {"id": office.pk, "name": "Riverton Housing Authority"}
    assert body["agency_name"] == "Riverton Housing Authority (Yusra Karim, voucher specialist)"
    assert (body["outcome"], body["outcome_label"], body["version"]) == ("pending", "Pending", 1)
    assert body["action_date"] == timezone.localdate().isoformat()


def test_rule_breaks_are_400_by_field_and_bad_values_422(cast):
    case = open_case(cast.caseworker)
    client = api_client(cast.caseworker)

    no_agency = client.post(
        f"/api/v1/cases/{case.pk}/advocacy",
        {"issue": "legal", "action_taken": "Called.", "outcome": "resolved"},
        content_type="application/json",
    )
    bad_issue = client.post(
        f"/api/v1/cases/{case.pk}/advocacy",
        {"issue": "parking", "action_taken": "Called.", "agency": "Council"},
        content_type="application/json",
    )
    unknown_org = client.post(
        f"/api/v1/cases/{case.pk}/advocacy",
        {"issue": "legal", "action_taken": "Called.", "organisation_id": 999999},
        content_type="application/json",
    )

    assert no_agency.status_code == 400
    assert set(no_agency.json()["errors"]) == {"agency", "outcome_date"}
    assert bad_issue.status_code == 422 and "issue" in bad_issue.json()["errors"]
    assert unknown_org.json()["errors"] == {"organisation_id": ["No organisation with this number."]}
    assert not AdvocacyAction.objects.exists()


def test_patch_records_the_outcome_and_refuses_a_stale_version(cast):
    case = open_case(cast.caseworker)
    action = advocacy_action_record(
        actor=cast.caseworker, case=case, issue="benefits", action_taken="Wrote.", agency="DHS"
    )
    client = api_client(cast.caseworker)
    today = timezone.localdate().isoformat()

    changed = client.patch(
        f"/api/v1/advocacy/{action.pk}",
        {
            "version": 1,
            "outcome": "partly_resolved",
            "outcome_date": today,
            "outcome_note": "Back pay refused.",
        },
        content_type="application/json",
    )
    stale = client.patch(
        f"/api/v1/advocacy/{action.pk}", {"version": 1, "outcome": "refused"}, content_type="application/json"
    )

    assert changed.status_code == 200
    assert (changed.json()["outcome"], changed.json()["version"]) == ("partly_resolved", 2)
    assert stale.status_code == 409
    assert stale.json()["errors"] == {"version": ["The current version is 2."]}
    action.refresh_from_db()
    assert action.outcome == "partly_resolved"


def test_list_is_audited_and_outsiders_and_analysts_are_refused(cast):
    case = open_case(cast.caseworker)
    advocacy_action_record(
        actor=cast.caseworker, case=case, issue="benefits", action_taken="Wrote.", agency="DHS"
    )

    listed = api_client(cast.supervisor).get(f"/api/v1/cases/{case.pk}/advocacy?purpose=supervision")
    outsider = api_client(cast.outsider).get(f"/api/v1/cases/{case.pk}/advocacy")
    analyst = api_client(cast.by_role["evaluator"]).get(f"/api/v1/cases/{case.pk}/advocacy")

    assert listed.json()["count"] == 1
    assert (outsider.status_code, analyst.status_code) == (403, 403)
    entry = AuditEntry.objects.get(actor=cast.supervisor, action=AuditEntry.Action.VIEW)
    assert (entry.person_id, entry.purpose) == (case.person_id, "supervision")


def test_a_patch_of_a_missing_action_is_a_404(cast):
    response = api_client(cast.caseworker).patch(
        "/api/v1/advocacy/999999", {"version": 1}, content_type="application/json"
    )

    assert response.status_code == 404
