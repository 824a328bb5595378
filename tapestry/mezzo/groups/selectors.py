"""Reads of groups: the catalogue (agency facts), and rosters through the access policy."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Value
from django.http import Http404

from tapestry.access import policy
from tapestry.access.audit import audit_view
from tapestry.access.models import User
from tapestry.access.policy import Capability
from tapestry.mezzo.groups.access import groups_run_by, runs_group
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.selectors import cases_changeable, cases_visible
from tapestry.needs.models import Need
from tapestry.places.selectors import area_and_inside, area_by_id
from tapestry.programs.models import Program

ENROLLED, WAITING, EXITED = Membership.Status.ENROLLED, Membership.Status.WAITING, Membership.Status.EXITED


def _with_facts(groups: QuerySet[Group]) -> QuerySet[Group]:
    """Groups with their program, needs, facilitators and seat counts, in a fixed number of queries."""
    return (
        groups.select_related("program", "area")
        .prefetch_related(
            Prefetch("focus_needs", queryset=Need.objects.order_by("label")),
            Prefetch("facilitators", queryset=User.objects.order_by("last_name", "first_name")),
        )
        .annotate(
            enrolled_count=Count("memberships", filter=Q(memberships__status=ENROLLED), distinct=True),
            waiting_count=Count("memberships", filter=Q(memberships__status=WAITING), distinct=True),
        )
    )


def _with_runs(groups: QuerySet[Group], user: User) -> QuerySet[Group]:
    """Mark each group the user runs (`runs`): only they see its places in numbers."""
    if not policy.has_capability(user, Capability.GROUP_RUN):
        return groups.annotate(runs=Value(False))
    return groups.annotate(runs=Exists(groups_run_by(user).filter(pk=OuterRef("pk"))))


def group_list(
    *,
    user: User,
    kind: str = "",
    need: str = "",
    program_id: int | None = None,
    area_id: int | None = None,
    mine: bool = False,
    include_ended: bool = False,
) -> QuerySet[Group]:
    """The catalogue: every group's public facts (no person in them), filtered."""
    policy.require_capability(user, Capability.ORGANISATION_READ)
    groups = Group.objects.all()
    if mine:
        groups = groups.filter(pk__in=groups_run_by(user))
    if not include_ended:
        groups = groups.exclude(status=Group.Status.ENDED)
    if kind:
        groups = groups.filter(kind=kind)
    if need:
        groups = groups.filter(focus_needs__code=need)
    if program_id is not None:
        groups = groups.filter(program_id=program_id)
    if area_id is not None:
        area = area_by_id(area_id)
        groups = groups.filter(area_id__in=area_and_inside(area)) if area else groups.none()
    return _with_runs(_with_facts(groups.distinct()), user).order_by("name", "first_session_on", "pk")


def groups_run(*, user: User) -> QuerySet[Group]:
    """The groups the user runs (facilitates, or oversees as a facilitator's supervisor)."""
    if not policy.has_capability(user, Capability.GROUP_RUN):
        return Group.objects.none()
    groups = _with_facts(Group.objects.filter(pk__in=groups_run_by(user)))
    return groups.annotate(runs=Value(True)).order_by("name", "pk")


def group_get(*, user: User, group_id: int) -> Group:
    """One group's public facts; 404 if there is none."""
    policy.require_capability(user, Capability.ORGANISATION_READ)
    group = _with_facts(Group.objects.filter(pk=group_id)).first()
    if group is None:
        raise Http404("No group with this number.")
    group.runs = runs_group(user, group.pk)
    return group


def group_get_run(*, user: User, group_id: int) -> Group:
    """A group the user runs, for changing it; 404 for any other (its roster is not theirs)."""
    group = group_get(user=user, group_id=group_id)
    if not group.runs:
        policy.refuse_out_of_reach(user, missing="No group with this number.", detail="", person_id=None)
    return group


def memberships_visible(user: User) -> QuerySet[Membership]:
    return policy.visible(user, Membership.objects.all())


@dataclass
class Roster:
    enrolled: list[Membership]
    waiting: list[Membership]
    exited: list[Membership]
    # Persons whose record (and so whose case) this user may open; others are shown by name only.
    openable: set[int]

    @property
    def empty(self) -> bool:
        return not (self.enrolled or self.waiting or self.exited)


def roster_queryset(*, user: User, group: Group, status: str = "") -> QuerySet[Membership]:
    """The members of a group the user may see: all of them for those who run it, their clients for a worker."""
    members = memberships_visible(user).filter(group=group)
    if status:
        members = members.filter(status=status)
    return members.select_related("person", "case", "case__worker").order_by(
        "status", "waiting_position", "person__family_name", "person__given_name", "pk"
    )


def group_roster(*, user: User, group: Group, purpose: str = "group roster") -> Roster:
    """The roster, waiting list and exits the user may see; reading a non-empty roster is audited."""
    members = list(roster_queryset(user=user, group=group))
    roster = Roster(
        enrolled=[m for m in members if m.status == ENROLLED],
        waiting=[m for m in members if m.status == WAITING],
        exited=sorted(
            (m for m in members if m.status == EXITED), key=lambda m: (m.exited_on, m.pk), reverse=True
        ),
        openable=set(),
    )
    if members:
        ids = {m.person_id for m in members}
        roster.openable = set(policy.persons_visible(user).filter(pk__in=ids).values_list("pk", flat=True))
        audit_view(user, obj=group, fields=["roster"], purpose=purpose)
    return roster


def roster_read(*, user: User, group_id: int, status: str = "") -> QuerySet[Membership]:
    """For the API: the roster of a group, audited."""
    group = group_get(user=user, group_id=group_id)
    audit_view(user, obj=group, fields=["roster"], purpose="group roster (API)")
    return roster_queryset(user=user, group=group, status=status)


def membership_get(*, user: User, membership_id: int, for_change: bool = False) -> Membership:
    """One membership the user may see (or change); 404 for any other."""
    members = policy.visible(user, Membership.objects.all(), for_change=for_change)
    membership = members.select_related("group", "person", "case").filter(pk=membership_id).first()
    if membership is None:
        raise Http404("No membership with this number that you may see.")
    return membership


# A client's groups, from their case ---------------------------------------------------------


def case_for_groups(*, user: User, case_id: int) -> Case:
    """A case the user may see, with `can_change`; 404 for any other (person-level page)."""
    case = cases_visible(user).select_related("person", "worker").filter(pk=case_id).first()
    if case is None:
        raise Http404("No case with this number that you may open.")
    case.can_change = cases_changeable(user).filter(pk=case.pk).exists()
    return case


def case_changeable_for_groups(*, user: User, case_id: int) -> Case:
    case = cases_changeable(user).select_related("person").filter(pk=case_id).first()
    if case is None:
        raise Http404("No case with this number that you may change.")
    return case


def person_memberships(*, user: User, case: Case) -> list[Membership]:
    """The person's memberships the user may see (in any group), newest first; audited."""
    members = list(
        memberships_visible(user)
        .filter(person_id=case.person_id)
        .select_related("group", "case")
        .order_by("-requested_at", "-pk")
    )
    audit_view(
        user,
        object_type="groups.membership",
        person_id=case.person_id,
        fields=["group", "status"],
        purpose="person's groups",
    )
    return members


def groups_on_offer(*, user: User, case: Case) -> list[Group]:
    """Groups a client could join: not ended, in a segment the worker may see; those matching the case's needs first."""
    granted = policy.segments_granted(user)
    groups = list(
        _with_runs(
            _with_facts(
                Group.objects.exclude(status=Group.Status.ENDED).filter(
                    Q(segment="") | Q(segment__in=list(granted))
                )
            ),
            user,
        ).order_by("name", "pk")
    )
    case_needs = set(case.needs.values_list("need_id", flat=True))
    for group in groups:
        group.matching = [n for n in group.focus_needs.all() if n.pk in case_needs]
    groups.sort(key=lambda g: (not g.matching, g.name))
    return groups


# Choices for forms --------------------------------------------------------------------------


def facilitator_choices() -> QuerySet[User]:
    """Active staff, by name; the service explains why someone whose role cannot run groups is refused."""
    return User.objects.filter(is_active=True).order_by("last_name", "first_name")


def program_choices(*, group: Group | None = None) -> QuerySet[Program]:
    """Programs a group may belong to: the active ones, and the group's own even once it has closed."""
    programs = Program.objects.filter(is_active=True)
    if group is not None and group.program_id:
        programs = (programs | Program.objects.filter(pk=group.program_id)).distinct()
    return programs.order_by("name")


def active_staff(ids: list[int]) -> dict[int, User]:
    """The active staff among these numbers, by number."""
    return {user.pk: user for user in User.objects.filter(pk__in=ids, is_active=True)}


def needs_by_code(codes: list[str]) -> dict[str, Need]:
    return {need.code: need for need in Need.objects.filter(code__in=codes)}


def groups_by_ids(ids: list[int]) -> QuerySet[Group]:
    return Group.objects.filter(pk__in=ids)


def groups_not_ended() -> QuerySet[Group]:
    return Group.objects.exclude(status=Group.Status.ENDED)
