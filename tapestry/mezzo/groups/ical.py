"""iCalendar export of group schedules: one event per group, repeating by RRULE, never a member's name."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from icalendar import Calendar, Event, vRecur

from tapestry.mezzo.groups.models import Group

_RRULE = {
    Group.Frequency.WEEKLY: {"FREQ": "WEEKLY"},
    Group.Frequency.FORTNIGHTLY: {"FREQ": "WEEKLY", "INTERVAL": 2},
    Group.Frequency.MONTHLY: {"FREQ": "MONTHLY"},
}


def _event(group: Group, zone: ZoneInfo) -> Event:
    start = datetime.combine(group.first_session_on, group.start_time, tzinfo=zone)
    event = Event()
    event.add("uid", f"group-{group.pk}@tapestry")
    event.add("summary", group.name)
    event.add("description", group.purpose)
    if group.location:
        event.add("location", group.location)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=group.duration_minutes))
    event.add("dtstamp", group.updated_at)
    if group.status == Group.Status.ENDED:
        event.add("status", "CANCELLED")
    rule = _RRULE.get(group.frequency)
    if rule is not None:
        recur = dict(rule)
        if group.session_count:
            recur["COUNT"] = group.session_count
        elif group.ends_on:
            # With a zoned DTSTART, UNTIL must be in UTC (RFC 5545 3.3.10): the end of that local day.
            last = datetime.combine(group.ends_on, time(23, 59, 59), tzinfo=zone)
            recur["UNTIL"] = last.astimezone(ZoneInfo("UTC"))
        event.add("rrule", vRecur(recur))
    return event


def groups_ical(groups: Iterable[Group]) -> bytes:
    """A calendar of these groups' schedules in the agency's time zone, with its VTIMEZONE."""
    zone = ZoneInfo(settings.TIME_ZONE)
    cal = Calendar()
    cal.add("prodid", "-//Tapestry//Groups//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    for group in groups:
        cal.add_component(_event(group, zone))
    if cal.subcomponents:
        cal.add_missing_timezones()
    return cal.to_ical()


def ics_response(groups: Iterable[Group], filename: str) -> HttpResponse:
    """These groups' calendar as a download named `filename` (a page and the API serve the same file)."""
    response = HttpResponse(groups_ical(groups), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
