"""Reads of family plans, starting from the access policy; every open of a plan is audited.

A case out of the user's reach answers 404, the same as a case that does not exist: a family
plan is sensitive and its existence is not for those who may not see it.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy

from tapestry.access import policy
from tapestry.access.audit import audit_view
from tapestry.access.models import User
from tapestry.directory.models import Service
from tapestry.mezzo.families.models import FamilyGoal, FamilyPlan, FamilyPlanRevision
from tapestry.micro.cases.models import Case
from tapestry.micro.referrals.models import Referral
from tapestry.needs.models import Need
from tapestry.people.models import HouseholdMember, Person

NOT_FOUND = "No case with this number that you may open."
READ_ONLY = gettext_lazy("You may read this case but not change it (emergency access is read-only).")


def family_case(*, user: User, case_id: int, for_change: bool = False) -> Case:
    """The case a family page is about: 404 unless the user may see it; 403 if only to read when changing."""
    visible = policy.visible(user, Case.objects.filter(pk=case_id)).select_related("person", "household")
    case = visible.first()
    if case is None:
        raise Http404(NOT_FOUND)
    if for_change and not policy.visible(user, Case.objects.filter(pk=case_id), for_change=True).exists():
        raise PermissionDenied(READ_ONLY)
    return case


def _goal_referrals(user: User) -> QuerySet[Referral]:
    referrals = policy.visible(user, Referral.objects.all()).select_related("service__organization")
    return referrals.order_by("-created_at", "-pk")


def _goal_members(user: User) -> Prefetch:
    """A goal's members, each marked `nameable` by the policy's naming rule (no extra query)."""
    return Prefetch("members", queryset=Person.objects.annotate(nameable=policy.nameable(user)))


def _goals(user: User) -> Prefetch:
    return Prefetch(
        "goals",
        queryset=FamilyGoal.objects.select_related("need").prefetch_related(
            _goal_members(user), Prefetch("referrals", queryset=_goal_referrals(user))
        ),
    )


def family_plan_detail(
    *, user: User, case: Case, purpose: str = "case work", audit: bool = True
) -> FamilyPlan | None:
    """The case's family plan with goals, their members and referrals, and its history; the open is audited.

    `audit=False` when the API answers a write with the plan it wrote: the write is in the log.
    """
    plan = (
        policy.visible(user, FamilyPlan.objects.filter(case=case))
        .prefetch_related(
            _goals(user),
            Prefetch(
                "revisions",
                queryset=FamilyPlanRevision.objects.select_related("changed_by").defer("snapshot"),
            ),
        )
        .first()
    )
    if plan is None:
        # No plan yet, but the page names the client and their household: still a read of them.
        audit_view(user, obj=case, fields=["household"], purpose=purpose)
        return None
    plan.case = case
    if not audit:
        return plan
    audit_view(
        user,
        obj=plan,
        person_id=case.person_id,
        fields=["strengths", "concerns", "goals", "revisions"],
        purpose=purpose,
    )
    return plan


def plan_of(*, case: Case) -> FamilyPlan | None:
    """The plan of a case the caller already opened (family_case), for the forms that change it."""
    plan = FamilyPlan.objects.filter(case=case).first()
    if plan is not None:
        plan.case = case
    return plan


def household_members(*, case: Case, user: User | None = None) -> list[HouseholdMember]:
    """Who lives in the case's household now, with their place in it.

    Given the viewer, each member is marked `person_visible`: whether the viewer may see them by name.
    """
    if case.household_id is None:
        return []
    members = HouseholdMember.objects.filter(household_id=case.household_id, left_on__isnull=True)
    if user is not None:
        members = members.annotate(person_visible=policy.nameable(user, "person"))
    return list(members.select_related("person").order_by("position", "person__given_name", "pk"))


def family_goal_get(*, user: User, goal_id: int, for_change: bool = False) -> FamilyGoal:
    """One goal the user may see (404 otherwise), with its plan and case."""
    goal = (
        policy.visible(user, FamilyGoal.objects.filter(pk=goal_id))
        .select_related("plan__case__person", "plan__case__household", "need")
        .prefetch_related(_goal_members(user), Prefetch("referrals", queryset=_goal_referrals(user)))
        .first()
    )
    if goal is None:
        raise Http404("No family goal with this number that you may open.")
    if (
        for_change
        and not policy.visible(user, FamilyGoal.objects.filter(pk=goal_id), for_change=True).exists()
    ):
        raise PermissionDenied(READ_ONLY)
    return goal


def service_by_id(service_id: int) -> Service | None:
    """A directory service named in an API body, with its organisation."""
    return Service.objects.select_related("organization").filter(pk=service_id).first()


def service_choices(*, need: Need | None, everything: bool = False) -> QuerySet[Service]:
    """Directory services to refer to: those meeting the goal's need, or every searchable one."""
    services = Service.objects.filter(status__in=Service.SEARCHABLE).select_related("organization")
    if need is not None and not everything:
        services = services.filter(needs=need)
    return services.order_by("name", "pk")
