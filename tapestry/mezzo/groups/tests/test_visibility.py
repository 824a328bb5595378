"""Who sees a roster: facilitators and their supervisors all of it, a caseworker their own clients, a program manager none."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.mezzo.groups.tests.support import client_member, community, make_group
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def group_with_members(cast):
    facilitator = cast["group_facilitator"]
    facilitator.supervisor = cast["program_manager"]
    facilitator.save()
    group = make_group(facilitator, name="Thursday circle")
    mine = client_member(cast.caseworker, group)
    theirs = client_member(cast.outsider, group)
    neighbour = community(facilitator, group, "Nell", "Neighbour")
    return group, mine, theirs, neighbour


def page(user, group) -> str:
    response = client_for(user).get(reverse("groups:group_detail", args=[group.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_facilitator_sees_the_whole_roster(cast, group_with_members):
    group, mine, theirs, neighbour = group_with_members

    html = page(cast["group_facilitator"], group)

    for member in (mine, theirs, neighbour):
        assert member.person.display_name in html
    assert "Community member" in html
    # Clients show as clients, with no way into their case.
    assert reverse("groups:case_index", args=[mine.case_id]) not in html


def test_the_facilitator_cannot_open_a_members_record_or_case(cast, group_with_members):
    _group, mine, _theirs, _neighbour = group_with_members
    browser = client_for(cast["group_facilitator"])

    assert browser.get(reverse("people:person_detail", args=[mine.person_id])).status_code == 403
    assert browser.get(reverse("cases:case_detail", args=[mine.case_id])).status_code == 403
    assert browser.get(reverse("groups:case_index", args=[mine.case_id])).status_code == 403


def test_a_caseworker_who_runs_groups_but_not_this_one_gets_404_on_a_members_case(cast, group_with_members):
    _group, mine, _theirs, _neighbour = group_with_members
    browser = client_for(cast.outsider)

    assert browser.get(reverse("groups:case_index", args=[mine.case_id])).status_code == 404
    assert browser.get(reverse("groups:membership_exit", args=[mine.pk])).status_code == 404


def test_a_caseworker_sees_only_their_own_clients_on_a_roster(cast, group_with_members):
    group, mine, theirs, neighbour = group_with_members

    html = page(cast.caseworker, group)

    assert mine.person.display_name in html
    assert reverse("groups:case_index", args=[mine.case_id]) in html
    assert theirs.person.display_name not in html
    assert neighbour.person.display_name not in html
    assert "You see only the members you work with." in html


def test_a_program_manager_sees_the_group_but_no_roster(cast, group_with_members):
    group, mine, theirs, neighbour = group_with_members

    html = page(cast["program_manager"], group)

    assert "Thursday circle" in html
    for member in (mine, theirs, neighbour):
        assert member.person.display_name not in html
    api = client_for(cast["program_manager"]).get(f"/api/v1/groups/{group.pk}/members")
    assert api.status_code == 403


def test_the_facilitators_supervisor_sees_the_roster(cast, group_with_members):
    group, mine, theirs, neighbour = group_with_members
    cast["group_facilitator"].supervisor = cast.supervisor
    cast["group_facilitator"].save()

    html = page(cast.supervisor, group)

    for member in (mine, theirs, neighbour):
        assert member.person.display_name in html


def test_a_sensitive_group_shows_its_roster_only_with_the_segment_grant(cast):
    from tapestry.access.models import Segment
    from tapestry.testing import grant

    facilitator = cast["group_facilitator"]
    group = make_group(facilitator, segment=Segment.SUBSTANCE_USE)
    member = community(facilitator, group, "Rae", "Recovery")

    assert member.person.display_name not in page(facilitator, group)
    grant(facilitator, Segment.SUBSTANCE_USE)
    assert member.person.display_name in page(facilitator, group)
