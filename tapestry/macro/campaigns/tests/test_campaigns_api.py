"""The campaigns API: start and change, parts, petitions with signatures, outreach, clear errors."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from tapestry.access.tokens import token_create
from tapestry.macro.campaigns.models import Campaign, Signature, Supporter
from tapestry.macro.campaigns.tests.helpers import campaign_with
from tapestry.macro.coalitions.tests.helpers import coalition_with

pytestmark = pytest.mark.django_db

JSON = "application/json"


def today():
    """Read when used, not when the module is imported: a run that passes midnight sees one day."""
    return timezone.localdate().isoformat()


def api(user) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_start_a_campaign_run_by_a_coalition_and_close_it(cast):
    client = api(cast["community_organiser"])
    coalition = coalition_with(1)

    started = client.post(
        "/api/v1/campaigns",
        {
            "title": "Right to Counsel",
            "kind": "legislative_lobbying",
            "goals": "An ordinance.",
            "coalition_id": coalition.pk,
        },
        content_type=JSON,
    )
    campaign_id = started.json()["id"]
    silent = client.patch(
        f"/api/v1/campaigns/{campaign_id}", {"version": 1, "status": "won"}, content_type=JSON
    )
    won = client.patch(
        f"/api/v1/campaigns/{campaign_id}",
        {"version": 1, "status": "won", "outcome": "Passed 7-2."},
        content_type=JSON,
    )
    seen = api(cast["evaluator"]).get(f"/api/v1/coalitions/{coalition.pk}")

    assert started.status_code == 201 and started.json()["coalition_id"] == coalition.pk
    assert silent.status_code == 400 and "outcome" in silent.json()["errors"]
    assert won.status_code == 200 and won.json()["status"] == "won" and won.json()["version"] == 2
    assert seen.json()["campaign_ids"] == [campaign_id]


def test_unknown_numbers_are_errors_on_their_field(cast):
    client = api(cast["community_organiser"])
    body = {"title": "A", "kind": "social_justice", "goals": "B"}

    coalition = client.post("/api/v1/campaigns", {**body, "coalition_id": 999999}, content_type=JSON)
    partners = client.post("/api/v1/campaigns", {**body, "partner_ids": [999999]}, content_type=JSON)
    kind = client.post("/api/v1/campaigns", {**body, "kind": "protest"}, content_type=JSON)

    assert coalition.status_code in (400, 422) and "coalition_id" in coalition.json()["errors"]
    assert partners.status_code in (400, 422) and "999999" in partners.json()["errors"]["partner_ids"][0]
    assert kind.status_code == 422
    assert not Campaign.objects.exists()


def test_outreach_and_petitions_name_only_this_campaigns_targets(cast):
    client = api(cast["community_organiser"])
    campaign = campaign_with(1)
    foreign = campaign_with(1, title="Other").targets.get()
    target = campaign.targets.get()

    wrong = client.post(
        f"/api/v1/campaigns/{campaign.pk}/outreaches",
        {"target_id": foreign.pk, "type": "phone"},
        content_type=JSON,
    )
    logged = client.post(
        f"/api/v1/campaigns/{campaign.pk}/outreaches",
        {"target_id": target.pk, "type": "email", "subject": "Please vote yes"},
        content_type=JSON,
    )
    petition = client.post(
        f"/api/v1/campaigns/{campaign.pk}/petitions",
        {"title": "Vote yes", "petition_text": "Please.", "target_id": target.pk},
        content_type=JSON,
    )
    detail = api(cast["evaluator"]).get(f"/api/v1/campaigns/{campaign.pk}")

    assert wrong.status_code in (400, 422) and "target_id" in wrong.json()["errors"]
    assert logged.status_code == 201 and petition.status_code == 201
    assert detail.json()["targets"][0]["total_outreaches"] == 2


def test_signatures_for_new_and_known_supporters(cast):
    client = api(cast["community_organiser"])
    petition = campaign_with(0).petitions.get()
    url = f"/api/v1/campaign-petitions/{petition.pk}/signatures"

    both = client.post(url, {"supporter_id": 1, "supporter": {"given_name": "A"}}, content_type=JSON)
    new = client.post(
        url, {"supporter": {"given_name": "Ines", "email": "ines@example.org"}}, content_type=JSON
    )
    bad_email = client.post(
        url, {"supporter": {"given_name": "Hugo", "email": "not-an-email"}}, content_type=JSON
    )
    again = client.post(url, {"supporter_id": new.json()["supporter"]["id"]}, content_type=JSON)
    listed = client.get(url)
    reader = api(cast["evaluator"]).get(url)

    assert both.status_code == 400
    assert new.status_code == 201 and new.json()["supporter"]["given_name"] == "Ines"
    assert bad_email.status_code in (400, 422) and "email" in bad_email.json()["errors"]
    assert again.status_code == 400 and "already signed" in again.json()["errors"]["supporter"][0]
    assert [row["supporter"]["email"] for row in listed.json()["items"]] == ["ines@example.org"]
    assert reader.status_code == 403
    assert Supporter.objects.count() == 1 and Signature.objects.count() == 1


def test_supporters_are_found_by_email_and_only_by_policy_work(cast):
    client = api(cast["community_organiser"])
    made = client.post(
        "/api/v1/campaign-supporters", {"given_name": "Mei", "email": "mei@example.org"}, content_type=JSON
    )

    found = client.get("/api/v1/campaign-supporters?q=MEI@example.org")
    refused = api(cast["supervisor"]).get("/api/v1/campaign-supporters")

    assert made.status_code == 201
    assert [row["id"] for row in found.json()["items"]] == [made.json()["id"]]
    assert refused.status_code == 403


def test_a_milestone_is_marked_reached(cast):
    milestone = campaign_with(1).milestones.get()
    client = api(cast["community_organiser"])

    reached = client.post(f"/api/v1/campaign-milestones/{milestone.pk}/reached")
    again = client.post(f"/api/v1/campaign-milestones/{milestone.pk}/reached")

    assert reached.status_code == 200 and reached.json()["reached_on"] == today()
    assert again.status_code == 400
