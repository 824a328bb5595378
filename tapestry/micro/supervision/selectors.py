"""Reads of supervision: the team workload of a supervisor's workers and the queue of likely duplicates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from tapestry.access import policy
from tapestry.access.audit import audit_view
from tapestry.access.models import User
from tapestry.micro.cases.models import Case
from tapestry.micro.casework.models import CarePlan, ProgressNote, Task
from tapestry.micro.supervision.models import SupervisionSession
from tapestry.people.duplicates import pair_likeness
from tapestry.people.models import Person

# Candidate pairs scored at most, so one page's work stays bounded whatever the caseloads hold.
PAIRS_SCANNED = 5000
FAMILY_PREFIX = 3


@dataclass
class WorkerLoad:
    """One supervisee's counts: nothing here names a client."""

    worker: User
    open_cases: int = 0
    overdue_tasks: int = 0
    overdue_reviews: int = 0
    unsigned_drafts: int = 0
    last_supervision: date | None = None
    supervision_due_on: date | None = None

    @property
    def supervision_overdue(self) -> bool:
        return self.supervision_due_on is None or self.supervision_due_on < timezone.localdate()


def supervisees(*, supervisor: User) -> QuerySet[User]:
    """The active staff this user supervises, by name."""
    policy.require_capability(supervisor, policy.Capability.SUPERVISE)
    return User.objects.filter(supervisor=supervisor, is_active=True).order_by(
        "last_name", "first_name", "pk"
    )


def _by(queryset: QuerySet, key: str) -> dict[int, int]:
    return dict(queryset.values_list(key).annotate(n=Count("pk")).values_list(key, "n"))


def team_workload(supervisor: User) -> list[WorkerLoad]:
    """Per supervisee: open cases, overdue tasks and care-plan reviews, unsigned drafts, supervision due.

    One grouped query per measure (six in all), whatever the number of workers or cases. These are
    counts of the supervisor's own staff's work, so they are not small-count suppressed; they name no
    client, and the visibility of each case does not enter (a worker's load is the same whoever asks).
    """
    workers = list(supervisees(supervisor=supervisor))
    ids = [worker.pk for worker in workers]
    today = timezone.localdate()
    cases = _by(Case.objects.filter(worker_id__in=ids, status=Case.Status.OPEN), "worker_id")
    tasks = _by(Task.objects.filter(owner_id__in=ids, status=Task.Status.OPEN, due_on__lt=today), "owner_id")
    reviews = _by(
        CarePlan.objects.filter(
            case__worker_id__in=ids, case__status=Case.Status.OPEN, next_review_on__lt=today
        ),
        "case__worker_id",
    )
    drafts = _by(
        ProgressNote.objects.filter(author_id__in=ids, status=ProgressNote.Status.DRAFT), "author_id"
    )
    sessions = {
        row["worker_id"]: row
        for row in SupervisionSession.objects.filter(worker_id__in=ids)
        .values("worker_id")
        .annotate(last=Max("held_on"), due=Max("next_due_on"))
    }
    return [
        WorkerLoad(
            worker=worker,
            open_cases=cases.get(worker.pk, 0),
            overdue_tasks=tasks.get(worker.pk, 0),
            overdue_reviews=reviews.get(worker.pk, 0),
            unsigned_drafts=drafts.get(worker.pk, 0),
            last_supervision=sessions.get(worker.pk, {}).get("last"),
            supervision_due_on=sessions.get(worker.pk, {}).get("due"),
        )
        for worker in workers
    ]


@dataclass
class DuplicatePair:
    """Two persons the user may see who are likely the same, with why."""

    first: Person
    second: Person
    score: float
    reasons: list[str] = field(default_factory=list)


_PAIRS_SQL = """
SELECT a.id, a.given_name, a.family_name, a.date_of_birth,
       b.id, b.given_name, b.family_name, b.date_of_birth
FROM people_person a
JOIN people_person b ON a.id < b.id AND (
    a.date_of_birth = b.date_of_birth
    OR SUBSTR(LOWER(TRIM(a.family_name)), 1, {prefix}) = SUBSTR(LOWER(TRIM(b.family_name)), 1, {prefix})
)
WHERE a.id IN ({visible}) AND b.id IN ({visible})
  AND NOT EXISTS (
    SELECT 1 FROM supervision_duplicatedismissal d WHERE d.first_id = a.id AND d.second_id = b.id
  )
ORDER BY a.id, b.id
LIMIT %s
"""


def duplicate_pairs(user: User, limit: int = 50) -> list[DuplicatePair]:
    """Likely duplicate pairs among the persons `user` may see, best first, at most `limit`.

    Blocking is done in SQL: only pairs born the same day or sharing the first letters of the family
    name are compared (one query), then scored as intake's duplicate check scores them. Pairs a
    supervisor dismissed as not the same person are left out.
    """
    policy.require_capability(user, policy.Capability.PERSON_MERGE)
    try:
        visible_sql, visible_params = policy.persons_visible(user).values("pk").query.sql_with_params()
    except EmptyResultSet:
        return []
    sql = _PAIRS_SQL.format(prefix=FAMILY_PREFIX, visible=visible_sql)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*visible_params, *visible_params, PAIRS_SCANNED])
        rows = cursor.fetchall()
    pairs = []
    for a_id, a_given, a_family, a_birth, b_id, b_given, b_family, b_birth in rows:
        a_birth, b_birth = _as_date(a_birth), _as_date(b_birth)
        found = pair_likeness(
            name_a=f"{a_given} {a_family}", birth_a=a_birth, name_b=f"{b_given} {b_family}", birth_b=b_birth
        )
        if found is None:
            continue
        first = Person(pk=a_id, given_name=a_given, family_name=a_family, date_of_birth=a_birth)
        second = Person(pk=b_id, given_name=b_given, family_name=b_family, date_of_birth=b_birth)
        pairs.append(DuplicatePair(first, second, found.score, found.reasons))
    pairs.sort(key=lambda pair: (-pair.score, pair.first.pk, pair.second.pk))
    return pairs[:limit]


def _as_date(value: object) -> date | None:
    # SQLite hands a raw cursor the ISO text; PostgreSQL a date.
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def duplicate_queue(*, user: User, limit: int = 50) -> list[DuplicatePair]:
    """The duplicates queue as a page or the API shows it: the pairs, and one audit entry for the read."""
    pairs = duplicate_pairs(user, limit)
    audit_view(
        user,
        object_type="people.person",
        fields=["name", "date_of_birth"],
        purpose=f"duplicates queue: {len(pairs)} pairs",
    )
    return pairs
