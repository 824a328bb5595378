"""The groups API: catalogue, create and change (409 stale, 422 fields), members, exits, the calendar."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone

from tapestry.mezzo.groups.models import Group, Membership
from tapestry.mezzo.groups.tests.support import api_client, community, fill, make_group
from tapestry.testing import open_case

pytestmark = pytest.mark.django_db


def post(client, url: str, body: dict):
    return client.post(url, json.dumps(body, default=str), content_type="application/json")


def patch(client, url: str, body: dict):
    return client.patch(url, json.dumps(body, default=str), content_type="application/json")


def new_group(facilitator, **over: object) -> dict:
    body = {
        "name": "Saturday youth club",
        "kind": "youth",
        "purpose": "Sport and music for 11 to 16 year olds.",
        "capacity": 20,
        "first_session_on": (timezone.localdate() + dt.timedelta(days=5)).isoformat(),
        "start_time": "10:00",
        "facilitator_ids": [facilitator.pk],
        "focus_needs": ["social-isolation"],
    }
    body.update(over)
    return body


def test_creating_and_listing_groups(cast):
    facilitator = cast["group_facilitator"]
    created = post(api_client(facilitator), "/api/v1/groups", new_group(facilitator))

    assert created.status_code == 201, created.content
    body = created.json()
    assert body["seats_left"] == 20 and body["focus_needs"][0]["code"] == "social-isolation"
    assert body["schedule"].startswith("Weekly on")

    listed = api_client(cast["evaluator"]).get("/api/v1/groups", {"kind": "youth"}).json()
    assert listed["count"] == 1 and listed["items"][0]["name"] == "Saturday youth club"
    assert api_client(cast["evaluator"]).get("/api/v1/groups", {"kind": "parenting"}).json()["count"] == 0


def test_bad_fields_are_422_by_field(cast):
    facilitator = cast["group_facilitator"]
    client = api_client(facilitator)

    unknown = post(client, "/api/v1/groups", new_group(facilitator, focus_needs=["no-such-need"]))
    cannot = post(
        client, "/api/v1/groups", new_group(facilitator, facilitator_ids=[cast["program_manager"].pk])
    )
    schema = post(client, "/api/v1/groups", new_group(facilitator, capacity=0))

    assert unknown.status_code == 422 and "no-such-need" in unknown.json()["errors"]["focus_needs"][0]
    assert cannot.status_code == 422 and "cannot run groups" in cannot.json()["errors"]["facilitators"][0]
    assert schema.status_code == 422 and "capacity" in schema.json()["errors"]
    assert not Group.objects.exists()


def test_a_stale_patch_is_409_and_a_fresh_one_applies(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(facilitator)
    client = api_client(facilitator)

    fresh = patch(client, f"/api/v1/groups/{group.pk}", {"version": 1, "location": "Town hall"})
    stale = patch(client, f"/api/v1/groups/{group.pk}", {"version": 1, "location": "Church hall"})

    assert fresh.status_code == 200 and fresh.json()["version"] == 2
    assert stale.status_code == 409 and stale.json()["errors"]["version"] == ["The current version is 2."]
    assert Group.objects.get(pk=group.pk).location == "Town hall"
    assert patch(api_client(cast.outsider), f"/api/v1/groups/{group.pk}", {"version": 2}).status_code == 404


def test_members_full_group_and_duplicates(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(facilitator, capacity=1)
    client = api_client(facilitator)
    url = f"/api/v1/groups/{group.pk}/members"

    first = post(client, url, {"given_name": "Ada", "family_name": "King"})
    waiting = post(client, url, {"given_name": "Ben", "family_name": "King"})
    refused = post(client, url, {"given_name": "Cy", "family_name": "King", "wait_list": False})
    nameless = post(client, url, {"phone": "555-0101"})

    assert first.status_code == 201 and first.json()["status"] == "enrolled"
    assert first.json()["community_member"] is True
    assert waiting.json()["status"] == "waiting" and waiting.json()["waiting_position"] == 1
    assert refused.status_code == 409 and "The group is full" in refused.json()["detail"]
    assert nameless.status_code == 422 and set(nameless.json()["errors"]) == {"given_name", "family_name"}

    case = open_case(cast.caseworker)
    worker = api_client(cast.caseworker)
    assert post(worker, url, {"case_id": case.pk}).status_code == 201
    duplicate = post(worker, url, {"case_id": case.pk})
    assert duplicate.status_code == 409 and "already waiting" in duplicate.json()["detail"]

    roster = client.get(url).json()
    assert roster["count"] == 3 and [m["status"] for m in roster["items"]] == [
        "enrolled",
        "waiting",
        "waiting",
    ]
    # The caseworker sees only their own client in the roster.
    mine = worker.get(url).json()
    assert mine["count"] == 1 and mine["items"][0]["case_id"] == case.pk


def test_a_closed_group_is_422_with_the_reason(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(
        facilitator, enrolment="closed", first_session_on=timezone.localdate() - dt.timedelta(days=3)
    )

    response = post(
        api_client(facilitator), f"/api/v1/groups/{group.pk}/members", {"given_name": "A", "family_name": "B"}
    )

    assert response.status_code == 422 and "closed group" in response.json()["detail"]


def test_an_exit_promotes_the_next_in_line(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(facilitator, capacity=1)
    (leaver,) = fill(group, facilitator, 1)
    waiting = community(facilitator, group, "Una")
    client = api_client(facilitator)
    url = f"/api/v1/groups/{group.pk}/members/{leaver.pk}/exit"

    bad = post(client, url, {"reason": "vanished", "version": 1})
    done = post(client, url, {"reason": "completed", "note": "All sessions done.", "version": 1})
    stale = post(client, url, {"reason": "completed", "version": 1})

    assert bad.status_code == 422 and "reason" in bad.json()["errors"]
    assert done.status_code == 200 and done.json()["status"] == "exited"
    assert stale.status_code == 409
    assert Membership.objects.get(pk=waiting.pk).status == "enrolled"
    other = make_group(facilitator)
    assert (
        post(
            client, f"/api/v1/groups/{other.pk}/members/{leaver.pk}/exit", {"reason": "other", "version": 2}
        ).status_code
        == 404
    )


def test_the_calendar_is_text_calendar(cast):
    group = make_group(cast["group_facilitator"])
    response = api_client(cast["evaluator"]).get(f"/api/v1/groups/{group.pk}/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in response.content
