"""Writes of groups and memberships: create and change a group, enrol, wait-list, exit, promote.

Every change of who is in a group locks the group row first (select_for_update), so two
enrolments at once cannot both take the last seat and waiting-list positions stay in order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Max, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry, Segment, User
from tapestry.access.policy import Capability
from tapestry.access.versioning import versioned_update
from tapestry.mezzo.groups.access import groups_run_by
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.selectors import cases_changeable
from tapestry.people.models import ContactPoint, Person
from tapestry.web.records import create_record

# The facts of a group a form or the API may set; facilitators and focus needs are set apart (M2M).
GROUP_FIELDS = (
    "name",
    "kind",
    "purpose",
    "program",
    "location",
    "area",
    "capacity",
    "enrolment",
    "eligibility",
    "segment",
    "first_session_on",
    "start_time",
    "duration_minutes",
    "frequency",
    "session_count",
    "ends_on",
    "missed_sessions_alert",
    "status",
)


class EnrolmentRefused(ValidationError):
    """Enrolment refused for a reason the user must hear: full, duplicate, closed or ended.

    `reason` is one of "full", "duplicate", "closed", "ended"; the API answers 409 for the
    first two (the group's state conflicts) and 422 for the others.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__({"__all__": [message]}, code=reason)
        self.reason = reason
        self.message_text = message


def _require_runs(actor: User, group: Group) -> None:
    policy.require_capability(actor, Capability.GROUP_RUN)
    if not groups_run_by(actor).filter(pk=group.pk).exists():
        # Not theirs: answered as if the group's roster did not exist for them.
        raise Http404("You do not run this group.")


def _check_facilitators(facilitators: Iterable[User], segment: str = "") -> list[User]:
    """Every facilitator must be able to run groups and, for a sensitive group, hold its segment's grant
    (without it they could not see the roster they take attendance for)."""
    chosen = list(facilitators)
    if not chosen:
        raise ValidationError({"facilitators": [gettext("Choose at least one facilitator.")]})
    unable = [u for u in chosen if not policy.has_capability(u, Capability.GROUP_RUN)]
    if unable:
        names = ", ".join(f"{u.get_full_name() or u.username} ({u.get_role_display()})" for u in unable)
        message = gettext(
            "These staff cannot run groups in their role: %(names)s. Choose someone who can."
        ) % {"names": names}
        raise ValidationError({"facilitators": [message]})
    ungranted = [u for u in chosen if segment and segment not in policy.segments_granted(u)]
    if ungranted:
        names = ", ".join(u.get_full_name() or u.username for u in ungranted)
        label = Segment(segment).label
        message = gettext(
            "This group is in the %(segment)s segment; these staff hold no grant for it: %(names)s. "
            "Ask an administrator for the grant, or choose someone who holds it."
        ) % {"segment": label, "names": names}
        raise ValidationError({"facilitators": [message]})
    return chosen


def _check_schedule(group: Group) -> None:
    errors: dict[str, list[str]] = {}
    if group.ends_on is not None and group.first_session_on and group.ends_on < group.first_session_on:
        errors["ends_on"] = [gettext("The last date cannot be before the first session.")]
    if group.frequency == Group.Frequency.ONCE and group.session_count not in (None, 1):
        errors["session_count"] = [gettext("A group that meets once has one session.")]
    if errors:
        raise ValidationError(errors)


def _group_checked_create(
    actor: User, facilitators: Iterable[User], focus_needs: Iterable[Any], facts: dict[str, Any]
) -> Group:
    """Check a new group (every problem at once, each by its field, so the form is fixed in one go)
    and create it with its facilitators and focus needs."""
    unknown = set(facts) - set(GROUP_FIELDS)
    if unknown:
        raise ValidationError({name: [gettext("This field cannot be set here.")] for name in sorted(unknown)})
    group = Group(created_by=actor, **facts)
    chosen = list(facilitators)
    errors: dict[str, list[str]] = {}
    checks = (
        lambda: _check_facilitators(chosen, facts.get("segment", "")),
        lambda: group.full_clean(exclude=["created_by"], validate_constraints=False),
        lambda: _check_schedule(group),
    )
    for check in checks:
        try:
            check()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                errors.setdefault(name, []).extend(messages)
    if not errors and Group.objects.filter(name=group.name, first_session_on=group.first_session_on).exists():
        errors["name"] = [gettext("A group with this name already starts on that date.")]
    if errors:
        raise ValidationError(errors)
    return create_record(
        actor,
        group,
        clean=False,
        related={"facilitators": chosen, "focus_needs": list(focus_needs)},
        fields=[*sorted(facts), "facilitators", "focus_needs"],
    )


def group_create(
    *, actor: User, facilitators: Iterable[User], focus_needs: Iterable[Any] = (), **facts: Any
) -> Group:
    """Create a group; every facilitator must be able to run groups."""
    policy.require_capability(actor, Capability.GROUP_RUN)
    return _group_checked_create(actor, facilitators, focus_needs, facts)


def group_update(
    *,
    actor: User,
    group: Group,
    version: int,
    changes: dict[str, Any],
    facilitators: Iterable[User] | None = None,
    focus_needs: Iterable[Any] | None = None,
) -> Group:
    """Change a group from the `version` read; raising capacity moves waiting people in, in order."""
    _require_runs(actor, group)
    chosen = _check_facilitators(facilitators) if facilitators is not None else None
    with transaction.atomic():
        Group.objects.select_for_update().get(pk=group.pk)
        updated = versioned_update(
            actor=actor,
            instance=group,
            version=version,
            changes=changes,
            editable=GROUP_FIELDS,
            clean_exclude=["created_by"],
            savepoint=False,
        )
        _check_schedule(updated)
        # Checked against the segment as it now stands, so changing either one is caught.
        _check_facilitators(chosen if chosen is not None else updated.facilitators.all(), updated.segment)
        enrolled = _enrolled_count(updated)
        if updated.capacity < enrolled:
            # Lowering capacity never drops anyone: leavers are recorded first, each with a reason.
            message = ngettext(
                "%(enrolled)s person is enrolled, so there must be at least %(enrolled)s place. "
                "Record who is leaving first.",
                "%(enrolled)s people are enrolled, so there must be at least %(enrolled)s places. "
                "Record who is leaving first.",
                enrolled,
            ) % {"enrolled": enrolled}
            raise ValidationError({"capacity": [message]})
        relations: list[str] = []
        if chosen is not None and set(updated.facilitators.values_list("pk", flat=True)) != {
            u.pk for u in chosen
        }:
            updated.facilitators.set(chosen)
            relations.append("facilitators")
        if focus_needs is not None:
            wanted = {n.pk for n in focus_needs}
            if set(updated.focus_needs.values_list("pk", flat=True)) != wanted:
                updated.focus_needs.set(list(wanted))
                relations.append("focus_needs")
        if relations:
            # A change of facilitators or needs alone is still a new version of the group.
            if updated.version == version:
                updated.version += 1
                updated.save(update_fields=["version", "updated_at"])
            audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=updated, fields=relations)
        _promote_waiting(actor, updated)
    return updated


# Membership ---------------------------------------------------------------------------------


def _locked(group: Group) -> Group:
    return Group.objects.select_for_update().get(pk=group.pk)


def _enrolled_count(group: Group) -> int:
    return Membership.objects.filter(group=group, status=Membership.Status.ENROLLED).count()


def _waiting(group: Group) -> QuerySet[Membership]:
    """The waiting list, in order: by place, then by who asked first."""
    return Membership.objects.filter(group=group, status=Membership.Status.WAITING).order_by(
        "waiting_position", "requested_at", "pk"
    )


def _renumber_waiting(group: Group) -> None:
    for position, member in enumerate(_waiting(group), start=1):
        if member.waiting_position != position:
            member.waiting_position = position
            member.save(update_fields=["waiting_position", "updated_at"])


def _promote_waiting(actor: User, group: Group) -> list[Membership]:
    """Fill free seats from the head of the waiting list, in order; renumber the rest."""
    free = group.capacity - _enrolled_count(group)
    promoted: list[Membership] = []
    if free > 0:
        today = timezone.localdate()
        for member in _waiting(group)[:free]:
            member.status = Membership.Status.ENROLLED
            member.waiting_position = None
            member.enrolled_on = today
            member.version += 1
            member.save(update_fields=["status", "waiting_position", "enrolled_on", "version", "updated_at"])
            audit_record(
                actor=actor,
                action=AuditEntry.Action.UPDATE,
                obj=member,
                fields=["status", "waiting_position", "enrolled_on"],
                purpose="seat freed: moved in from the waiting list",
            )
            promoted.append(member)
    _renumber_waiting(group)
    return promoted


def _check_open_to_new_members(group: Group, today: date) -> None:
    if group.status == Group.Status.ENDED:
        raise EnrolmentRefused("ended", gettext("This group has ended and takes no new members."))
    if group.enrolment == Group.Enrolment.CLOSED and today > group.first_session_on:
        raise EnrolmentRefused(
            "closed",
            gettext("This is a closed group: new members could join only until its first session on %(day)s.")
            % {"day": date_format(group.first_session_on, "d F Y")},
        )


def _full_message(group: Group) -> str:
    return ngettext(
        "The group is full (%(capacity)s place). Put the person on the waiting list, or choose another group.",
        "The group is full (%(capacity)s places). Put the person on the waiting list, or choose another group.",
        group.capacity,
    ) % {"capacity": group.capacity}


def _joining_day(joined_on: date | None) -> date:
    """The day a member joined: today, or an earlier day when a sign-up sheet is entered late."""
    today = timezone.localdate()
    if joined_on is None:
        return today
    if joined_on > today:
        raise ValidationError({"joined_on": [gettext("The day someone joined cannot be in the future.")]})
    return joined_on


def _enrol(
    actor: User,
    group: Group,
    person: Person,
    case: Case | None,
    wait_list: bool,
    joined_on: date | None = None,
) -> Membership:
    """Enrol (or wait-list) a person; the caller holds the group row lock and has checked the rules."""
    today = _joining_day(joined_on)
    _check_open_to_new_members(group, today)
    live = (
        Membership.objects.filter(group=group, person=person).exclude(status=Membership.Status.EXITED).first()
    )
    if live is not None:
        where = "is already a member" if live.status == Membership.Status.ENROLLED else "is already waiting"
        raise EnrolmentRefused("duplicate", f"{person.display_name} {where} of this group.")
    membership = Membership(group=group, person=person, case=case, added_by=actor)
    if _enrolled_count(group) < group.capacity:
        membership.status = Membership.Status.ENROLLED
        membership.enrolled_on = today
    elif wait_list:
        last = Membership.objects.filter(group=group, status=Membership.Status.WAITING).aggregate(
            last=Max("waiting_position")
        )["last"]
        membership.status = Membership.Status.WAITING
        membership.waiting_position = (last or 0) + 1
    else:
        raise EnrolmentRefused("full", _full_message(group))
    membership.save()
    audit_record(
        actor=actor,
        action=AuditEntry.Action.CREATE,
        obj=membership,
        fields=["group", "person", "case", "status", "waiting_position"],
    )
    return membership


def membership_enrol_from_case(
    *, actor: User, group: Group, case: Case, wait_list: bool = True, joined_on: date | None = None
) -> Membership:
    """Enrol a client from their case; the worker must be able to change the case.

    `joined_on` (default today) records a member who joined earlier, so past sessions count them.
    """
    policy.require_capability(actor, Capability.PERSON_WRITE)
    if not cases_changeable(actor).filter(pk=case.pk).exists():
        raise Http404("No case with this number that you may change.")
    if case.status == Case.Status.CLOSED:
        raise ValidationError(
            {"group": [gettext("This case is closed. Reopen it to enrol the person in a group.")]}
        )
    if group.segment and not policy.can_view_segment(actor, group.segment):
        message = gettext("This group is in the %(segment)s segment, which you are not granted.") % {
            "segment": group.get_segment_display()
        }
        raise ValidationError({"group": [message]})
    with transaction.atomic():
        return _enrol(actor, _locked(group), case.person, case, wait_list, joined_on)


@dataclass(frozen=True)
class CommunityMember:
    """A person from the community who joins a group without being a client."""

    given_name: str
    family_name: str
    phone: str = ""
    email: str = ""
    date_of_birth: date | None = None


MEMBER_FIELDS = tuple(field.name for field in fields(CommunityMember))


def community_member_register(
    *,
    actor: User,
    group: Group,
    member: CommunityMember,
    wait_list: bool = True,
    joined_on: date | None = None,
) -> Membership:
    """Register a community member straight into a group the actor runs: the person and the membership.

    Facilitators hold no PERSON_WRITE: running this group is what lets them add its members. The
    person is on no one's caseload; they are reached through the roster only.
    """
    _require_runs(actor, group)
    person = Person(
        given_name=member.given_name.strip(),
        family_name=member.family_name.strip(),
        date_of_birth=member.date_of_birth,
    )
    errors: dict[str, list[str]] = {}
    if member.date_of_birth is not None and member.date_of_birth > timezone.localdate():
        errors["date_of_birth"] = [gettext("The date of birth cannot be in the future.")]
    try:
        person.full_clean(exclude=["merged_into"])
    except ValidationError as error:
        errors.update(error.message_dict)
    if member.phone and (len(member.phone) > 40 or sum(ch.isdigit() for ch in member.phone) < 5):
        errors["phone"] = [gettext("Enter a phone number with at least five digits, like 555-0142.")]
    if member.email:
        try:
            validate_email(member.email)
        except ValidationError:
            errors["email"] = [gettext("Enter a valid email address, like name@example.org.")]
    try:
        joining_day = _joining_day(joined_on)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = _locked(group)
        # Checked before the person is saved, so a refused enrolment leaves no stray record.
        _check_open_to_new_members(locked, joining_day)
        if not wait_list and _enrolled_count(locked) >= locked.capacity:
            raise EnrolmentRefused("full", _full_message(locked))
        person.save()
        fields = ["given_name", "family_name"] + (["date_of_birth"] if member.date_of_birth else [])
        for kind, value in ((ContactPoint.Kind.PHONE, member.phone), (ContactPoint.Kind.EMAIL, member.email)):
            if value:
                ContactPoint.objects.create(person=person, kind=kind, value=value.strip())
                fields.append(kind)
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            obj=person,
            fields=fields,
            purpose=f"community member registered into group {group.pk}",
        )
        return _enrol(actor, locked, person, None, wait_list, joined_on)


def memberships_changeable(user: User):
    """Memberships the user may change: their groups' rosters and their own clients' memberships."""
    return policy.visible(user, Membership.objects.all(), for_change=True)


def membership_exit(
    *, actor: User, membership: Membership, reason: str, note: str = "", version: int
) -> Membership:
    """Take a member out (or off the waiting list) with a reason; a freed seat goes to the next in line."""
    policy.require_capability(actor, Capability.GROUP_RUN)
    if not memberships_changeable(actor).filter(pk=membership.pk).exists():
        raise Http404("No membership with this number that you may change.")
    errors: dict[str, list[str]] = {}
    if reason not in Membership.ExitReason.values:
        errors["reason"] = [gettext("Choose why the person is leaving.")]
    if len(note) > 255:
        errors["note"] = [gettext("Keep the note under 255 characters.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        group = _locked(membership.group)
        current = Membership.objects.select_for_update().get(pk=membership.pk)
        if current.version != version:
            raise StaleEdit(current.version)
        if current.status == Membership.Status.EXITED:
            raise ValidationError({"reason": [gettext("This person has already left the group.")]})
        current.status = Membership.Status.EXITED
        current.waiting_position = None
        current.exited_on = timezone.localdate()
        current.exit_reason = reason
        current.exit_note = note.strip()
        current.version += 1
        current.save()
        audit_record(
            actor=actor,
            action=AuditEntry.Action.UPDATE,
            obj=current,
            fields=["status", "exited_on", "exit_reason", "exit_note"],
        )
        _promote_waiting(actor, group)
    return current


def group_draft_from_signal(
    *,
    actor: User,
    facilitators: Iterable[User],
    focus_needs: Iterable[Any] = (),
    origin: str = "",
    **facts: Any,
) -> Group:
    """A planned group proposed by an escalation signal (tapestry/thread/signals), for an actor who
    may answer signals (a program manager need not run groups): checked like any new group, always
    planned, its purpose recording where it came from."""
    policy.require_capability(actor, Capability.SIGNAL_RESPOND)
    facts["status"] = Group.Status.PLANNED
    if origin:
        facts["purpose"] = f"{facts.get('purpose', '').strip()}\n\n{origin}".strip()
    return _group_checked_create(actor, facilitators, focus_needs, facts)
