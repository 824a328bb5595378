"""Coalitions: who may record their work, what each write refuses, and that a meeting is all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry
from tapestry.macro.coalitions import services
from tapestry.macro.coalitions.models import ActionItem, Coalition, Meeting, Membership
from tapestry.macro.coalitions.tests.helpers import coalition_with
from tapestry.needs.models import Need
from tapestry.testing import OrganisationFactory

pytestmark = pytest.mark.django_db


def today():
    """Read when used, not when the module is imported: a run that passes midnight sees one day."""
    return timezone.localdate()


def test_an_organiser_records_a_coalition_with_its_needs_and_an_audit_entry(cast):
    organiser = cast["community_organiser"]
    need = Need.objects.filter(is_active=True).order_by("pk").first()

    coalition = services.coalition_create(
        actor=organiser,
        name="Fair Rent Alliance",
        purpose="Cap rent rises.",
        needs=[need],
        our_lead=organiser,
    )

    assert list(coalition.needs.all()) == [need]
    entry = AuditEntry.objects.get(object_type="coalitions.coalition", object_id=str(coalition.pk))
    assert entry.action == AuditEntry.Action.CREATE and "needs" in entry.fields


@pytest.mark.parametrize("role", ["evaluator", "grants_officer", "caseworker", "program_manager"])
def test_only_policy_work_may_record_coalitions(cast, role):
    with pytest.raises(PermissionDenied):
        services.coalition_create(actor=cast[role], name="X", purpose="Y")
    assert not Coalition.objects.exists()


def test_an_ended_coalition_needs_its_end_date_and_refuses_new_work(cast):
    organiser = cast["community_organiser"]
    coalition = coalition_with(1)

    with pytest.raises(ValidationError) as undated:
        services.coalition_update(
            actor=organiser, coalition=coalition, version=1, changes={"status": Coalition.Status.ENDED}
        )
    services.coalition_update(
        actor=organiser, coalition=coalition, version=1, changes={"status": "ended", "ended_on": today()}
    )
    coalition.refresh_from_db()
    with pytest.raises(ValidationError, match="has ended"):
        services.goal_add(actor=organiser, coalition=coalition, goal="Another goal")

    assert "ended_on" in undated.value.message_dict
    assert coalition.version == 2


def test_a_stale_edit_is_refused_and_changes_nothing(cast):
    organiser = cast["community_organiser"]
    coalition = coalition_with(1)
    services.coalition_update(actor=organiser, coalition=coalition, version=1, changes={"purpose": "First"})

    with pytest.raises(StaleEdit):
        services.coalition_update(
            actor=organiser, coalition=coalition, version=1, changes={"purpose": "Second"}
        )

    coalition.refresh_from_db()
    assert coalition.purpose == "First" and coalition.version == 2


def test_an_organisation_is_a_current_member_once_and_may_rejoin_after_leaving(cast):
    organiser = cast["community_organiser"]
    coalition = coalition_with(0)
    organisation = OrganisationFactory(name="Tenants United")
    first = services.member_add(
        actor=organiser, coalition=coalition, organisation=organisation, role="member"
    )

    with pytest.raises(ValidationError) as twice:
        services.member_add(actor=organiser, coalition=coalition, organisation=organisation, role="steering")
    services.member_leave(actor=organiser, membership=first)
    again = services.member_add(
        actor=organiser, coalition=coalition, organisation=organisation, role="steering"
    )

    assert "already a member" in twice.value.message_dict["organisation"][0]
    assert again.pk != first.pk
    assert list(coalition.memberships.filter(left_on__isnull=True)) == [again]


def test_a_member_with_open_action_items_cannot_leave(cast):
    coalition = coalition_with(1, actions=1)
    member = coalition.memberships.get()

    with pytest.raises(ValidationError, match="open action items"):
        services.member_leave(actor=cast["community_organiser"], membership=member)

    member.refresh_from_db()
    assert member.left_on is None


def test_a_meeting_with_its_decisions_and_action_items(cast):
    organiser = cast["community_organiser"]
    coalition = coalition_with(2)
    members = list(coalition.memberships.order_by("pk"))

    meeting = services.meeting_record(
        actor=organiser,
        coalition=coalition,
        held_on=today(),
        decisions="Ask for a hearing\n\n  Write the fact sheet  ",
        attending=members,
        actions=[
            {"action": "Request the hearing", "owner": members[0], "due_on": today() + dt.timedelta(days=7)},
            {"action": "Draft the sheet", "our_owner": organiser, "due_on": today() + dt.timedelta(days=3)},
        ],
    )

    assert meeting.decision_list == ["Ask for a hearing", "Write the fact sheet"]
    assert set(meeting.attending.all()) == set(members)
    assert [item.action for item in meeting.action_items.order_by("due_on")] == [
        "Draft the sheet",
        "Request the hearing",
    ]


def test_a_bad_action_item_stores_nothing_of_the_meeting(cast):
    coalition = coalition_with(1)

    with pytest.raises(ValidationError) as refused:
        services.meeting_record(
            actor=cast["community_organiser"],
            coalition=coalition,
            held_on=today(),
            decisions="A decision",
            actions=[
                {"action": "Fine", "our_owner": cast["community_organiser"], "due_on": today()},
                {"action": "Nobody owns this", "due_on": today()},
            ],
        )

    assert "Action 2: Say who owns it" in refused.value.message_dict["actions"][0]
    assert not Meeting.objects.exists() and not ActionItem.objects.exists()


def test_a_meeting_cannot_be_recorded_before_it_is_held_nor_with_outsiders(cast):
    coalition = coalition_with(1)
    outsider = coalition_with(1, name="Other").memberships.get()

    with pytest.raises(ValidationError) as future:
        services.meeting_record(
            actor=cast["community_organiser"], coalition=coalition, held_on=today() + dt.timedelta(days=1)
        )
    with pytest.raises(ValidationError) as stranger:
        services.meeting_record(
            actor=cast["community_organiser"], coalition=coalition, held_on=today(), attending=[outsider]
        )

    assert "held_on" in future.value.message_dict
    assert "attending" in stranger.value.message_dict


def test_an_action_item_owned_by_another_coalitions_member_is_refused(cast):
    coalition = coalition_with(1)
    other = coalition_with(1, name="Other").memberships.get()

    with pytest.raises(ValidationError) as refused:
        services.action_add(
            actor=cast["community_organiser"], coalition=coalition, action="X", due_on=today(), owner=other
        )

    assert "Choose an organisation in this coalition" in refused.value.message_dict["owner"][0]


def test_marking_an_action_item_done(cast):
    coalition = coalition_with(1, actions=1)
    item = coalition.action_items.get()

    done = services.action_update(
        actor=cast["community_organiser"], item=item, version=item.version, changes={"done_on": today()}
    )

    assert done.done_on == today() and done.version == 2 and not done.is_overdue
    assert Membership.objects.get().action_items.filter(done_on__isnull=True).count() == 0
