"""Every read of leadership: the agency dashboard and compliance items.

The dashboard asks the other floors only through their public doors: practice figures through named
measures (already suppressed), indicators through evaluation's selectors, grant deadlines and
campaign milestones through theirs. Each part is a fixed number of queries whatever the data size;
indicators are capped at `DASHBOARD_INDICATORS` because each costs its own two grouped queries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy, pgettext_lazy

from tapestry.access.models import User
from tapestry.access.policy import Capability, has_capability, require_capability
from tapestry.evidence.measures import Table, ask
from tapestry.macro.campaigns.selectors import milestones_due
from tapestry.macro.evaluation.selectors import (
    Listed,
    default_periods,
    indicator_list,
    indicator_values,
    latest_value,
)
from tapestry.macro.grants.selectors import Deadline, deadlines_ahead
from tapestry.macro.leadership.models import ComplianceItem, ComplianceReminder
from tapestry.web.ids import one_or_404

# How far ahead the dashboard looks for deadlines, milestones and compliance items.
AHEAD_DAYS = 60
# How soon an item counts as "due soon" on the compliance list.
SOON_DAYS = 30
# Each indicator costs two grouped queries: the dashboard shows this many, and links to the rest.
DASHBOARD_INDICATORS = 6
NO_ITEM = "No such compliance item."

SHOWS = {
    "open": pgettext_lazy("compliance item status", "Open"),
    "overdue": gettext_lazy("Overdue"),
    "due_soon": format_lazy(gettext_lazy("Due in the next {days} days"), days=SOON_DAYS),
    "closed": gettext_lazy("Done or waived"),
}


def _require(user: User) -> None:
    require_capability(user, Capability.AGENCY_LEAD)


# Compliance items ----------------------------------------------------------------------------------


def compliance_list(
    *, user: User, show: str = "open", today: dt.date | None = None
) -> QuerySet[ComplianceItem]:
    """The items one filter shows (`SHOWS`): open ones soonest first, closed ones latest first."""
    _require(user)
    today = today or timezone.localdate()
    items = ComplianceItem.objects.select_related("owner")
    open_items = items.filter(status=ComplianceItem.Status.OPEN)
    if show == "overdue":
        return open_items.filter(due_on__lt=today)
    if show == "due_soon":
        return open_items.filter(due_on__gte=today, due_on__lte=today + dt.timedelta(days=SOON_DAYS))
    if show == "closed":
        return items.exclude(status=ComplianceItem.Status.OPEN).order_by("-due_on", "-pk")
    return open_items


def compliance_get(*, user: User, item_id: int) -> ComplianceItem:
    """One item with its owner, the items before and after it, and its reminders."""
    _require(user)
    items = ComplianceItem.objects.select_related("owner", "follows", "next_item").prefetch_related(
        Prefetch("reminders", queryset=ComplianceReminder.objects.select_related("recipient"))
    )
    return one_or_404(items, item_id, NO_ITEM)


def compliance_ahead(*, user: User, within_days: int = AHEAD_DAYS) -> QuerySet[ComplianceItem]:
    """Open items overdue or due within `within_days`, soonest first."""
    _require(user)
    until = timezone.localdate() + dt.timedelta(days=within_days)
    return ComplianceItem.objects.filter(status=ComplianceItem.Status.OPEN, due_on__lte=until).select_related(
        "owner"
    )


def days_left(item: ComplianceItem, today: dt.date | None = None) -> int:
    return (item.due_on - (today or timezone.localdate())).days


# The dashboard ----------------------------------------------------------------------------------


@dataclass
class Dashboard:
    """What leadership sees at a glance. `practice` is False for a role that reads no aggregates (the
    administrator): then only the compliance items are filled in."""

    practice: bool
    compliance: list[ComplianceItem]
    caseloads: Table | None = None
    reach: Table | None = None
    indicators: list[Listed] = field(default_factory=list)
    more_indicators: bool = False
    grant_deadlines: list[Deadline] = field(default_factory=list)
    milestones: list[Any] = field(default_factory=list)
    today: dt.date = field(default_factory=timezone.localdate)


def dashboard(*, user: User, today: dt.date | None = None) -> Dashboard:
    """The agency dashboard: a fixed number of queries whatever the data size."""
    _require(user)
    found = Dashboard(practice=False, compliance=list(compliance_ahead(user=user)))
    if today is not None:
        found.today = today
    if not has_capability(user, Capability.AGGREGATE_READ):
        return found
    found.practice = True
    found.caseloads = ask(user, "cases.open_by_worker")
    found.reach = ask(user, "programs.people_served")
    indicators = list(indicator_list(user=user)[: DASHBOARD_INDICATORS + 1])
    found.more_indicators = len(indicators) > DASHBOARD_INDICATORS
    found.indicators = [
        Listed(
            indicator,
            latest_value(
                indicator_values(
                    user=user, indicator=indicator, periods=default_periods(indicator, today=today)
                )
            ),
        )
        for indicator in indicators[:DASHBOARD_INDICATORS]
    ]
    found.grant_deadlines = deadlines_ahead(user=user, within_days=AHEAD_DAYS)
    found.milestones = list(milestones_due(user=user, within_days=AHEAD_DAYS))
    return found


def staff_choices() -> QuerySet[User]:
    return User.objects.filter(is_active=True).order_by("last_name", "first_name", "username")


def staff_account(user_id: int) -> User | None:
    return staff_choices().filter(pk=user_id).first()
