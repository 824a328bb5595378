"""What cases give a person's timeline and ecomap, through the access policy."""

from __future__ import annotations

import datetime as dt

import pytest

from tapestry.access.models import Segment
from tapestry.micro.cases import ecomap, timeline
from tapestry.micro.cases.tests.support import add_need, barrier
from tapestry.programs.models import Program
from tapestry.testing import grant, open_case

pytestmark = pytest.mark.django_db


def test_timeline_has_opening_closing_and_need_changes(cast):
    case = open_case(
        cast.caseworker,
        opened_on=dt.date(2026, 1, 5),
        status="closed",
        closing_reason="goals_met",
        closed_on=dt.date(2026, 3, 1),
        referral_source="School nurse",
    )
    add_need(case, "childcare", status="unmet", barrier=barrier("waitlist"))

    events = timeline.timeline_events(user=cast.caseworker, person=case.person)

    titles = {event.title: event for event in events}
    opened = titles[f"Case {case.number} opened: Case management"]
    assert (opened.when, opened.kind, opened.detail) == (
        dt.date(2026, 1, 5),
        "case",
        "Referred by School nurse",
    )
    assert titles[f"Case {case.number} closed: Goals met"].when == dt.date(2026, 3, 1)
    assert titles["Childcare: unmet"].detail == "Barrier: Waiting list too long"
    assert all(event.case_id == case.pk for event in events)


def test_timeline_leaves_out_cases_in_segments_not_granted(cast):
    general = open_case(cast.caseworker)
    secret = open_case(
        cast.caseworker, person=general.person, case_type="substance_use", segment=Segment.SUBSTANCE_USE
    )
    add_need(secret, "substance-use")

    before = timeline.timeline_events(user=cast.caseworker, person=general.person)
    grant(cast.caseworker, Segment.SUBSTANCE_USE)
    after = timeline.timeline_events(user=cast.caseworker, person=general.person)

    assert {event.case_id for event in before} == {general.pk}
    assert {event.case_id for event in after} == {general.pk, secret.pk}


def test_timeline_is_empty_for_someone_outside_the_caseload(cast):
    case = open_case(cast.caseworker)

    assert timeline.timeline_events(user=cast.outsider, person=case.person) == []


def test_ecomap_shows_the_programs_of_open_cases_as_services(cast):
    housing, youth = (
        Program.objects.create(name="Housing Stability"),
        Program.objects.create(name="Youth Mentoring"),
    )
    case = open_case(cast.caseworker, program=housing)
    open_case(cast.caseworker, person=case.person, program=housing, case_type="counselling")
    open_case(cast.caseworker, person=case.person, program=youth, status="closed", closing_reason="moved")

    links = ecomap.ecomap_links(user=cast.caseworker, person=case.person)

    assert [(link.label, link.kind) for link in links] == [("Housing Stability", "service")]
    assert case.number in links[0].detail


def test_ecomap_shows_nothing_to_an_outsider(cast):
    case = open_case(cast.caseworker, program=Program.objects.create(name="Family Support"))

    assert ecomap.ecomap_links(user=cast.outsider, person=case.person) == []
