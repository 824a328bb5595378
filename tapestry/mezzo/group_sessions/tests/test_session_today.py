"""Today's session from the schedule: one tap from home opens it (or the one recorded) and its roll."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.mezzo.group_sessions.models import Attendance, Session
from tapestry.mezzo.group_sessions.tests.factories import enrol_many, hold_session, make_group, weeks_ago
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_a_tap_opens_todays_session_from_the_schedule_and_lands_on_its_roll(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(facilitator)
    client = client_for(facilitator)

    response = client.post(reverse("group_sessions:session_today", args=[group.pk]))

    session = Session.objects.get(group=group)
    assert response.status_code == 302
    assert response["Location"] == reverse("group_sessions:attendance", args=[session.pk])
    assert (session.held_on, session.start_time, session.topic) == (
        timezone.localdate(),
        group.start_time,
        "",
    )
    assert list(session.facilitators.all()) == [facilitator]
    assert session.title == f"Session of {timezone.localdate():%Y-%m-%d}"


def test_a_second_tap_reuses_the_session_already_recorded_today(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(facilitator)
    recorded = hold_session(facilitator, group, held_on=timezone.localdate(), topic="Sleep")
    client = client_for(facilitator)

    response = client.post(reverse("group_sessions:session_today", args=[group.pk]))

    assert response["Location"] == reverse("group_sessions:attendance", args=[recorded.pk])
    assert Session.objects.filter(group=group).count() == 1


def test_no_session_is_invented_on_a_day_the_schedule_has_none(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(facilitator, first_session_on=weeks_ago(20) + dt.timedelta(days=1))
    client = client_for(facilitator)

    response = client.post(reverse("group_sessions:session_today", args=[group.pk]), follow=True)

    assert not Session.objects.filter(group=group).exists()
    assert "no session today" in response.content.decode()
    api = client.post(f"/api/v1/groups/{group.pk}/sessions/today", content_type="application/json")
    assert api.status_code == 400 and "held_on" in api.json()["errors"]


def test_with_everyone_present_the_roll_is_two_taps_from_opening(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(facilitator)
    members = enrol_many(group, 4)
    client = client_for(facilitator)

    roll = client.post(reverse("group_sessions:session_today", args=[group.pk]), follow=True)
    session = Session.objects.get(group=group)
    assert "Mark the rest present and save" in roll.content.decode()
    saved = client.post(
        reverse("group_sessions:attendance", args=[session.pk]),
        {"version": session.version, "rest": "present"},
    )

    assert saved.status_code == 302
    assert Attendance.objects.filter(session=session, status="present").count() == len(members)


def test_the_api_opens_the_same_session(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(facilitator)
    client = client_for(facilitator)
    first = client.post(f"/api/v1/groups/{group.pk}/sessions/today", content_type="application/json").json()
    again = client.post(f"/api/v1/groups/{group.pk}/sessions/today", content_type="application/json").json()
    assert (
        first["id"] == again["id"] and first["topic"] == "" and first["held_on"] == str(timezone.localdate())
    )


def test_someone_who_does_not_run_the_group_cannot_open_its_session(cast):
    group = make_group(cast["group_facilitator"])
    other = make_group(cast.supervisor)
    response = client_for(cast["group_facilitator"]).post(
        reverse("group_sessions:session_today", args=[other.pk])
    )
    assert response.status_code in (403, 404)
    assert not Session.objects.filter(group__in=[group, other]).exists()
