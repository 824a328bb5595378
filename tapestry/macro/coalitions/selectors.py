"""Reads of coalitions. Their records name organisations and our staff, never a client, so anyone
who reads aggregates (`aggregate.read`) may read them; changing them is policy work."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from tapestry.access.models import User
from tapestry.access.policy import Capability, require_capability
from tapestry.macro.coalitions.models import ActionItem, Coalition, Meeting, Membership, SharedGoal
from tapestry.needs.models import Need
from tapestry.web.ids import one_or_404


def _read(user: User) -> None:
    require_capability(user, Capability.AGGREGATE_READ)


def coalition_list(*, user: User, status: str = "") -> QuerySet[Coalition]:
    """Every coalition with its current members and open and overdue action items counted in SQL."""
    _read(user)
    today = timezone.localdate()
    open_items = Q(action_items__done_on__isnull=True)
    coalitions = (
        Coalition.objects.select_related("our_lead")
        .annotate(
            member_count=Count("memberships", filter=Q(memberships__left_on__isnull=True), distinct=True),
            open_actions=Count("action_items", filter=open_items, distinct=True),
            overdue_actions=Count(
                "action_items", filter=open_items & Q(action_items__due_on__lt=today), distinct=True
            ),
        )
        .order_by("name")
    )
    return coalitions.filter(status=status) if status else coalitions


def _members() -> QuerySet[Membership]:
    return Membership.objects.select_related("organisation").order_by("left_on", "organisation__name", "pk")


def _action_items() -> QuerySet[ActionItem]:
    return ActionItem.objects.select_related("owner__organisation", "our_owner", "meeting")


def coalition_get(*, user: User, coalition_id: int) -> Coalition:
    """One coalition with everything its page and the API show, in a fixed number of queries."""
    _read(user)
    coalitions = Coalition.objects.select_related("our_lead").prefetch_related(
        Prefetch("needs", queryset=Need.objects.order_by("label")),
        Prefetch("memberships", queryset=_members()),
        Prefetch("goals", queryset=SharedGoal.objects.order_by("status", "target_date", "pk")),
        Prefetch(
            "meetings",
            queryset=Meeting.objects.prefetch_related(
                Prefetch("attending", queryset=Membership.objects.select_related("organisation"))
            ),
        ),
        Prefetch("action_items", queryset=_action_items()),
        # The campaigns it runs (the campaigns app points here; read by relation, not by import).
        "campaigns",
    )
    return one_or_404(coalitions, coalition_id, "No such coalition.")


def membership_get(*, user: User, membership_id: int) -> Membership:
    _read(user)
    return one_or_404(
        Membership.objects.select_related("coalition", "organisation"), membership_id, "No such member."
    )


def goal_get(*, user: User, goal_id: int) -> SharedGoal:
    _read(user)
    return one_or_404(SharedGoal.objects.select_related("coalition"), goal_id, "No such goal.")


def action_get(*, user: User, action_id: int) -> ActionItem:
    _read(user)
    return one_or_404(_action_items().select_related("coalition"), action_id, "No such action item.")


def current_members(coalition: Coalition) -> QuerySet[Membership]:
    return (
        coalition.memberships.filter(left_on__isnull=True)
        .select_related("organisation")
        .order_by("organisation__name")
    )
