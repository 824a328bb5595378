"""Groups and membership rules: capacity, the waiting list in order, closed groups, duplicates, exits."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry, Segment
from tapestry.mezzo.groups import services
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.mezzo.groups.tests.support import client_member, community, fill, make_group, refreshed
from tapestry.people.models import ContactPoint, Person
from tapestry.testing import PersonFactory, grant, open_case

pytestmark = pytest.mark.django_db

ENROLLED, WAITING, EXITED = Membership.Status.ENROLLED, Membership.Status.WAITING, Membership.Status.EXITED


def waiting_names(group: Group) -> list[tuple[int, str]]:
    rows = Membership.objects.filter(group=group, status=WAITING).order_by("waiting_position")
    return [(m.waiting_position, m.person.given_name) for m in rows]


def test_a_full_group_puts_the_next_person_on_the_waiting_list_in_order(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(facilitator, capacity=2)
    fill(group, facilitator, 2)

    first = community(facilitator, group, "Ada")
    second = community(facilitator, group, "Ben")

    assert (first.status, first.waiting_position) == (WAITING, 1)
    assert (second.status, second.waiting_position) == (WAITING, 2)
    assert Membership.objects.filter(group=group, status=ENROLLED).count() == 2


def test_a_full_group_refuses_with_a_message_when_the_user_will_not_wait(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(facilitator, capacity=1)
    fill(group, facilitator, 1)

    with pytest.raises(services.EnrolmentRefused) as refused:
        community(facilitator, group, "Cleo", wait_list=False)

    assert refused.value.reason == "full"
    assert "The group is full (1 place)" in refused.value.message_text
    # Refused before anything was written: no stray person record either.
    assert not Membership.objects.filter(person__given_name="Cleo").exists()
    assert not Person.objects.filter(given_name="Cleo").exists()


def test_an_exit_frees_a_seat_for_the_first_waiting_and_renumbers_the_rest(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(facilitator, capacity=2)
    leaver, _stayer = fill(group, facilitator, 2)
    for name in ("Ada", "Ben", "Cleo"):
        community(facilitator, group, name)

    services.membership_exit(
        actor=facilitator, membership=leaver, reason="moved_away", note="Moved to the coast.", version=1
    )

    leaver = refreshed(leaver)
    assert (leaver.status, leaver.exit_reason, leaver.exit_note) == (
        EXITED,
        "moved_away",
        "Moved to the coast.",
    )
    ada = Membership.objects.get(group=group, person__given_name="Ada")
    assert (ada.status, ada.waiting_position, ada.enrolled_on) == (ENROLLED, None, timezone.localdate())
    assert waiting_names(group) == [(1, "Ben"), (2, "Cleo")]


def test_leaving_the_waiting_list_keeps_the_order_of_the_others(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(facilitator, capacity=1)
    fill(group, facilitator, 1)
    ada, ben, cleo = (community(facilitator, group, name) for name in ("Ada", "Ben", "Cleo"))

    services.membership_exit(actor=facilitator, membership=ben, reason="other", version=ben.version)

    assert waiting_names(group) == [(1, "Ada"), (2, "Cleo")]
    assert refreshed(ada).status == WAITING  # no seat was freed


def test_raising_capacity_moves_waiting_people_in_in_order(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(facilitator, capacity=1)
    fill(group, facilitator, 1)
    for name in ("Ada", "Ben", "Cleo"):
        community(facilitator, group, name)

    updated = services.group_update(
        actor=facilitator, group=group, version=group.version, changes={"capacity": 3}
    )

    assert updated.capacity == 3 and updated.version == group.version + 1
    enrolled = set(
        Membership.objects.filter(group=group, status=ENROLLED).values_list("person__given_name", flat=True)
    )
    assert {"Ada", "Ben"} <= enrolled
    assert waiting_names(group) == [(1, "Cleo")]


def test_capacity_cannot_drop_below_the_people_enrolled(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(facilitator, capacity=3)
    fill(group, facilitator, 3)

    with pytest.raises(ValidationError) as refused:
        services.group_update(actor=facilitator, group=group, version=1, changes={"capacity": 2})

    assert "3 people are enrolled" in refused.value.message_dict["capacity"][0]
    assert Group.objects.get(pk=group.pk).capacity == 3


def test_a_closed_group_refuses_new_members_after_its_first_session(cast):
    facilitator = cast["group_facilitator"]
    started = make_group(
        facilitator,
        enrolment=Group.Enrolment.CLOSED,
        first_session_on=timezone.localdate() - dt.timedelta(days=1),
    )
    starting_today = make_group(
        facilitator, enrolment=Group.Enrolment.CLOSED, first_session_on=timezone.localdate()
    )

    with pytest.raises(services.EnrolmentRefused) as refused:
        community(facilitator, started, "Dee")

    assert refused.value.reason == "closed"
    assert "closed group" in refused.value.message_text
    assert community(facilitator, starting_today, "Eve").status == ENROLLED


def test_a_person_already_in_the_group_or_waiting_is_refused(cast):
    worker = cast.caseworker
    group = make_group(cast["group_facilitator"], capacity=1)
    case = open_case(worker, person=PersonFactory(given_name="Fay", family_name="Lowe"))
    services.membership_enrol_from_case(actor=worker, group=group, case=case)
    other = open_case(worker)
    services.membership_enrol_from_case(actor=worker, group=group, case=other)  # waits

    for again in (case, other):
        with pytest.raises(services.EnrolmentRefused) as refused:
            services.membership_enrol_from_case(actor=worker, group=group, case=again)
        assert refused.value.reason == "duplicate"
        message = "already a member" if again is case else "already waiting"
        assert message in refused.value.message_text
        assert refused.value.message_text.startswith("Fay Lowe") == (again is case)


def test_a_person_who_left_may_join_again(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(facilitator)
    member = community(facilitator, group, "Gus")
    services.membership_exit(actor=facilitator, membership=member, reason="dropped_out", version=1)

    case = open_case(cast.caseworker, person=member.person)

    rejoined = services.membership_enrol_from_case(actor=cast.caseworker, group=group, case=case)

    assert rejoined.status == ENROLLED and rejoined.pk != member.pk


def test_a_facilitator_registers_a_community_member_into_their_group(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(facilitator)
    member = services.community_member_register(
        actor=facilitator,
        group=group,
        member=services.CommunityMember(
            given_name=" Hana ",
            family_name="Sato",
            phone="555-0199",
            email="hana@example.org",
            date_of_birth=dt.date(1990, 5, 1),
        ),
    )

    assert member.status == ENROLLED and member.case is None
    assert (member.person.given_name, member.person.date_of_birth) == ("Hana", dt.date(1990, 5, 1))
    assert set(ContactPoint.objects.filter(person=member.person).values_list("kind", "value")) == {
        ("phone", "555-0199"),
        ("email", "hana@example.org"),
    }
    # On no one's caseload: the record is reached through the roster only.
    assert not member.person.assignments.exists()
    actions = set(
        AuditEntry.objects.filter(object_type__in=["people.person", "groups.membership"]).values_list(
            "object_type", "action"
        )
    )
    assert actions == {("people.person", "create"), ("groups.membership", "create")}


def test_registering_checks_the_member_and_that_the_actor_runs_the_group(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(facilitator)
    bad = services.CommunityMember(given_name="", family_name="Sato", email="not-an-email", phone="12")

    with pytest.raises(ValidationError) as invalid:
        services.community_member_register(actor=facilitator, group=group, member=bad)
    assert set(invalid.value.message_dict) == {"given_name", "email", "phone"}

    with pytest.raises(Http404):
        community(cast["community_educator"], group, "Ivy")  # may run groups, but not this one


def test_every_facilitator_must_be_able_to_run_groups(cast):
    facts = {
        "name": "Evening support",
        "kind": Group.Kind.SUPPORT,
        "purpose": "Support.",
        "capacity": 8,
        "first_session_on": timezone.localdate(),
        "start_time": dt.time(18, 0),
    }
    with pytest.raises(ValidationError) as refused:
        services.group_create(
            actor=cast.caseworker, facilitators=[cast.caseworker, cast["program_manager"]], **facts
        )

    (message,) = refused.value.message_dict["facilitators"]
    assert "cannot run groups" in message and "Program manager" in message

    group = services.group_create(actor=cast.caseworker, facilitators=[cast["group_facilitator"]], **facts)
    assert list(group.facilitators.all()) == [cast["group_facilitator"]]


def test_a_sensitive_groups_facilitators_must_hold_its_segment_grant(cast):
    facilitator = cast["group_facilitator"]
    facts = {
        "name": "Recovery circle",
        "kind": Group.Kind.SUPPORT,
        "purpose": "Peer support in recovery.",
        "capacity": 8,
        "first_session_on": timezone.localdate(),
        "start_time": dt.time(18, 0),
        "segment": Segment.SUBSTANCE_USE,
    }
    with pytest.raises(ValidationError) as refused:
        services.group_create(actor=facilitator, facilitators=[facilitator], **facts)
    (message,) = refused.value.message_dict["facilitators"]
    assert "Substance use" in message and "no grant" in message
    assert not Group.objects.filter(name="Recovery circle").exists()

    # Moving a running group into the segment is refused the same way, and changes nothing.
    group = make_group(facilitator, name="Open circle")
    with pytest.raises(ValidationError):
        services.group_update(
            actor=facilitator, group=group, version=1, changes={"segment": Segment.SUBSTANCE_USE}
        )
    assert Group.objects.get(pk=group.pk).segment == ""

    grant(facilitator, Segment.SUBSTANCE_USE)
    created = services.group_create(actor=facilitator, facilitators=[facilitator], **facts)
    assert created.segment == Segment.SUBSTANCE_USE


def test_a_stale_edit_is_refused_and_changes_nothing(cast):
    facilitator = cast["group_facilitator"]
    group = make_group(facilitator, location="Library")
    services.group_update(actor=facilitator, group=group, version=1, changes={"location": "Town hall"})

    with pytest.raises(StaleEdit):
        services.group_update(actor=facilitator, group=group, version=1, changes={"location": "Church hall"})

    assert Group.objects.get(pk=group.pk).location == "Town hall"


def test_only_those_who_run_a_group_may_change_it(cast):
    group = make_group(cast["group_facilitator"])
    with pytest.raises(Http404):
        services.group_update(actor=cast.outsider, group=group, version=1, changes={"capacity": 20})
    # The facilitator's supervisor oversees the group.
    cast["group_facilitator"].supervisor = cast.supervisor
    cast["group_facilitator"].save()
    services.group_update(actor=cast.supervisor, group=group, version=1, changes={"capacity": 20})
    assert Group.objects.get(pk=group.pk).capacity == 20


def test_a_caseworker_enrols_only_from_a_case_they_may_change(cast):
    group = make_group(cast["group_facilitator"])
    not_theirs = open_case(cast.outsider)
    with pytest.raises(Http404):
        services.membership_enrol_from_case(actor=cast.caseworker, group=group, case=not_theirs)
    member = client_member(cast.caseworker, group)
    assert member.case.worker == cast.caseworker


@pytest.mark.django_db
def test_a_sign_up_sheet_entered_later_keeps_the_day_each_member_joined(cast):
    facilitator = cast["group_facilitator"]
    first = timezone.localdate() - dt.timedelta(days=14)
    group = make_group(facilitator, enrolment=Group.Enrolment.CLOSED, first_session_on=first)
    joined = community(facilitator, group, joined_on=first)
    assert refreshed(joined).enrolled_on == first
    # Joining a closed group on the day of its first session is allowed even when entered later;
    # joining it today is not, and a day in the future is refused by the field.
    with pytest.raises(ValidationError) as late:
        community(facilitator, group)
    assert "closed group" in str(late.value)
    with pytest.raises(ValidationError) as future:
        community(facilitator, group, joined_on=timezone.localdate() + dt.timedelta(days=1))
    assert future.value.message_dict == {"joined_on": ["The day someone joined cannot be in the future."]}
    assert Person.objects.filter(group_memberships__group=group).count() == 1
