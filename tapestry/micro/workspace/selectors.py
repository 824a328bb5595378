"""What the case workspace shows, section by section, each read through its own area's selectors.

Every section is one small, bounded read: the newest few notes, the latest score of each
instrument with the one before it, the open goals and tasks, the referrals and the consents in
force. Each area's selector goes through the access policy and writes its own audit entry, so a
section the user may not see is empty, never leaked, and loading one section audits that read only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy

from tapestry.access.models import Consent, User
from tapestry.micro.assessments import selectors as assessment_selectors
from tapestry.micro.assessments.charts import score_histories
from tapestry.micro.cases import selectors as case_selectors
from tapestry.micro.cases.models import Case
from tapestry.micro.casework import selectors as casework_selectors
from tapestry.micro.casework.models import Goal, ProgressNote, Task
from tapestry.micro.referrals import selectors as referral_selectors
from tapestry.micro.referrals.models import Referral
from tapestry.people import selectors as people_selectors

RECENT_NOTES = 5
OPEN_TASKS = 10
RECENT_REFERRALS = 8
TREND_POINTS = 6

# The case page's sections, in the order it shows them, with their headings.
SECTIONS = {
    "notes": gettext_lazy("Recent notes"),
    "scores": gettext_lazy("Latest scores"),
    "plan": gettext_lazy("Open goals and tasks"),
    "referrals": gettext_lazy("Referrals"),
    "consents": gettext_lazy("Consents in force"),
}


def workspace_case(*, user: User, case_id: int) -> Case:
    """The case a section belongs to; out of reach answers as missing, like the case page."""
    return case_selectors.case_get(user=user, case_id=case_id)


def case_changeable(*, user: User, case: Case) -> bool:
    return casework_selectors.case_changeable(user=user, case=case)


# Notes --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecentNotes:
    notes: list[ProgressNote]
    total: int
    drafts: int


def recent_notes(*, user: User, case: Case) -> RecentNotes:
    """The newest notes of the case the user may read (titles and dates), and how many are drafts."""
    shown = list(casework_selectors.note_list(user=user, case=case)[:RECENT_NOTES])
    by_status = dict(
        casework_selectors.notes_visible(user)
        .filter(case=case)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    return RecentNotes(shown, sum(by_status.values()), by_status.get(ProgressNote.Status.DRAFT, 0))


# Scores -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreLine:
    """One instrument's latest score, the one before it and the last few for a trend."""

    instrument: str  # the instrument's code, or custom-<id> for an agency form
    name: str
    latest_score: int
    latest_band: str
    latest_on: date
    assessment_id: int  # the latest assessment
    flagged: bool
    previous_score: int | None
    trend: tuple[int, ...]

    @property
    def change(self) -> int | None:
        return None if self.previous_score is None else self.latest_score - self.previous_score

    @property
    def change_size(self) -> int:
        return abs(self.change or 0)


def latest_scores(*, user: User, case: Case) -> list[ScoreLine]:
    """The latest score of each charted instrument on the case, with its change since the last one."""
    assessments = assessment_selectors.case_assessments(user=user, case=case, purpose="case workspace")
    lines = []
    for history in score_histories(assessments):
        points = history.points
        latest = points[-1]
        lines.append(
            ScoreLine(
                instrument=history.key,
                name=history.name,
                latest_score=latest.score,
                latest_band=latest.band,
                latest_on=latest.day,
                assessment_id=latest.assessment_id,
                flagged=latest.flagged,
                previous_score=points[-2].score if len(points) > 1 else None,
                trend=tuple(point.score for point in points[-TREND_POINTS:]),
            )
        )
    return lines


# Plan: open goals and tasks -----------------------------------------------------------------------


@dataclass(frozen=True)
class OpenWork:
    has_plan: bool
    goals: list[Goal]
    tasks: list[Task]
    overdue: int


def open_work(*, user: User, case: Case) -> OpenWork:
    """The plan's goals still in progress and the case's open tasks, soonest due first."""
    plan = casework_selectors.plan_detail(user=user, case=case, purpose="case workspace")
    goals = [goal for goal in plan.goals.all() if goal.status == Goal.Status.ACTIVE] if plan else []
    tasks = list(
        casework_selectors.case_tasks(user=user, case=case).filter(status=Task.Status.OPEN)[:OPEN_TASKS]
    )
    today = timezone.localdate()
    return OpenWork(plan is not None, goals, tasks, sum(1 for task in tasks if task.due_on < today))


# Referrals ----------------------------------------------------------------------------------------


def case_referrals(*, user: User, case: Case) -> list[Referral]:
    """The newest referrals of the case with their status."""
    referrals = referral_selectors.case_referral_list(user=user, case=case, purpose="case workspace")
    return list(referrals.order_by("-created_at", "-pk")[:RECENT_REFERRALS])


# Consents -----------------------------------------------------------------------------------------


def consents_in_force(*, user: User, case: Case) -> list[Consent]:
    """The client's consents in force today that the user may see (segments they are granted)."""
    today = timezone.localdate()
    consents = people_selectors.consent_list(user=user, person_id=case.person_id)
    return [consent for consent in consents if consent.is_in_force(today)]
