"""Reads of legislation tracking: bills and policies with everything the agency did on them.

Bills name no client, so every aggregate reader reads every bill; writing needs POLICY_WORK.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.access.policy import Capability
from tapestry.macro.legislation.models import (
    Bill,
    Hearing,
    HearingReminder,
    Legislator,
    LegislatorContact,
    PaperVersion,
    Position,
    PositionPaper,
    Sponsorship,
    Subject,
)
from tapestry.web.ids import one_or_404

MISSING = "No such bill or policy."


def _require_read(user: User) -> None:
    policy.require_capability(user, Capability.AGGREGATE_READ)


def bill_list(
    *, user: User, status: str = "", subject: str = "", stance: str = "", kind: str = ""
) -> QuerySet[Bill]:
    """Bills and policies, with their position and subjects; filtered by status, subject, position, kind.

    `stance="none"` keeps the ones the agency has taken no position on.
    """
    _require_read(user)
    bills = Bill.objects.select_related("position").prefetch_related(
        Prefetch("subjects", queryset=Subject.objects.order_by("name"))
    )
    if status:
        bills = bills.filter(status=status)
    if kind:
        bills = bills.filter(kind=kind)
    if subject:
        bills = bills.filter(Exists(Subject.objects.filter(bill=OuterRef("pk"), name__iexact=subject)))
    if stance == "none":
        bills = bills.filter(position__isnull=True)
    elif stance:
        bills = bills.filter(position__stance=stance)
    return bills.order_by("jurisdiction", "-session", "identifier", "pk")


def subject_names() -> list[str]:
    """Every subject a tracked bill is filed under, for the list's filter."""
    return list(Subject.objects.order_by("name").values_list("name", flat=True).distinct())


def bill_get(*, user: User, bill_id: int) -> Bill:
    """A bill for a write or a small read (its facts only)."""
    _require_read(user)
    return one_or_404(Bill.objects.all(), bill_id, MISSING)


def bill_detail(*, user: User, bill_id: int) -> Bill:
    """A bill with its whole history and the agency's work on it, each list read once."""
    _require_read(user)
    bills = (
        Bill.objects.select_related("position", "created_by")
        .prefetch_related(
            Prefetch("subjects", queryset=Subject.objects.order_by("name")),
            Prefetch("sponsorships", queryset=Sponsorship.objects.select_related("legislator")),
            "versions",
            "actions",
            Prefetch(
                "papers",
                queryset=PositionPaper.objects.prefetch_related(
                    Prefetch("revisions", queryset=PaperVersion.objects.select_related("written_by"))
                ),
            ),
            "testimony",
            Prefetch(
                "contacts", queryset=LegislatorContact.objects.select_related("legislator", "recorded_by")
            ),
            Prefetch("hearings", queryset=Hearing.objects.order_by("starts_at", "pk")),
        )
        .annotate(
            following=Exists(Bill.followers.through.objects.filter(bill_id=OuterRef("pk"), user_id=user.pk))
        )
    )
    return one_or_404(bills, bill_id, MISSING)


def position_of(bill: Bill) -> Position | None:
    return Position.objects.filter(bill=bill).first()


def bill_for_export(*, user: User, bill_id: int) -> Bill:
    """A bill with what its Open States file holds: subjects, sponsors (and legislators), actions, versions."""
    _require_read(user)
    bills = Bill.objects.prefetch_related(
        Prefetch("subjects", queryset=Subject.objects.order_by("name")),
        Prefetch("sponsorships", queryset=Sponsorship.objects.select_related("legislator")),
        "actions",
        "versions",
    )
    return one_or_404(bills, bill_id, MISSING)


def paper_get(*, user: User, paper_id: int) -> PositionPaper:
    _require_read(user)
    return one_or_404(
        PositionPaper.objects.select_related("bill").prefetch_related("revisions"),
        paper_id,
        "No such position paper.",
    )


def legislator_list(*, user: User) -> QuerySet[Legislator]:
    _require_read(user)
    return Legislator.objects.order_by("name", "pk")


def legislator_choices() -> QuerySet[Legislator]:
    return Legislator.objects.order_by("name", "pk")


def hearing_choices(bill: Bill) -> QuerySet[Hearing]:
    return Hearing.objects.filter(bill=bill).order_by("starts_at")


def reminders_for(*, user: User, limit: int = 10) -> list[HearingReminder]:
    """The user's latest hearing reminders, newest first."""
    return list(
        HearingReminder.objects.filter(recipient=user)
        .select_related("hearing__bill")
        .order_by("-created_at", "-pk")[:limit]
    )


def legislator_by_id(legislator_id: int) -> Legislator | None:
    return Legislator.objects.filter(pk=legislator_id).first()


def hearing_of(bill: Bill, hearing_id: int) -> Hearing | None:
    return Hearing.objects.filter(bill=bill, pk=hearing_id).first()
