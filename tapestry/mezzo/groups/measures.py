"""The measures groups offer (the contract: tapestry/evidence/measures.py).

Group members and attendance by program, each one grouped SQL query and answered suppressed; and
`SERVED`, the people a program serves through its groups, for program reach. Served means enrolled
now, or enrolled once and since left; a waiting-list place is not service.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.utils.translation import gettext_noop

from tapestry.evidence.measures import Period, Program, Rows, measure
from tapestry.mezzo.groups.availability import availability
from tapestry.mezzo.groups.models import Group, Membership

NO_PROGRAM = "No program"


def _served() -> QuerySet[Membership]:
    return Membership.objects.filter(
        Q(status=Membership.Status.ENROLLED) | Q(status=Membership.Status.EXITED, enrolled_on__isnull=False)
    )


def _by_program(rows: Iterable[tuple[int | None, str | None, int]]) -> Rows:
    return [(name or NO_PROGRAM, n) for _, name, n in rows]


@measure(
    "groups.members_by_program",
    gettext_noop("Group members by program"),
    note=gettext_noop("People enrolled in a group now; someone in two of a program's groups counts once."),
)
def members_by_program() -> Rows:
    return _by_program(
        Membership.objects.filter(status=Membership.Status.ENROLLED)
        .order_by()
        .values_list("group__program_id", "group__program__name")
        .annotate(n=Count("person", distinct=True))
        .order_by("-n", "group__program__name")
    )


@measure(
    "groups.attendance_by_program",
    gettext_noop("Sessions attended by program"),
    note=gettext_noop("Each time a member came to a held session (on time or late) counts once."),
)
def attendance_by_program() -> Rows:
    # The attendance records belong to group_sessions, which builds on groups: reach them through
    # the relation rather than import them (an arrow may only point down).
    attendance = Membership._meta.get_field("attendance").related_model
    held = attendance._meta.get_field("session").related_model.Status.HELD
    return _by_program(
        attendance.objects.filter(status__in=attendance.ATTENDED, session__status=held)
        .order_by()
        .values_list("membership__group__program_id", "membership__group__program__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "membership__group__program__name")
    )


class GroupsServed:
    """The people a program serves through its groups, for program reach."""

    def people(
        self, program: Program, *, general_only: bool = False, during: Period | None = None
    ) -> QuerySet:
        members = _served().filter(group__program=program)
        if general_only:
            members = members.filter(group__segment="")
        if during is not None:
            start, end = during
            condition = Q(exited_on__isnull=True) | Q(exited_on__gte=start)
            if end is not None:
                condition &= Q(enrolled_on__lt=end)
            members = members.filter(condition)
        return members.values("person_id")

    def _general(self, program: Program) -> QuerySet[Membership]:
        return _served().filter(group__program=program, group__segment="")

    def need_people(self, program: Program) -> QuerySet:
        return (
            self._general(program)
            .annotate(need_ref=F("group__focus_needs"), person_ref=F("person_id"))
            .values_list("need_ref", "person_ref")
        )


SERVED = GroupsServed()


# One need across the levels (tapestry/thread/rollups): the groups working on it and their space.


@dataclass(frozen=True)
class GroupSpace:
    """A group focused on a need, with how full it is as a band (no number: see availability.py)."""

    pk: int
    name: str
    kind: str
    status: str
    program: str
    area: str
    space: str
    waiting_list: bool


def groups_for_need(need: Any) -> list[GroupSpace]:
    """Planned and running groups with the need among their focus needs, with their space told as a
    band and whether anyone waits; one query, and no count of members leaves it."""
    found = (
        Group.objects.filter(focus_needs=need)
        .exclude(status=Group.Status.ENDED)
        .select_related("program", "area")
        .annotate(
            enrolled_count=Count("memberships", filter=Q(memberships__status=Membership.Status.ENROLLED)),
            waiting_count=Count("memberships", filter=Q(memberships__status=Membership.Status.WAITING)),
        )
        .order_by("name", "pk")
    )
    return [
        GroupSpace(
            pk=group.pk,
            name=group.name,
            kind=group.get_kind_display(),
            status=group.get_status_display(),
            program=group.program.name if group.program else "",
            area=group.area.name if group.area else "",
            space=availability(
                capacity=group.capacity,
                enrolled=group.enrolled_count,
                waiting=group.waiting_count,
                runs=False,
            ).label,
            waiting_list=group.waiting_count > 0,
        )
        for group in found
    ]
