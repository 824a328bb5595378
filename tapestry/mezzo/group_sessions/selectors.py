"""Reads for group sessions: each starts from the groups the user runs, or from the access policy."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from tapestry.access import policy
from tapestry.access.audit import audit_view
from tapestry.access.models import User
from tapestry.evidence.suppression import Cell, suppress_table
from tapestry.mezzo.group_sessions.access import groups_running, require_runs
from tapestry.mezzo.group_sessions.models import (
    Attendance,
    GroupNote,
    MissedSessionsFollowUp,
    NoteMention,
    Session,
)
from tapestry.mezzo.group_sessions.services import members_on
from tapestry.mezzo.groups.access import group_aggregates_of
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.web.ids import found_or_404


def group_list(*, user: User) -> QuerySet[Group]:
    """The groups the user runs, with how many sessions each has recorded."""
    return (
        groups_running(user)
        .annotate(
            session_total=Count("sessions", distinct=True),
            member_total=Count(
                "memberships", filter=Q(memberships__status=Membership.Status.ENROLLED), distinct=True
            ),
        )
        .order_by("name", "pk")
    )


def group_get(*, user: User, group_id: int) -> Group:
    require_runs(user, group_id)
    return Group.objects.prefetch_related("facilitators").get(pk=group_id)


def session_list(*, user: User, group: Group) -> QuerySet[Session]:
    """The group's sessions, newest first, with attendance counts and whether a note exists."""
    require_runs(user, group.pk)
    attended = Q(attendance__status__in=Attendance.ATTENDED)
    return (
        Session.objects.filter(group=group)
        .annotate(
            marked=Count("attendance", distinct=True),
            attended=Count("attendance", filter=attended, distinct=True),
            has_note=Count("note", distinct=True),
        )
        .prefetch_related("facilitators")
        # Meta.ordering does not apply to aggregated queries: say it again.
        .order_by("-held_on", "-start_time", "-pk")
    )


def session_get(*, user: User, session_id: int) -> Session:
    """A session of a group the user runs; any other is a 404."""
    session = Session.objects.select_related("group").prefetch_related("facilitators").filter(pk=session_id)
    found = session.first()
    if found is None:
        raise Http404("No session with this number.")
    policy.require_capability(user, policy.Capability.GROUP_RUN)
    if not groups_running(user).filter(pk=found.group_id).exists():
        policy.refuse_out_of_reach(user, missing="No session with this number.", detail="", person_id=None)
    return found


@dataclass
class SheetRow:
    membership: Membership
    mark: str = ""

    @property
    def mark_label(self) -> str:
        """The mark as a person reads it, in their language ("" when not taken yet)."""
        return str(Attendance.Mark(self.mark).label) if self.mark else ""


def attendance_sheet(*, user: User, session: Session, audit: bool = True) -> list[SheetRow]:
    """Every member on the session's day the user may see, with their mark (empty when not taken yet).

    Through the policy, so a sensitive group's members stay hidden without the segment grant, as on the roster.
    `audit=False` when the API answers a write with the sheet it wrote: the write is in the log.
    """
    require_runs(user, session.group_id)
    marks = dict(Attendance.objects.filter(session=session).values_list("membership_id", "status"))
    members = policy.visible(user, members_on(session))
    rows = [SheetRow(member, marks.get(member.pk, "")) for member in members]
    if rows and audit:
        # Who was expected and who came, by name: a roster read, so it is in the audit log.
        audit_view(user, obj=session, fields=["attendance"], purpose="session attendance")
    return rows


def follow_ups_for_group(*, user: User, group: Group) -> list[MissedSessionsFollowUp]:
    """Missed-session streaks of this group's members, newest first, through the policy."""
    rows = MissedSessionsFollowUp.objects.filter(membership__group=group)
    return list(
        policy.visible(user, rows).select_related("membership__person", "task__owner", "streak_started")[:20]
    )


def note_detail(*, user: User, session: Session, purpose: str = "", audit: bool = True) -> GroupNote | None:
    """The session's group note and the mentions the user may see; the open is audited.

    `audit=False` when the API answers a write with the note it wrote: the write is in the log.
    """
    require_runs(user, session.group_id)
    mentions = policy.visible(user, NoteMention.objects.all()).select_related("membership__person")
    note = (
        GroupNote.objects.filter(session=session)
        .select_related("written_by")
        .prefetch_related(Prefetch("mentions", queryset=mentions, to_attr="visible_mentions"))
        .first()
    )
    if note is not None and audit:
        _audit_note_open(user, note, purpose)
    return note


def _audit_note_open(user: User, note: GroupNote, purpose: str) -> None:
    audit_view(user, obj=note, fields=["dynamics", "themes", "progress"], purpose=purpose)
    # Each member mentioned: the open is in that person's audit trail.
    for person_id in sorted({mention.membership.person_id for mention in note.visible_mentions}):
        audit_view(
            user,
            object_type="group_sessions.notemention",
            object_id=note.pk,
            person_id=person_id,
            fields=["text"],
            purpose=purpose,
        )


def mentions_visible(user: User) -> QuerySet[NoteMention]:
    """Mentions the user may see: all of their groups', or those of their own clients."""
    return policy.visible(user, NoteMention.objects.all())


def mention_get(*, user: User, mention_id: int) -> NoteMention:
    """One mention, for its group's runners or the member's caseworker; the open is audited."""
    mention = (
        mentions_visible(user)
        .select_related("membership__person", "membership__group", "note__session")
        .filter(pk=mention_id)
        .first()
    )
    if mention is None:
        raise Http404("No mention with this number that you may see.")
    audit_view(user, obj=mention, fields=["text"])
    return mention


# Attendance rates ----------------------------------------------------------------------------


@dataclass
class MemberRate:
    membership: Membership
    sessions: int = 0  # sessions held since they enrolled (and before they left)
    present: int = 0
    late: int = 0
    excused: int = 0
    absent: int = 0

    @property
    def attended(self) -> int:
        return self.present + self.late

    @property
    def not_marked(self) -> int:
        return self.sessions - self.attended - self.excused - self.absent

    @property
    def rate(self) -> int | None:
        """Attended as a whole percentage of the sessions held since enrolling."""
        return round(100 * self.attended / self.sessions) if self.sessions else None


@dataclass
class SessionRate:
    session: Session
    expected: int = 0  # members enrolled on the day
    attended: int = 0
    excused: int = 0
    absent: int = 0

    @property
    def rate(self) -> int | None:
        return round(100 * self.attended / self.expected) if self.expected else None


@dataclass
class GroupRates:
    group: Group
    members: list[MemberRate] = field(default_factory=list)
    sessions: list[SessionRate] = field(default_factory=list)

    @property
    def expected(self) -> int:
        return sum(row.expected for row in self.sessions)

    @property
    def attended(self) -> int:
        return sum(row.attended for row in self.sessions)

    @property
    def excused(self) -> int:
        return sum(row.excused for row in self.sessions)

    @property
    def rate(self) -> int | None:
        return round(100 * self.attended / self.expected) if self.expected else None


def _enrolled_on(member: Membership, day: date) -> bool:
    if member.enrolled_on is None or member.enrolled_on > day:
        return False
    if member.status == Membership.Status.EXITED:
        return member.exited_on is not None and member.exited_on > day
    return member.status == Membership.Status.ENROLLED


def attendance_rates(*, user: User, group: Group) -> GroupRates:
    """Rates per member and per held session (oldest first), in three queries whatever the size."""
    require_runs(user, group.pk)
    sessions = list(
        Session.objects.filter(group=group, status=Session.Status.HELD).order_by("held_on", "start_time")
    )
    members = list(
        policy.visible(user, Membership.objects.filter(group=group, enrolled_on__isnull=False))
        .exclude(status=Membership.Status.WAITING)
        .select_related("person")
        .order_by("person__family_name", "person__given_name", "pk")
    )
    marks = {
        (session_id, membership_id): status
        for session_id, membership_id, status in Attendance.objects.filter(
            session__in=[s.pk for s in sessions]
        ).values_list("session_id", "membership_id", "status")
    }
    result = GroupRates(group=group)
    by_member = {member.pk: MemberRate(member) for member in members}
    for session in sessions:
        row = SessionRate(session)
        for member in members:
            if not _enrolled_on(member, session.held_on):
                continue
            row.expected += 1
            rate = by_member[member.pk]
            rate.sessions += 1
            mark = marks.get((session.pk, member.pk), "")
            if mark in Attendance.ATTENDED:
                row.attended += 1
                setattr(rate, mark, getattr(rate, mark) + 1)
            elif mark == Attendance.Mark.EXCUSED:
                row.excused += 1
                rate.excused += 1
            elif mark == Attendance.Mark.ABSENT:
                row.absent += 1
                rate.absent += 1
        result.sessions.append(row)
    result.members = list(by_member.values())
    if members:
        # Who came and who did not, per person: a roster read, so it is in the audit log.
        audit_view(user, obj=group, fields=["attendance"], purpose="attendance rates")
    return result


def timeline_attendance(*, user: User, person_id: int) -> QuerySet[Attendance]:
    return policy.visible(user, Attendance.objects.filter(membership__person_id=person_id)).select_related(
        "session__group"
    )


def timeline_mentions(*, user: User, person_id: int) -> QuerySet[NoteMention]:
    return (
        mentions_visible(user).filter(membership__person_id=person_id).select_related("note__session__group")
    )


def staff_by_ids(ids: list[int]) -> list[User]:
    """The staff among these numbers (the service checks they facilitate the group)."""
    return list(User.objects.filter(pk__in=ids))


def session_has_note(session: Session) -> bool:
    """Whether a session has its group note; the session list annotates it instead (`has_note`)."""
    if hasattr(session, "has_note"):
        return bool(session.has_note)
    return GroupNote.objects.filter(session=session).exists()


@dataclass
class AttendanceSummary:
    """A group's attendance as counts that identify no one, for readers of aggregates."""

    group: Group
    sessions_held: int
    cells: list[Cell]
    expected: Cell
    rate: int | None


def group_for_attendance_summary(*, user: User, group_id: int) -> Group:
    """A group whose aggregates the user may read (a program manager: their programs' groups only);
    any other answers as a missing group (rule 9)."""
    policy.require_capability(user, policy.Capability.AGGREGATE_READ)
    return found_or_404(group_aggregates_of(user, group_id).first(), "No group with this number.")


def attendance_summary(*, group: Group) -> AttendanceSummary:
    """Held sessions, places expected, came and missed, with small counts suppressed; two queries.

    Expected means marked present, late or absent at a held session, as the measures count it. The
    rate is shown only when the count it comes from is shown (else it would give that count back).
    """
    held = Session.objects.filter(group=group, status=Session.Status.HELD)
    marks = dict(
        Attendance.objects.filter(session__in=held)
        .exclude(status=Attendance.Mark.EXCUSED)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    came = sum(marks.get(mark, 0) for mark in Attendance.ATTENDED)
    missed = marks.get(Attendance.Mark.ABSENT, 0)
    cells, expected = suppress_table([("came", came), ("missed", missed)])
    rate = round(100 * came / (came + missed)) if cells[0].value is not None and came + missed else None
    return AttendanceSummary(group, held.count(), cells, expected, rate)
