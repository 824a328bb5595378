"""How full a group is: in numbers for those who run it, as a band with no number for everyone else."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.mezzo.groups.availability import Band, availability
from tapestry.mezzo.groups.models import Membership
from tapestry.mezzo.groups.tests.support import api_client, community, fill, make_group
from tapestry.programs.models import Program
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_band_follows_the_places_left():
    assert availability(capacity=12, enrolled=1, waiting=0, runs=False).band == Band.PLACES
    assert availability(capacity=10, enrolled=8, waiting=0, runs=False).band == Band.NEARLY_FULL
    assert availability(capacity=10, enrolled=10, waiting=0, runs=False).band == Band.FULL
    assert availability(capacity=10, enrolled=10, waiting=2, runs=False).band == Band.WAITING


def test_only_those_who_run_the_group_get_numbers():
    outside = availability(capacity=12, enrolled=1, waiting=0, runs=False)
    inside = availability(capacity=12, enrolled=1, waiting=0, runs=True)
    assert (outside.capacity, outside.seats_left, str(outside)) == (None, None, "Places available")
    assert (inside.capacity, inside.seats_left, str(inside)) == (12, 11, "11 of 12 free")
    full = availability(capacity=5, enrolled=5, waiting=1, runs=True)
    assert str(full) == "Full (5 places), with a waiting list"
    assert str(availability(capacity=5, enrolled=5, waiting=1, runs=False)) == "Full, waiting list"


@pytest.fixture
def recovery(cast):
    """The issue's example: a recovery group of 12 places with one member."""
    group = make_group(cast["group_facilitator"], name="Recovery circle", capacity=12)
    fill(group, cast["group_facilitator"], 1)
    return group


@pytest.mark.parametrize("role", ["evaluator", "program_manager", "community_organiser", "grants_officer"])
def test_the_group_page_tells_an_outsider_no_number(cast, recovery, role):
    html = client_for(cast[role]).get(reverse("groups:group_detail", args=[recovery.pk])).content.decode()
    assert "Places available" in html
    assert "11 of 12" not in html and "12 places" not in html


def test_the_group_page_gives_the_facilitator_the_numbers(cast, recovery):
    browser = client_for(cast["group_facilitator"])
    html = browser.get(reverse("groups:group_detail", args=[recovery.pk])).content.decode()
    assert "11 of 12 free" in html


def test_a_full_group_tells_an_outsider_it_is_full_but_not_its_size(cast):
    group = make_group(cast["group_facilitator"], name="Small circle", capacity=3)
    fill(group, cast["group_facilitator"], 3)
    community(cast["group_facilitator"], group)  # waits
    assert group.memberships.filter(status=Membership.Status.WAITING).count() == 1
    html = client_for(cast["evaluator"]).get(reverse("groups:group_detail", args=[group.pk])).content.decode()
    assert "Full, waiting list" in html and "3 places" not in html


def test_the_api_gives_an_outsider_the_band_and_no_numbers(cast, recovery):
    body = api_client(cast["evaluator"]).get(f"/api/v1/groups/{recovery.pk}").json()
    assert (body["capacity"], body["seats_left"], body["availability"]) == (None, None, "places_available")
    listed = api_client(cast["evaluator"]).get("/api/v1/groups").json()["items"]
    mine = [g for g in listed if g["id"] == recovery.pk]
    assert [(g["capacity"], g["seats_left"]) for g in mine] == [(None, None)]


def test_the_api_gives_the_facilitator_the_numbers(cast, recovery):
    body = api_client(cast["group_facilitator"]).get(f"/api/v1/groups/{recovery.pk}").json()
    assert (body["capacity"], body["seats_left"], body["availability"]) == (12, 11, "places_available")


def test_a_caseworker_offering_groups_from_a_case_sees_no_number(cast, recovery):
    from tapestry.testing import open_case

    case = open_case(cast.caseworker, segment="")
    html = client_for(cast.caseworker).get(reverse("groups:case_index", args=[case.pk])).content.decode()
    assert "Recovery circle" in html and "Places available" in html and "11 free" not in html


def test_the_program_page_shows_its_groups_places_as_a_band(cast):
    program = Program.objects.create(name="Recovery services")
    group = make_group(cast["group_facilitator"], name="Tiny group", capacity=7, program=program)
    fill(group, cast["group_facilitator"], 7)
    program.staff.create(user=cast["program_manager"], role_in_program="manager")
    html = client_for(cast["program_manager"]).get(reverse("programs:program_detail", args=[program.pk]))
    text = html.content.decode()
    assert "Tiny group" in text and "Full" in text and "<td>7</td>" not in text
