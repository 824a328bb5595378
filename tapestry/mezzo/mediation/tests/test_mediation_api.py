"""The mediation API: disputes, parties, sessions, issues, agreements and follow-up, with clear 4xx bodies."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tapestry.mezzo.mediation.models import Dispute
from tapestry.mezzo.mediation.tests.helpers import a_dispute, a_person_on, days_ago
from tapestry.testing import OrganisationFactory, PersonFactory, client_for

pytestmark = pytest.mark.django_db


def post(client, path, body):
    return client.post(path, body, content_type="application/json")


def patch(client, path, body):
    return client.patch(path, body, content_type="application/json")


def test_a_dispute_from_opening_to_follow_up(cast):
    client = client_for(cast.caseworker)
    person, organisation = (
        a_person_on(cast.caseworker),
        OrganisationFactory(name="Riverton Housing Authority"),
    )

    opened = post(
        client,
        "/api/v1/disputes",
        {
            "title": "Shared yard",
            "kind": "neighbour",
            "opened_on": str(days_ago(10)),
            "mediator_ids": [cast.caseworker.pk],
        },
    )
    dispute_id = opened.json()["id"]
    a = post(client, f"/api/v1/disputes/{dispute_id}/parties", {"person_id": person.pk})
    b = post(
        client,
        f"/api/v1/disputes/{dispute_id}/parties",
        {"organisation_id": organisation.pk, "role": "representative"},
    )
    issue = post(client, f"/api/v1/disputes/{dispute_id}/issues", {"description": "Bins in the yard"})
    session = post(
        client,
        f"/api/v1/disputes/{dispute_id}/sessions",
        {
            "held_on": str(days_ago(5)),
            "summary": "Met at the office.",
            "present_party_ids": [a.json()["id"], b.json()["id"]],
        },
    )
    agreement = post(
        client,
        f"/api/v1/disputes/{dispute_id}/agreements",
        {
            "terms": "Bins back on collection day.",
            "reached_on": str(days_ago(5)),
            "issue_ids": [issue.json()["id"]],
            "follow_up_on": str(timezone.localdate()),
        },
    )
    followed = patch(
        client,
        f"/api/v1/agreements/{agreement.json()['id']}",
        {"version": 1, "follow_up_status": "kept", "follow_up_note": "Yard is clear."},
    )
    closed = patch(
        client,
        f"/api/v1/disputes/{dispute_id}",
        {"version": 1, "status": "agreement_reached", "close_reason": "Both parties signed."},
    )
    detail = client.get(f"/api/v1/disputes/{dispute_id}").json()

    assert [r.status_code for r in (opened, a, b, issue, session, agreement)] == [201] * 6
    assert a.json()["name"] == person.display_name and b.json()["person_id"] is None
    assert session.json()["present_party_ids"] == [a.json()["id"], b.json()["id"]]
    assert followed.status_code == 200 and followed.json()["follow_up_status"] == "kept"
    assert closed.status_code == 200 and closed.json()["status"] == "agreement_reached"
    assert detail["issues"][0]["status"] == "resolved" and detail["closed_on"] == str(timezone.localdate())
    assert [p["id"] for p in detail["parties"]] == [a.json()["id"], b.json()["id"]]
    listed = client.get("/api/v1/disputes?status=closed").json()
    assert listed["count"] == 1 and listed["items"][0]["id"] == dispute_id


def test_errors_name_the_field(cast):
    client = client_for(cast.caseworker)
    dispute = a_dispute(cast.caseworker)

    manager = post(
        client,
        "/api/v1/disputes",
        {"title": "X", "kind": "family", "mediator_ids": [cast.by_role["program_manager"].pk]},
    )
    unknown = post(client, "/api/v1/disputes", {"title": "X", "kind": "family", "mediator_ids": [999999]})
    bad_kind = post(
        client, "/api/v1/disputes", {"title": "X", "kind": "feud", "mediator_ids": [cast.caseworker.pk]}
    )
    both = post(client, f"/api/v1/disputes/{dispute.pk}/parties", {"person_id": 1, "organisation_id": 1})
    stranger = post(client, f"/api/v1/disputes/{dispute.pk}/parties", {"person_id": PersonFactory().pk})
    foreign_issue = post(
        client,
        f"/api/v1/disputes/{dispute.pk}/agreements",
        {"terms": "x", "reached_on": str(days_ago(1)), "issue_ids": [424242]},
    )
    no_reason = patch(client, f"/api/v1/disputes/{dispute.pk}", {"version": 1, "status": "withdrawn"})
    stale = patch(client, f"/api/v1/disputes/{dispute.pk}", {"version": 7, "title": "New"})

    assert manager.status_code == 400 and "can mediate" in manager.json()["errors"]["mediator_ids"][0]
    assert unknown.status_code == 400 and "999999" in unknown.json()["errors"]["mediator_ids"][0]
    assert bad_kind.status_code == 422 and "kind" in bad_kind.json()["errors"]
    assert both.status_code == 400 and "exactly one" in both.json()["errors"]["person_id"][0]
    assert stranger.status_code == 400 and "person_id" in stranger.json()["errors"]
    assert foreign_issue.status_code == 400 and "issue_ids" in foreign_issue.json()["errors"]
    assert no_reason.status_code == 400 and no_reason.json()["errors"]["close_reason"]
    assert stale.status_code == 409 and stale.json()["errors"]["version"]
    assert Dispute.objects.get().status == "open"


def test_other_mediators_get_404_with_a_plain_body(cast):
    dispute = a_dispute(cast.caseworker)

    response = client_for(cast.outsider).get(f"/api/v1/disputes/{dispute.pk}")
    refused = post(client_for(cast.outsider), f"/api/v1/disputes/{dispute.pk}/issues", {"description": "x"})

    assert response.status_code == 404 and refused.status_code == 404
    assert response.json() == {
        "detail": "No dispute with this number among the disputes you mediate.",
        "errors": {},
    }
