"""Reads of prevention programs: agency facts and headcounts, open to every role with organisation access."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet, Sum
from django.db.models.functions import Coalesce

from tapestry.access import policy
from tapestry.access.models import Role, User
from tapestry.access.policy import ROLE_CAPABILITIES, Capability
from tapestry.mezzo.prevention.models import Activity, OutcomeMeasure, PreventionProgram
from tapestry.programs.models import Program
from tapestry.web.ids import one_or_404

MISSING = "No prevention program with this number."


def prevention_program_list(*, user: User, focus: str = "") -> QuerySet[PreventionProgram]:
    """Every prevention program, by name, with its number of activities and total headcount."""
    policy.require_capability(user, Capability.ORGANISATION_READ)
    programs = PreventionProgram.objects.select_related("lead", "program")
    if focus:
        programs = programs.filter(focus=focus)
    return programs.annotate(
        activity_count=Count("activities"), total_headcount=Coalesce(Sum("activities__headcount"), 0)
    ).order_by("name")


def prevention_program_get(*, user: User, program_id: int) -> PreventionProgram:
    policy.require_capability(user, Capability.ORGANISATION_READ)
    return one_or_404(PreventionProgram.objects.select_related("lead", "program"), program_id, MISSING)


@dataclass
class Reach:
    """How far the activities reached: counts of people taking part, who are never named."""

    activities: int = 0
    headcount: int = 0
    by_kind: list[tuple[str, int, int]] = field(default_factory=list)
    by_month: list[tuple[str, int, int]] = field(default_factory=list)
    by_age_band: list[tuple[str, int]] = field(default_factory=list)


def reach_of(activities: list[Activity]) -> Reach:
    """Totals from activities already loaded: no query per activity."""
    reach = Reach(activities=len(activities), headcount=sum(a.headcount for a in activities))
    kinds, kind_heads = Counter(), Counter()
    months, month_heads = Counter(), Counter()
    for activity in activities:
        kinds[activity.kind] += 1
        kind_heads[activity.kind] += activity.headcount
        month = f"{activity.held_on:%Y-%m}"
        months[month] += 1
        month_heads[month] += activity.headcount
    labels = dict(Activity.Kind.choices)
    reach.by_kind = [(str(labels[k]), kinds[k], kind_heads[k]) for k in Activity.Kind.values if kinds[k]]
    reach.by_month = [(month, months[month], month_heads[month]) for month in sorted(months)]
    reach.by_age_band = [
        (str(label), sum(getattr(a, name) or 0 for a in activities)) for name, label in Activity.AGE_BANDS
    ]
    return reach


def prevention_program_detail(*, user: User, program_id: int) -> tuple[PreventionProgram, Reach]:
    """A program with its activities (newest first) and measures, and its reach."""
    policy.require_capability(user, Capability.ORGANISATION_READ)
    record = one_or_404(
        PreventionProgram.objects.select_related("lead", "program").prefetch_related(
            Prefetch("activities", queryset=Activity.objects.order_by("-held_on", "-pk")),
            Prefetch("measures", queryset=OutcomeMeasure.objects.order_by("name", "pk")),
        ),
        program_id,
        MISSING,
    )
    return record, reach_of(list(record.activities.all()))


def activity_list(*, record: PreventionProgram) -> QuerySet[Activity]:
    """The activities of a program the caller already opened, newest first."""
    return record.activities.order_by("-held_on", "-pk")


def measure_list(*, record: PreventionProgram) -> QuerySet[OutcomeMeasure]:
    return record.measures.order_by("name", "pk")


def lead_choices() -> QuerySet[User]:
    """Active staff who design and run programs."""
    roles = [role for role in Role if Capability.PROGRAM_MANAGE in ROLE_CAPABILITIES.get(role, ())]
    return User.objects.filter(is_active=True, role__in=roles).order_by("last_name", "first_name", "username")


def staff_member(user_id: int | None) -> User | None:
    """The staff member with this number (a lead named in an API body), or None."""
    return User.objects.filter(pk=user_id).first() if user_id is not None else None


def program_by_id(program_id: int | None) -> Program | None:
    return Program.objects.filter(pk=program_id).first() if program_id is not None else None
