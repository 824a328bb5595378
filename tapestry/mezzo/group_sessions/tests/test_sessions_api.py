"""The group-sessions API: sessions, one-call attendance, the note with mentions, attendance rates."""

from __future__ import annotations

import json

import pytest

from tapestry.access.models import Role
from tapestry.mezzo.group_sessions.models import Attendance, NoteMention, Session
from tapestry.mezzo.group_sessions.tests.factories import (
    enrol,
    enrol_many,
    hold_session,
    make_group,
    mark_all,
    weeks_ago,
)
from tapestry.micro.casework.models import Task
from tapestry.testing import UserFactory, client_for, open_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def facilitator():
    return UserFactory(username="facilitator", role=Role.GROUP_FACILITATOR)


def _send(client, method: str, path: str, body: dict | None = None):
    return client.generic(
        method, f"/api/v1{path}", data=json.dumps(body or {}), content_type="application/json"
    )


def test_record_list_and_change_a_session(facilitator):
    group = make_group(facilitator)
    client = client_for(facilitator)

    created = _send(
        client,
        "POST",
        f"/groups/{group.pk}/sessions",
        {
            "held_on": weeks_ago(1).isoformat(),
            "start_time": "18:00",
            "topic": "Sleep",
            "facilitator_ids": [facilitator.pk],
        },
    )
    session_id = created.json()["id"]
    listed = client.get(f"/api/v1/groups/{group.pk}/sessions")
    patched = _send(client, "PATCH", f"/sessions/{session_id}", {"version": 1, "topic": "Sleep and routines"})
    stale = _send(client, "PATCH", f"/sessions/{session_id}", {"version": 1, "topic": "Late"})

    assert created.status_code == 201 and created.json()["facilitator_ids"] == [facilitator.pk]
    assert listed.json()["count"] == 1 and listed.json()["items"][0]["topic"] == "Sleep"
    assert patched.status_code == 200 and patched.json()["version"] == 2
    assert stale.status_code == 409 and "version" in stale.json()["errors"]
    assert Session.objects.get().topic == "Sleep and routines"


def test_attendance_for_every_member_in_one_call(facilitator):
    group = make_group(facilitator)
    members = enrol_many(group, 20)
    session = hold_session(facilitator, group)
    body = {
        "version": session.version,
        "attendance": [{"membership_id": m.pk, "status": "present"} for m in members],
    }

    response = _send(client_for(facilitator), "PUT", f"/sessions/{session.pk}/attendance", body)

    assert response.status_code == 200
    assert response.json()["version"] == session.version + 1
    assert {row["status"] for row in response.json()["attendance"]} == {"present"}
    assert Attendance.objects.count() == 20


def test_left_out_and_unknown_members_get_422_and_nothing_is_saved(facilitator):
    group = make_group(facilitator)
    kept, left_out = enrol(group), enrol(group)
    stranger = enrol(make_group(facilitator))
    session = hold_session(facilitator, group)
    client = client_for(facilitator)

    missing = _send(
        client,
        "PUT",
        f"/sessions/{session.pk}/attendance",
        {"version": session.version, "attendance": [{"membership_id": kept.pk, "status": "present"}]},
    )
    unknown = _send(
        client,
        "PUT",
        f"/sessions/{session.pk}/attendance",
        {
            "version": session.version,
            "attendance": [
                {"membership_id": kept.pk, "status": "present"},
                {"membership_id": left_out.pk, "status": "present"},
                {"membership_id": stranger.pk, "status": "present"},
            ],
        },
    )
    bad_mark = _send(
        client,
        "PUT",
        f"/sessions/{session.pk}/attendance",
        {"version": session.version, "attendance": [{"membership_id": kept.pk, "status": "asleep"}]},
    )

    assert missing.status_code == 422
    assert missing.json()["errors"]["unmarked_membership_ids"] == [str(left_out.pk)]
    assert left_out.person.display_name in missing.json()["errors"]["attendance"][0]
    assert unknown.status_code == 422 and str(stranger.pk) in unknown.json()["errors"]["attendance"][0]
    assert bad_mark.status_code == 422
    assert Attendance.objects.count() == 0


def test_a_stale_attendance_call_gets_409(facilitator):
    group = make_group(facilitator)
    member = enrol(group)
    session = hold_session(facilitator, group)
    mark_all(facilitator, session)

    response = _send(
        client_for(facilitator),
        "PUT",
        f"/sessions/{session.pk}/attendance",
        {"version": 1, "attendance": [{"membership_id": member.pk, "status": "late"}]},
    )

    assert response.status_code == 409
    assert Attendance.objects.get().status == "present"


def test_the_follow_up_is_reported_by_the_call_that_raised_it(cast, facilitator):
    group = make_group(facilitator)
    case = open_case(cast.caseworker)
    member = enrol(group, case.person, case=case)
    for weeks in (3, 2):
        mark_all(facilitator, hold_session(facilitator, group, held_on=weeks_ago(weeks)), "absent")
    last = hold_session(facilitator, group, held_on=weeks_ago(1))

    response = _send(
        client_for(facilitator),
        "PUT",
        f"/sessions/{last.pk}/attendance",
        {"version": last.version, "attendance": [{"membership_id": member.pk, "status": "absent"}]},
    )

    task = Task.objects.get()
    assert response.json()["follow_ups"] == [{"membership_id": member.pk, "missed": 3, "task_id": task.pk}]


def test_note_with_mentions_and_who_reads_which_mentions(cast, facilitator):
    group = make_group(facilitator)
    case = open_case(cast.caseworker)
    client_member = enrol(group, case.person, case=case)
    other = enrol(group)
    session = hold_session(facilitator, group)
    body = {
        "version": 0,
        "dynamics": "Settled.",
        "themes": "Loneliness.",
        "mentions": [
            {"membership_id": client_member.pk, "text": "Opened up."},
            {"membership_id": other.pk, "text": "Quiet."},
        ],
    }

    saved = _send(client_for(facilitator), "PUT", f"/sessions/{session.pk}/note", body)
    read = client_for(facilitator).get(f"/api/v1/sessions/{session.pk}/note")
    caseworker = client_for(cast.caseworker).get(f"/api/v1/sessions/{session.pk}/note")
    stale = _send(client_for(facilitator), "PUT", f"/sessions/{session.pk}/note", body)
    named = _send(
        client_for(facilitator),
        "PUT",
        f"/sessions/{session.pk}/note",
        {"version": 1, "dynamics": f"{other.person.given_name} talked a lot."},
    )

    assert saved.status_code == 200 and len(saved.json()["mentions"]) == 2
    assert {m["text"] for m in read.json()["mentions"]} == {"Opened up.", "Quiet."}
    assert caseworker.status_code == 404  # the note is for those who run the group
    assert stale.status_code == 409
    assert named.status_code == 400 and "dynamics" in named.json()["errors"]
    assert NoteMention.objects.count() == 2


def test_attendance_rates_match_the_page(facilitator):
    group = make_group(facilitator)
    ada, ben = enrol(group), enrol(group)
    mark_all(facilitator, hold_session(facilitator, group, held_on=weeks_ago(2)))
    mark_all(facilitator, hold_session(facilitator, group, held_on=weeks_ago(1)), **{f"m{ben.pk}": "excused"})

    body = client_for(facilitator).get(f"/api/v1/groups/{group.pk}/attendance-rates").json()

    assert (body["expected"], body["attended"], body["excused"], body["rate"]) == (4, 3, 1, 75)
    assert [row["rate"] for row in body["sessions"]] == [100, 50]
    assert {row["membership_id"]: row["rate"] for row in body["members"]} == {ada.pk: 100, ben.pk: 50}


def test_someone_else_gets_404_and_a_program_manager_403(cast, facilitator):
    group = make_group(facilitator)
    session = hold_session(facilitator, group)

    outsider = client_for(cast.outsider).get(f"/api/v1/sessions/{session.pk}")
    manager = client_for(cast["program_manager"]).get(f"/api/v1/groups/{group.pk}/attendance-rates")

    assert outsider.status_code == 404 and outsider.json()["detail"]
    assert manager.status_code == 403
