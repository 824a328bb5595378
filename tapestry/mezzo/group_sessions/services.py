"""Writes for group sessions: record a session, take attendance in one go, write the group note.

Every function takes the acting user first, checks that they run the group, writes in one
transaction and leaves an audit entry (field names, never values).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, time, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access.audit import audit_record
from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry, User
from tapestry.mezzo.group_sessions.access import require_runs
from tapestry.mezzo.group_sessions.models import (
    Attendance,
    GroupNote,
    MissedSessionsFollowUp,
    NoteMention,
    Session,
)
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.mezzo.groups.schedule import session_dates
from tapestry.web.records import create_record

SESSION_FIELDS = ("held_on", "start_time", "topic", "activities", "status")
NOTE_FIELDS = ("dynamics", "themes", "progress")
FOLLOW_UP_DUE_DAYS = 2


def members_on(session: Session) -> QuerySet[Membership]:
    """Everyone enrolled in the group on the session's day (including those who left since)."""
    return (
        Membership.objects.filter(group_id=session.group_id, enrolled_on__lte=session.held_on)
        .filter(
            Q(status=Membership.Status.ENROLLED)
            | Q(status=Membership.Status.EXITED, exited_on__gt=session.held_on)
        )
        .select_related("person")
        .order_by("person__family_name", "person__given_name", "pk")
    )


# Sessions ------------------------------------------------------------------------------------


def _facilitators_of(group: Group, facilitators: Iterable[User]) -> list[User]:
    chosen = list(facilitators)
    allowed = set(group.facilitators.values_list("pk", flat=True))
    strangers = [user for user in chosen if user.pk not in allowed]
    if strangers:
        raise ValidationError(
            {"facilitators": [gettext("Only the group's own facilitators can be named here.")]}
        )
    return chosen


def _check_session(session: Session) -> None:
    session.full_clean(exclude=["group", "recorded_by"], validate_constraints=False)
    clash = Session.objects.filter(
        group_id=session.group_id, held_on=session.held_on, start_time=session.start_time
    ).exclude(pk=session.pk)
    if clash.exists():
        raise ValidationError(
            {"held_on": [gettext("This group already has a session recorded at that date and time.")]}
        )
    if session.held_on > timezone.localdate() and session.status == Session.Status.HELD:
        raise ValidationError(
            {"held_on": [gettext("A session cannot be held in the future; record it on the day.")]}
        )


def session_create(
    *,
    actor: User,
    group: Group,
    held_on: date,
    start_time: time,
    topic: str,
    activities: str = "",
    facilitators: Iterable[User] = (),
    status: str = Session.Status.HELD,
) -> Session:
    """Record a meeting of a group the actor runs."""
    require_runs(actor, group.pk)
    session = Session(
        group=group,
        held_on=held_on,
        start_time=start_time,
        topic=topic.strip(),
        activities=activities,
        status=status,
        recorded_by=actor,
    )
    _check_session(session)
    present = _facilitators_of(group, facilitators)
    return create_record(
        actor,
        session,
        clean=False,
        related={"facilitators": present},
        fields=[*SESSION_FIELDS, "facilitators"],
    )


def session_open_today(*, actor: User, group: Group, today: date | None = None) -> Session:
    """Today's session of the group, from its schedule: the one already recorded, or a new one.

    The new session starts at the group's usual time, with no topic yet (it can be added later), and
    the actor as the facilitator present when they facilitate the group. Refused when the schedule
    has no session today, so a stray tap never invents a meeting.
    """
    require_runs(actor, group.pk)
    today = today or timezone.localdate()
    recorded = Session.objects.filter(group=group, held_on=today).order_by("start_time", "pk").first()
    if recorded is not None:
        return recorded
    if today not in session_dates(group, limit=1, on_or_after=today):
        raise ValidationError({"held_on": [gettext("The group's schedule has no session today.")]})
    present = [user for user in group.facilitators.all() if user.pk == actor.pk]
    return session_create(
        actor=actor, group=group, held_on=today, start_time=group.start_time, topic="", facilitators=present
    )


def session_update(
    *,
    actor: User,
    session: Session,
    version: int,
    changes: Mapping[str, Any],
    facilitators: Iterable[User] | None = None,
) -> Session:
    """Change a session's details; a stale version is refused (StaleEdit)."""
    require_runs(actor, session.group_id)
    unknown = set(changes) - set(SESSION_FIELDS)
    if unknown:
        raise ValidationError(
            {name: [gettext("This field cannot be changed here.")] for name in sorted(unknown)}
        )
    present = None if facilitators is None else _facilitators_of(session.group, facilitators)
    with transaction.atomic():
        current = Session.objects.select_for_update().get(pk=session.pk)
        if current.version != version:
            raise StaleEdit(current.version)
        changed = [name for name, value in changes.items() if getattr(current, name) != value]
        for name in changed:
            setattr(current, name, changes[name])
        _check_session(current)
        if present is not None:
            before = set(current.facilitators.values_list("pk", flat=True))
            if before != {user.pk for user in present}:
                current.facilitators.set(present)
                changed.append("facilitators")
        if changed:
            current.version += 1
            current.save()
            audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=current, fields=changed)
    return current


# Attendance ----------------------------------------------------------------------------------


class AttendanceIncomplete(ValidationError):
    """Marks for members who are not on the session's roster, or members left unmarked."""

    def __init__(self, errors: dict[str, list[str]], *, unmarked: Iterable[int] = ()) -> None:
        super().__init__(errors)
        self.unmarked = list(unmarked)


def attendance_record(
    *, actor: User, session: Session, version: int, marks: Mapping[int, str], rest: str = ""
) -> list[MissedSessionsFollowUp]:
    """Save the whole session's attendance at once: every member marked, or nothing is saved.

    `marks` maps membership id to a mark; `rest` (e.g. "present") marks everyone left unmarked,
    for the "mark the rest present" button. The queries do not grow with the number of members.
    Returns the missed-sessions follow-ups this save raised.
    """
    require_runs(actor, session.group_id)
    if not session.is_held:
        raise ValidationError({"__all__": [gettext("A cancelled session has no attendance.")]})
    valid = set(Attendance.Mark.values)
    if rest and rest not in valid:
        raise ValidationError({"rest": [gettext("Choose present, late, excused or absent.")]})
    bad = sorted(str(pk) for pk, mark in marks.items() if mark and mark not in valid)
    if bad:
        raise AttendanceIncomplete(
            {"attendance": [gettext("Unknown mark for member %(members)s.") % {"members": ", ".join(bad)}]}
        )
    members = list(members_on(session))
    by_id = {member.pk: member for member in members}
    unknown = sorted(pk for pk in marks if pk not in by_id)
    if unknown:
        strangers = ", ".join(str(pk) for pk in unknown)
        message = gettext("These are not members of the group on the session's date: %(members)s.") % {
            "members": strangers
        }
        raise AttendanceIncomplete({"attendance": [message]})
    final = {pk: marks.get(pk) or rest for pk in by_id}
    unmarked = [by_id[pk] for pk, mark in final.items() if not mark]
    if unmarked:
        names = ", ".join(member.person.display_name for member in unmarked)
        raise AttendanceIncomplete(
            {
                "attendance": [
                    gettext("Mark every member before saving. Not marked yet: %(names)s.") % {"names": names}
                ]
            },
            unmarked=[member.pk for member in unmarked],
        )
    with transaction.atomic():
        current = Session.objects.select_for_update().get(pk=session.pk)
        if current.version != version:
            raise StaleEdit(current.version)
        existing = {row.membership_id: row for row in Attendance.objects.filter(session=current)}
        new = [
            Attendance(session=current, membership_id=pk, status=mark, recorded_by=actor)
            for pk, mark in final.items()
            if pk not in existing
        ]
        changed = []
        for pk, mark in final.items():
            row = existing.get(pk)
            if row is not None and row.status != mark:
                row.status, row.recorded_by, row.updated_at = mark, actor, timezone.now()
                changed.append(row)
        Attendance.objects.bulk_create(new)
        Attendance.objects.bulk_update(changed, ["status", "recorded_by", "updated_at"])
        current.version += 1
        current.save(update_fields=["version", "updated_at"])
        session.version = current.version
        # One entry for the whole sheet: the session names the group, the rows name no values.
        audit_record(
            actor=actor,
            action=AuditEntry.Action.UPDATE if existing else AuditEntry.Action.CREATE,
            obj=current,
            object_type="group_sessions.attendance",
            fields=["status"],
            purpose=f"attendance of {len(final)} members",
        )
        raised = _missed_sessions_follow_up(actor=actor, session=current, members=members)
    return raised


def missed_streaks(members: list[Membership], group: Group) -> dict[int, tuple[int, int]]:
    """For each member: (sessions missed in a row up to their latest mark, first session of that run).

    Only "absent" counts; a present, late or excused mark ends the run. Sessions with no mark
    for the member (not taken yet) are skipped. One query whatever the number of members.
    """
    rows = (
        Attendance.objects.filter(
            membership__in=[m.pk for m in members], session__group=group, session__status=Session.Status.HELD
        )
        .order_by("membership_id", "-session__held_on", "-session__start_time", "-session_id")
        .values_list("membership_id", "session_id", "status")
    )
    streaks: dict[int, tuple[int, int]] = {}
    ended: set[int] = set()
    for membership_id, session_id, status in rows:
        if membership_id in ended:
            continue
        if status != Attendance.Mark.ABSENT:
            ended.add(membership_id)
            continue
        count, _ = streaks.get(membership_id, (0, session_id))
        streaks[membership_id] = (count + 1, session_id)
    return streaks


def _open_case_of(membership: Membership) -> Any:
    from tapestry.micro.cases.models import Case

    if membership.case_id and membership.case.status == Case.Status.OPEN:
        return membership.case
    return (
        Case.objects.filter(person_id=membership.person_id, status=Case.Status.OPEN)
        .select_related("worker")
        .order_by("-opened_on", "-pk")
        .first()
    )


def _missed_sessions_follow_up(
    *, actor: User, session: Session, members: list[Membership]
) -> list[MissedSessionsFollowUp]:
    """Raise a check-in task for the caseworker of each member who has just reached the alert.

    The facilitator may not change cases, so this is not casework.services.task_add on their
    behalf: it is a task the system raises from the group's attendance rule, written here
    directly, owned by the case's worker and audited against the person. A streak raises once
    (keyed by its first missed session), and never while an earlier follow-up task is still open.
    """
    from tapestry.micro.casework.models import Task

    group = session.group
    threshold = group.missed_sessions_alert
    streaks = {pk: streak for pk, streak in missed_streaks(members, group).items() if streak[0] >= threshold}
    if not streaks:
        return []
    earlier = MissedSessionsFollowUp.objects.filter(membership_id__in=list(streaks)).select_related("task")
    raised_for = {(f.membership_id, f.streak_started_id) for f in earlier}
    task_open = {f.membership_id for f in earlier if f.task is not None and f.task.status == Task.Status.OPEN}
    by_id = {member.pk: member for member in members}
    raised = []
    for pk, (missed, started) in streaks.items():
        if (pk, started) in raised_for or pk in task_open:
            continue
        membership = by_id[pk]
        case = _open_case_of(membership)
        task = None
        if case is not None:
            task = Task.objects.create(
                case=case,
                title=f"Missed {missed} sessions in a row of {group.name[:120]}: check in",
                details=(
                    f"Raised by Tapestry when attendance for {session.held_on:%d %B %Y} was saved: "
                    f"the member was absent (not excused) from {missed} sessions of the group in a row."
                ),
                owner=case.worker,
                due_on=timezone.localdate() + timedelta(days=FOLLOW_UP_DUE_DAYS),
                created_by=None,
            )
            audit_record(
                actor=actor,
                action=AuditEntry.Action.CREATE,
                obj=task,
                person_id=case.person_id,
                fields=["title", "details", "owner", "due_on"],
                purpose="follow-up raised by the missed-sessions rule of a group",
            )
        raised.append(
            MissedSessionsFollowUp.objects.create(
                membership=membership, streak_started_id=started, missed=missed, task=task
            )
        )
    return raised


# The group note ------------------------------------------------------------------------------


def _names_in(text: str, members: Iterable[Membership]) -> list[str]:
    """Member names written into text meant for the whole group (whole words, as capitalised)."""
    found = []
    for member in members:
        person = member.person
        names = {person.display_name, person.given_name, getattr(person, "preferred_name", "") or ""}
        for name in sorted(n for n in names if len(n) >= 3):
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                found.append(name)
                break
    return found


def note_save(
    *,
    actor: User,
    session: Session,
    version: int,
    dynamics: str,
    themes: str,
    progress: str,
    mentions: Mapping[int, str],
) -> GroupNote:
    """Write or revise the session's group note and its member mentions (replacing the old ones).

    Version 0 creates the note; any other must be the note's current version. The note's own
    text may not name members: what is about one member goes into a mention of them.
    """
    require_runs(actor, session.group_id)
    members = list(members_on(session))
    by_id = {member.pk: member for member in members}
    unknown = sorted(pk for pk in mentions if pk not in by_id)
    if unknown:
        raise ValidationError(
            {
                "mentions": [
                    gettext("Mentions can only be of the session's members (not %(members)s).")
                    % {"members": unknown}
                ]
            }
        )
    texts = {"dynamics": dynamics.strip(), "themes": themes.strip(), "progress": progress.strip()}
    errors = {}
    for field, text in texts.items():
        named = _names_in(text, members)
        if named:
            errors[field] = [
                gettext(
                    "The group note must not name members (%(names)s): "
                    "write what is about one member as a mention of them below."
                )
                % {"names": ", ".join(named)}
            ]
    if errors:
        raise ValidationError(errors)
    if not any(texts.values()):
        raise ValidationError({"dynamics": [gettext("Write at least one of dynamics, themes or progress.")]})
    wanted = {pk: text.strip() for pk, text in mentions.items() if text and text.strip()}
    with transaction.atomic():
        note = GroupNote.objects.select_for_update().filter(session=session).first()
        if note is None:
            if version != 0:
                raise StaleEdit(0)
            note = GroupNote.objects.create(session=session, written_by=actor, **texts)
            action, changed = AuditEntry.Action.CREATE, list(NOTE_FIELDS)
        else:
            if note.version != version:
                raise StaleEdit(note.version)
            changed = [name for name, text in texts.items() if getattr(note, name) != text]
            for name in changed:
                setattr(note, name, texts[name])
            action = AuditEntry.Action.UPDATE
        old = {mention.membership_id: mention for mention in note.mentions.all()}
        if {pk: m.text for pk, m in old.items()} != wanted:
            changed.append("mentions")
            NoteMention.objects.filter(note=note).exclude(membership_id__in=list(wanted)).delete()
            keep = [old[pk] for pk in wanted if pk in old and old[pk].text != wanted[pk]]
            for mention in keep:
                mention.text = wanted[mention.membership_id]
            NoteMention.objects.bulk_update(keep, ["text"])
            NoteMention.objects.bulk_create(
                NoteMention(note=note, membership_id=pk, text=text)
                for pk, text in wanted.items()
                if pk not in old
            )
        if changed or action == AuditEntry.Action.CREATE:
            if action == AuditEntry.Action.UPDATE:
                note.version += 1
            note.written_by = actor
            note.save()
            audit_record(actor=actor, action=action, obj=note, fields=changed)
            # A mention is about one person: its write is in that person's audit trail too.
            touched = {pk for pk in wanted if pk not in old or old[pk].text != wanted[pk]}
            touched |= {pk for pk in old if pk not in wanted}
            if "mentions" in changed:
                for pk in sorted(touched):
                    audit_record(
                        actor=actor,
                        action=AuditEntry.Action.DELETE if pk not in wanted else action,
                        object_type="group_sessions.notemention",
                        object_id=note.pk,
                        person_id=by_id[pk].person_id if pk in by_id else None,
                        fields=["text"],
                    )
    return note
