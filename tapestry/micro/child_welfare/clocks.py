"""The federal clocks of a child in foster care, computed from the placements and hearings on record.

- Date entered foster care (42 U.S.C. 675(5)(F)): the earlier of the first judicial finding of abuse
  or neglect (here: the first adjudication hearing with its outcome recorded, on or after the
  removal) and 60 days after the removal.
- Permanency hearing (675(5)(C)): within 12 months of entering foster care, then at least every
  12 months after the last one held.
- Termination of parental rights (675(5)(E)): once the child has been in foster care 15 of the most
  recent 22 months, the agency files (or joins) a petition, or records one of the exceptions. Days
  count from the date entered foster care; trial home visits do not count (45 CFR 1356.21(i)).

Pure functions over rows already loaded, so each page or hook runs a fixed number of queries.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from tapestry.micro.child_welfare.models import Hearing, PermanencyGoal, Placement, TerminationReview
from tapestry.people.models import Person

ADJUDICATION_GRACE = dt.timedelta(days=60)
PERMANENCY_HEARING_MONTHS = 12
TPR_LOOKBACK_MONTHS = 22
# 15 months as days: 15 x 365.25 / 12 = 456.6, so the 457th day in care completes them.
TPR_DAYS = 457
# A clock within this many days shows as due soon on the caseload page.
NEAR = dt.timedelta(days=60)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (or earlier), on the month's last day where it has no such day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return day.replace(year=year, month=month + 1, day=min(day.day, calendar.monthrange(year, month + 1)[1]))


@dataclass(frozen=True)
class Episode:
    """One continuous stay in care: placements that follow each other without a gap."""

    removed_on: dt.date
    ended_on: dt.date | None
    entered_care_on: dt.date
    adjudicated_on: dt.date | None


@dataclass(frozen=True)
class ChildClocks:
    """Where one child in care stands against the federal clocks, on `today`."""

    child: Person
    case_id: int
    today: dt.date
    placement: Placement
    episode: Episode
    last_permanency_hearing_on: dt.date | None
    permanency_hearing_due: dt.date
    days_in_care_last_22_months: int
    tpr_due: dt.date
    termination_review: TerminationReview | None
    goal: PermanencyGoal | None

    @property
    def months_in_care_last_22_months(self) -> float:
        return round(self.days_in_care_last_22_months * 12 / 365.25, 1)

    @property
    def tpr_reached(self) -> bool:
        return self.days_in_care_last_22_months >= TPR_DAYS

    @property
    def permanency_status(self) -> str:
        return _status(self.permanency_hearing_due, self.today)

    @property
    def tpr_status(self) -> str:
        """'' once a petition or an exception is recorded for this stay in care."""
        if self.termination_review is not None:
            return ""
        return "overdue" if self.tpr_reached else _status(self.tpr_due, self.today)


def _status(due: dt.date, today: dt.date) -> str:
    if due < today:
        return "overdue"
    if due <= today + NEAR:
        return "due_soon"
    return ""


def _held(hearings: Iterable[Hearing], kind: str, since: dt.date, today: dt.date) -> list[dt.date]:
    """Days of hearings of `kind` that took place on or after `since` with their outcome recorded."""
    days = []
    for hearing in hearings:
        day = timezone.localtime(hearing.scheduled_at).date()
        if hearing.hearing_type == kind and hearing.outcome.strip() and since <= day <= today:
            days.append(day)
    return sorted(days)


def episodes(placements: list[Placement], hearings: list[Hearing], today: dt.date) -> list[Episode]:
    """The child's stays in care, oldest first; `placements` are one child's on one case."""
    runs: list[list[Placement]] = []
    for placement in sorted(placements, key=lambda p: (p.started_on, p.pk or 0)):
        last = runs[-1][-1] if runs else None
        if last is not None and (last.ended_on is None or last.ended_on >= placement.started_on):
            runs[-1].append(placement)
        else:
            runs.append([placement])
    found = []
    for run in runs:
        removed_on = run[0].started_on
        ended_on = None if any(p.ended_on is None for p in run) else max(p.ended_on for p in run)
        adjudications = _held(hearings, Hearing.Type.ADJUDICATION, removed_on, ended_on or today)
        adjudicated_on = adjudications[0] if adjudications else None
        grace = removed_on + ADJUDICATION_GRACE
        entered = min(adjudicated_on, grace) if adjudicated_on else grace
        found.append(Episode(removed_on, ended_on, entered, adjudicated_on))
    return found


def _days_in_care(placements: list[Placement], stays: list[Episode], today: dt.date) -> int:
    """Days in foster care within the most recent 22 months, trial home visits left out."""
    window_start = add_months(today, -TPR_LOOKBACK_MONTHS)
    total = 0
    for placement in placements:
        if placement.placement_type == Placement.Type.TRIAL_HOME_VISIT:
            continue
        stay = max((e for e in stays if e.removed_on <= placement.started_on), key=lambda e: e.removed_on)
        start = max(placement.started_on, stay.entered_care_on, window_start)
        end = min(placement.ended_on or today, today)
        total += max((end - start).days, 0)
    return total


def child_clocks(
    *,
    placements: Iterable[Placement],
    hearings: Iterable[Hearing],
    reviews: Iterable[TerminationReview] = (),
    goals: Iterable[PermanencyGoal] = (),
    today: dt.date,
) -> list[ChildClocks]:
    """The clocks of every child with an open placement among `placements` (any cases, any children)."""
    by_child: dict[tuple[int, int], list[Placement]] = defaultdict(list)
    for placement in placements:
        by_child[(placement.case_id, placement.child_id)].append(placement)
    hearings_by_case: dict[int, list[Hearing]] = defaultdict(list)
    for hearing in hearings:
        hearings_by_case[hearing.case_id].append(hearing)
    latest_review = _latest(reviews, "decided_on")
    latest_goal = _latest(goals, "set_on")

    found = []
    for (case_id, child_id), rows in by_child.items():
        current = next((p for p in rows if p.ended_on is None), None)
        if current is None:
            continue
        about = [h for h in hearings_by_case[case_id] if h.child_id in (None, child_id)]
        stays = episodes(rows, about, today)
        stay = stays[-1]
        held = _held(about, Hearing.Type.PERMANENCY, stay.entered_care_on, today)
        last_held = held[-1] if held else None
        days = _days_in_care(rows, stays, today)
        # Once reached, the day it was reached (exact for one continuous stay); before, the day it
        # will be reached if the child stays in care.
        counting_from = today if days >= TPR_DAYS else max(today, stay.entered_care_on)
        tpr_due = counting_from + dt.timedelta(days=TPR_DAYS - days)
        review = latest_review.get((case_id, child_id))
        found.append(
            ChildClocks(
                child=current.child,
                case_id=case_id,
                today=today,
                placement=current,
                episode=stay,
                last_permanency_hearing_on=last_held,
                permanency_hearing_due=add_months(
                    last_held or stay.entered_care_on, PERMANENCY_HEARING_MONTHS
                ),
                days_in_care_last_22_months=days,
                tpr_due=tpr_due,
                termination_review=review if review and review.decided_on >= stay.removed_on else None,
                goal=latest_goal.get((case_id, child_id)),
            )
        )
    return sorted(found, key=lambda c: (c.case_id, c.episode.removed_on, c.child.pk))


def _latest(rows: Iterable, date_field: str) -> dict[tuple[int, int], object]:
    latest: dict[tuple[int, int], object] = {}
    for row in rows:
        key = (row.case_id, row.child_id)
        known = latest.get(key)
        if known is None or (getattr(row, date_field), row.pk) > (getattr(known, date_field), known.pk):
            latest[key] = row
    return latest
