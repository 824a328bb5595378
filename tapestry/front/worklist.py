"""The home page as a worklist: what each role has to do today, each part read through its own area.

The parts a user sees follow from their capabilities, never from a role name alone:
- client work (a caseload): overdue and due tasks, plan reviews, risk flags and cases long on hold,
  gathered from every micro area's `caseload.py` as the caseload page does, and the user's own
  unsigned note drafts (title and client, never the content, as the drafts page shows them);
- group work: each group the user runs with its next session, and for a session today one button
  that opens it from the schedule and lands on its roll;
- supervision: the break-glass reviews waiting for the user, their team's workload (cases, overdue
  items, unsigned drafts, supervision due per worker) and how many likely duplicate records wait;
- programs and evidence: the programs the user manages or whose reach they may see, and the
  agency's indicators.
Every part runs a fixed number of queries, whatever the size of the caseload or the agency.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from django.db.models import QuerySet
from django.utils import timezone

from tapestry.access import policy
from tapestry.access.audit import audit_view
from tapestry.access.models import User
from tapestry.access.policy import Capability
from tapestry.macro.evaluation.selectors import indicator_list
from tapestry.mezzo.group_sessions.models import Session
from tapestry.mezzo.groups.models import Group
from tapestry.mezzo.groups.schedule import next_session_on
from tapestry.mezzo.groups.selectors import groups_run
from tapestry.micro.cases.hooks import CaseloadAlert
from tapestry.micro.cases.selectors import alert_heading, caseload_alerts
from tapestry.micro.casework.models import ProgressNote
from tapestry.micro.casework.selectors import drafts_of
from tapestry.micro.supervision.selectors import WorkerLoad, duplicate_pairs, team_workload
from tapestry.programs.models import Program
from tapestry.programs.selectors import programs_reachable

SHOWN_PER_KIND = 8
SHOWN_DRAFTS = 8
SHOWN_GROUPS = 6
SHOWN_PROGRAMS = 8
# Likely duplicates are counted up to this many; the queue page lists them.
DUPLICATES_COUNTED = 50


@dataclass(frozen=True)
class AlertList:
    kind: str
    heading: str
    items: list[CaseloadAlert]
    total: int


@dataclass(frozen=True)
class GroupToday:
    group: Group
    next_on: date | None
    start_time: time
    session: Session | None  # today's session when it is already recorded

    @property
    def meets_today(self) -> bool:
        return self.next_on == timezone.localdate()


@dataclass
class Worklist:
    alerts: list[AlertList] = field(default_factory=list)
    drafts: list[ProgressNote] = field(default_factory=list)
    draft_count: int = 0
    client_work: bool = False
    groups: list[GroupToday] = field(default_factory=list)
    group_work: bool = False
    review_queue_count: int = 0
    team: list[WorkerLoad] | None = None
    duplicate_count: int | None = None
    programs: list[Program] = field(default_factory=list)
    indicator_count: int | None = None

    @property
    def due_count(self) -> int:
        return sum(alerts.total for alerts in self.alerts)

    @property
    def sessions_today(self) -> list[GroupToday]:
        return [group for group in self.groups if group.meets_today]


def worklist(*, user: User) -> Worklist:
    capabilities = policy.capabilities_of(user)
    work = Worklist()
    if Capability.PERSON_WRITE in capabilities:
        work.client_work = True
        work.alerts = _client_alerts(user)
        drafts = drafts_of(user=user)
        work.drafts = list(drafts[:SHOWN_DRAFTS])
        work.draft_count = drafts.count() if work.drafts else 0
        if work.alerts or work.drafts:
            audit_view(user, object_type="people.person", fields=["name"], purpose="home worklist")
    if Capability.GROUP_RUN in capabilities:
        work.group_work = True
        work.groups = _groups_today(user)
    work.review_queue_count = policy.break_glass_review_queue(user).count()
    if Capability.SUPERVISE in capabilities:
        work.team = team_workload(user)
    if Capability.PERSON_MERGE in capabilities:
        # A count only, naming no one: the queue page lists (and audits) the pairs.
        work.duplicate_count = len(duplicate_pairs(user, DUPLICATES_COUNTED))
    if Capability.AGGREGATE_READ in capabilities:
        work.programs = list(_programs(user)[:SHOWN_PROGRAMS])
        work.indicator_count = indicator_list(user=user).count()
    return work


def _client_alerts(user: User) -> list[AlertList]:
    """The caseload page's alerts, a few of each kind, the kinds with something in them first."""
    grouped = caseload_alerts(user=user)
    lists = [
        AlertList(kind, alert_heading(kind), items[:SHOWN_PER_KIND], len(items))
        for kind, items in grouped.items()
        if items
    ]
    return lists


def _groups_today(user: User) -> list[GroupToday]:
    """The groups the user runs that still meet, soonest next session first, with today's sessions."""
    today = timezone.localdate()
    groups = list(groups_run(user=user).exclude(status=Group.Status.ENDED))
    recorded = {
        session.group_id: session
        for session in Session.objects.filter(group__in=[g.pk for g in groups], held_on=today).order_by(
            "-start_time", "-pk"
        )
    }
    rows = [GroupToday(g, next_session_on(g, today=today), g.start_time, recorded.get(g.pk)) for g in groups]
    rows = [row for row in rows if row.next_on is not None or row.session is not None]
    rows.sort(key=lambda row: (row.next_on or today, row.start_time, row.group.name))
    return rows[:SHOWN_GROUPS]


def _programs(user: User) -> QuerySet[Program]:
    return programs_reachable(user).order_by("name")
