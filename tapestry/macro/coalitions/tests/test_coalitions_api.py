"""The coalitions API: create, change with versions, members, meetings all or nothing, clear errors."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from tapestry.access.tokens import token_create
from tapestry.macro.coalitions.models import ActionItem, Coalition, Meeting
from tapestry.macro.coalitions.tests.helpers import coalition_with
from tapestry.needs.models import Need
from tapestry.testing import OrganisationFactory

pytestmark = pytest.mark.django_db

JSON = "application/json"


def today():
    """Read when used, not when the module is imported: a run that passes midnight sees one day."""
    return timezone.localdate().isoformat()


def api(user) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_create_read_and_change_a_coalition(cast):
    client = api(cast["community_organiser"])
    need = Need.objects.filter(is_active=True).order_by("pk").first()

    created = client.post(
        "/api/v1/coalitions",
        {"name": " Fair Rent ", "purpose": "Cap rises.", "needs": [need.code]},
        content_type=JSON,
    )
    coalition_id = created.json()["id"]
    changed = client.patch(
        f"/api/v1/coalitions/{coalition_id}", {"version": 1, "status": "dormant"}, content_type=JSON
    )
    stale = client.patch(
        f"/api/v1/coalitions/{coalition_id}", {"version": 1, "purpose": "X"}, content_type=JSON
    )
    listed = api(cast["evaluator"]).get("/api/v1/coalitions")

    assert created.status_code == 201
    assert created.json()["name"] == "Fair Rent" and created.json()["needs"] == [need.code]
    assert (
        changed.status_code == 200
        and changed.json()["status"] == "dormant"
        and changed.json()["version"] == 2
    )
    assert stale.status_code == 409
    assert listed.status_code == 200
    assert listed.json()["items"][0]["member_count"] == 0


def test_unknown_needs_staff_and_fields_are_clear_errors(cast):
    client = api(cast["community_organiser"])

    need = client.post(
        "/api/v1/coalitions", {"name": "A", "purpose": "B", "needs": ["no-such"]}, content_type=JSON
    )
    lead = client.post(
        "/api/v1/coalitions", {"name": "A", "purpose": "B", "our_lead_id": 999999}, content_type=JSON
    )
    typo = client.post("/api/v1/coalitions", {"name": "A", "purpose": "B", "nedds": []}, content_type=JSON)
    blank = client.post("/api/v1/coalitions", {"name": "  ", "purpose": "B"}, content_type=JSON)

    assert need.status_code in (400, 422) and "no-such" in need.json()["errors"]["needs"][0]
    assert lead.status_code in (400, 422) and "our_lead_id" in lead.json()["errors"]
    assert typo.status_code == 422
    assert blank.status_code == 422
    assert not Coalition.objects.exists()


def test_members_join_and_leave(cast):
    client = api(cast["community_organiser"])
    coalition = coalition_with(0)
    organisation = OrganisationFactory(name="Tenants United")
    url = f"/api/v1/coalitions/{coalition.pk}/members"

    joined = client.post(url, {"organisation_id": organisation.pk, "role": "steering"}, content_type=JSON)
    again = client.post(url, {"organisation_id": organisation.pk}, content_type=JSON)
    nobody = client.post(url, {"organisation_id": 999999}, content_type=JSON)
    left = client.post(f"/api/v1/coalition-members/{joined.json()['id']}/leave")

    assert joined.status_code == 201 and joined.json()["role_label"] == "Steering committee"
    assert again.status_code == 400 and "already a member" in again.json()["errors"]["organisation"][0]
    assert nobody.status_code in (400, 422) and "organisation_id" in nobody.json()["errors"]
    assert left.status_code == 200 and left.json()["left_on"] == today()


def test_a_meeting_with_an_unknown_owner_stores_nothing(cast):
    client = api(cast["community_organiser"])
    coalition = coalition_with(2)
    member = coalition.memberships.order_by("pk").first()
    url = f"/api/v1/coalitions/{coalition.pk}/meetings"
    good_action = {"action": "Call the aide", "due_on": today(), "owner_id": member.pk}

    bad = client.post(
        url,
        {
            "held_on": today(),
            "actions": [good_action, {"action": "Lost", "due_on": today(), "owner_id": 999999}],
        },
        content_type=JSON,
    )
    stranger = client.post(url, {"held_on": today(), "attending_ids": [999999]}, content_type=JSON)
    good = client.post(
        url,
        {
            "held_on": today(),
            "decisions": ["Ask for a hearing"],
            "attending_ids": [member.pk],
            "actions": [good_action],
        },
        content_type=JSON,
    )

    assert bad.status_code in (400, 422) and "actions.1.owner_id" in bad.json()["errors"]
    assert stranger.status_code in (400, 422) and "999999" in stranger.json()["errors"]["attending_ids"][0]
    assert good.status_code == 201
    assert good.json()["decisions"] == ["Ask for a hearing"] and good.json()["attending_ids"] == [member.pk]
    assert Meeting.objects.count() == 1 and ActionItem.objects.count() == 1


def test_an_action_item_is_marked_done_with_its_version(cast):
    coalition = coalition_with(1, actions=1)
    item = coalition.action_items.get()
    client = api(cast["community_organiser"])

    done = client.patch(
        f"/api/v1/coalition-actions/{item.pk}", {"version": 1, "done_on": today()}, content_type=JSON
    )
    cleared = client.patch(
        f"/api/v1/coalition-actions/{item.pk}", {"version": 2, "due_on": None}, content_type=JSON
    )

    assert done.status_code == 200 and done.json()["done_on"] == today() and done.json()["overdue"] is False
    assert cleared.status_code in (400, 422)


def test_readers_may_not_write(cast):
    coalition = coalition_with(1)

    read = api(cast["evaluator"]).get(f"/api/v1/coalitions/{coalition.pk}")
    write = api(cast["evaluator"]).post(
        f"/api/v1/coalitions/{coalition.pk}/goals", {"goal": "X"}, content_type=JSON
    )
    client_worker = api(cast["caseworker"]).get("/api/v1/coalitions")

    assert read.status_code == 200 and read.json()["name"] == coalition.name
    assert write.status_code == 403
    assert client_worker.status_code == 403
