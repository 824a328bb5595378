"""What groups add to a person's timeline and ecomap, through the access policy."""

from __future__ import annotations

import pytest

from tapestry.mezzo.groups import services
from tapestry.mezzo.groups.ecomap import ecomap_links
from tapestry.mezzo.groups.tests.support import fill, make_group
from tapestry.mezzo.groups.timeline import timeline_events
from tapestry.testing import open_case

pytestmark = pytest.mark.django_db


def test_joining_waiting_and_leaving_show_on_the_timeline_and_current_groups_on_the_ecomap(cast):
    worker, facilitator = cast.caseworker, cast["group_facilitator"]
    case = open_case(worker)
    grief = make_group(facilitator, name="Grief group")
    full = make_group(facilitator, name="Parenting class", capacity=1)
    fill(full, facilitator, 1)
    joined = services.membership_enrol_from_case(actor=worker, group=grief, case=case)
    services.membership_enrol_from_case(actor=worker, group=full, case=case)
    services.membership_exit(actor=worker, membership=joined, reason="completed", version=joined.version)
    again = make_group(facilitator, name="Youth club")
    services.membership_enrol_from_case(actor=worker, group=again, case=case)

    titles = [e.title for e in timeline_events(user=worker, person=case.person)]
    links = ecomap_links(user=worker, person=case.person)

    assert "Joined Grief group" in titles
    assert "Left Grief group: completed the group" in titles
    assert "On the waiting list for Parenting class" in titles
    assert [(link.label, link.kind) for link in links] == [("Youth club", "group")]
    # Someone who may not see the person gets nothing.
    assert timeline_events(user=cast.outsider, person=case.person) == []
    assert ecomap_links(user=cast.outsider, person=case.person) == []
