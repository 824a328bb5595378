"""A person's timeline gains their group attendance and the mentions of them, through the policy."""

from __future__ import annotations

import pytest

from tapestry.access.models import Role
from tapestry.mezzo.group_sessions import services
from tapestry.mezzo.group_sessions.tests.factories import enrol, hold_session, make_group, mark_all
from tapestry.mezzo.group_sessions.timeline import timeline_events
from tapestry.testing import UserFactory, open_case

pytestmark = pytest.mark.django_db


def test_the_caseworker_sees_attendance_and_a_link_to_each_mention_but_not_its_text(cast):
    facilitator = UserFactory(username="facilitator", role=Role.GROUP_FACILITATOR)
    group = make_group(facilitator, name="Parenting class")
    case = open_case(cast.caseworker)
    member = enrol(group, case.person, case=case)
    session = hold_session(facilitator, group, topic="Bedtime routines")
    mark_all(facilitator, session, "late")
    session.refresh_from_db()
    services.note_save(
        actor=facilitator,
        session=session,
        version=0,
        dynamics="Good.",
        themes="",
        progress="",
        mentions={member.pk: "Shared a tip about bedtime."},
    )

    mine = timeline_events(user=cast.caseworker, person=case.person)
    outsider = timeline_events(user=cast.outsider, person=case.person)
    manager = timeline_events(user=cast["program_manager"], person=case.person)

    assert [(e.kind, e.title) for e in mine] == [
        ("group session", "Late at Parenting class"),
        ("group note", "Mentioned in the group note of Parenting class"),
    ]
    assert "bedtime" not in mine[1].detail and mine[1].url
    assert outsider == [] and manager == []
