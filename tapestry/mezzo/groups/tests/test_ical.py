"""iCalendar export: one repeating event per group, in the agency's time zone, naming no member."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.urls import reverse
from icalendar import Calendar

from tapestry.mezzo.groups.tests.support import client_member, community, make_group
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_a_groups_calendar_parses_back_with_the_schedule_and_no_member_names(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(
        facilitator,
        name="Grief group",
        purpose="Eight evenings for the bereaved.",
        location="Library room 2",
        first_session_on=dt.date(2026, 3, 3),
        start_time=dt.time(18, 30),
        duration_minutes=90,
        frequency="fortnightly",
        session_count=8,
    )
    member = community(facilitator, group, "Zebedee", "Quarrington")
    client = client_member(cast.caseworker, group)

    cal = parse(client_for(cast["evaluator"]).get(reverse("groups:group_calendar", args=[group.pk])))

    (event,) = cal.walk("VEVENT")
    zone = ZoneInfo(settings.TIME_ZONE)
    assert event["SUMMARY"] == "Grief group"
    assert event["DESCRIPTION"] == "Eight evenings for the bereaved."
    assert event["LOCATION"] == "Library room 2"
    assert event.decoded("DTSTART") == dt.datetime(2026, 3, 3, 18, 30, tzinfo=zone)
    assert event.decoded("DTEND") == dt.datetime(2026, 3, 3, 20, 0, tzinfo=zone)
    assert event["RRULE"]["FREQ"] == ["WEEKLY"] and event["RRULE"]["INTERVAL"] == [2]
    assert event["RRULE"]["COUNT"] == [8]
    text = cal.to_ical().decode()
    for name in (member.person.given_name, member.person.family_name, client.person.family_name):
        assert name not in text


def test_my_groups_calendar_has_one_event_per_group_i_run(cast):
    facilitator = cast["group_facilitator"]
    make_group(facilitator, name="Mine A", ends_on=dt.date(2030, 6, 1))
    make_group(facilitator, name="Mine B", frequency="once")
    make_group(cast.caseworker, name="Someone else's")

    cal = parse(client_for(facilitator).get(reverse("groups:my_calendar")))

    events = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {"Mine A", "Mine B"}
    assert "RRULE" not in events["Mine B"]
    until = events["Mine A"]["RRULE"]["UNTIL"][0]
    assert until.tzinfo is not None and until.utcoffset() == dt.timedelta(0)
