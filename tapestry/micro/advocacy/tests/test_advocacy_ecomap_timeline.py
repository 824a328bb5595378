"""The agencies worked with on a person's behalf, on their ecomap and timeline."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tapestry.micro.advocacy import ecomap, timeline
from tapestry.micro.advocacy.services import advocacy_action_record
from tapestry.testing import OrganisationFactory, open_case

pytestmark = pytest.mark.django_db


def test_each_agency_is_one_organisation_link_strained_when_it_last_refused(cast):
    case = open_case(cast.caseworker)
    housing = OrganisationFactory(name="Housing Authority")
    today = timezone.localdate()
    record = lambda **f: advocacy_action_record(actor=cast.caseworker, case=case, action_taken="Called.", **f)  # noqa: E731
    record(organisation=housing, issue="housing", action_date=today - dt.timedelta(days=9))
    record(
        organisation=housing,
        issue="benefits",
        outcome="refused",
        outcome_date=today,
        action_date=today - dt.timedelta(days=2),
    )
    record(agency="Landlord", issue="housing", outcome="resolved", outcome_date=today)

    links = ecomap.ecomap_links(user=cast.caseworker, person=case.person)

    assert [(link.label, link.kind, link.stressful) for link in links] == [
        ("Housing Authority", "organisation", True),
        ("Landlord", "organisation", False),
    ]
    assert links[0].detail == "Advocacy: Benefits, Housing; 2 contacts, latest refused"
    assert links[0].url == f"/people/organisations/{housing.pk}/"


def test_the_timeline_shows_each_action_to_those_who_may_see_it(cast):
    case = open_case(cast.caseworker)
    advocacy_action_record(
        actor=cast.caseworker,
        case=case,
        agency="Landlord",
        issue="housing",
        action_taken="Asked for repairs.",
    )

    [event] = timeline.timeline_events(user=cast.caseworker, person=case.person)

    assert event.title == "Advocacy (housing) with Landlord"
    assert event.detail == "Asked for repairs. (outcome pending)"
    assert timeline.timeline_events(user=cast.outsider, person=case.person) == []
    assert ecomap.ecomap_links(user=cast.outsider, person=case.person) == []


@pytest.mark.parametrize("rows", [5, 50])
def test_providers_run_a_fixed_number_of_queries(cast, rows, django_assert_num_queries):
    case = open_case(cast.caseworker)
    for n in range(rows):
        advocacy_action_record(
            actor=cast.caseworker,
            case=case,
            organisation=OrganisationFactory(),
            issue="legal",
            action_taken=f"Call {n}.",
        )

    with django_assert_num_queries(2):
        links = ecomap.ecomap_links(user=cast.caseworker, person=case.person)
    with django_assert_num_queries(2):
        events = timeline.timeline_events(user=cast.caseworker, person=case.person)

    assert len(links) == len(events) == rows
