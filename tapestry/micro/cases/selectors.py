"""Reads of cases, starting from the access policy (person in reach, segment granted)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.access import policy
from tapestry.access.audit import audit_view
from tapestry.access.models import User
from tapestry.access.policy import ROLE_CAPABILITIES, Capability
from tapestry.extensions import app_modules
from tapestry.micro.cases.hooks import CaseloadAlert
from tapestry.micro.cases.models import Case, CaseNeed, CaseNeedChange
from tapestry.needs.models import Barrier, Need
from tapestry.people import selectors as people_selectors
from tapestry.people.models import Household, Person
from tapestry.programs import selectors as program_selectors
from tapestry.programs.models import Program
from tapestry.web.ids import referenced

CASE_RELATED = ("person", "worker", "program", "household")


def cases_visible(user: User) -> QuerySet[Case]:
    """Cases whose person the user may open and whose segment they are granted."""
    return policy.visible(user, Case.objects.all())


def cases_changeable(user: User) -> QuerySet[Case]:
    """As visible, without emergency (read-only) access."""
    return policy.visible(user, Case.objects.all(), for_change=True)


def case_get(*, user: User, case_id: int, for_change: bool = False) -> Case:
    """One case the user may see (or change); out of reach answers as missing (rule 9, the policy)."""
    return policy.one_in_reach(
        user,
        Case.objects.select_related(*CASE_RELATED),
        case_id,
        for_change=for_change,
        missing=gettext("No case with this number."),
        detail=gettext("This case is outside your caseload, or in a segment you are not granted."),
        read_only=gettext("You may read this case (emergency access) but not change it."),
    )


def _with_history(needs: QuerySet[CaseNeed]) -> QuerySet[CaseNeed]:
    """Needs with their coded need, barrier and the history of their status."""
    changes = CaseNeedChange.objects.select_related("barrier", "changed_by")
    return needs.select_related("need", "barrier").prefetch_related(Prefetch("changes", queryset=changes))


def case_read(*, user: User, case_id: int) -> Case:
    """A case with its needs and their history, not audited: the answer to a write of it."""
    case = case_get(user=user, case_id=case_id)
    prefetch_related_objects([case], Prefetch("needs", queryset=_with_history(CaseNeed.objects.all())))
    return case


def case_detail(*, user: User, case_id: int, purpose: str = "case work") -> Case:
    """A case as its page shows it (its needs with their history); the open is audited.

    `case.can_change` says whether the user may change it (emergency access is read-only).
    """
    case = case_read(user=user, case_id=case_id)
    case.can_change = cases_changeable(user).filter(pk=case.pk).exists()
    audit_view(user, obj=case, person_id=case.person_id, fields=["case", "needs"], purpose=purpose)
    return case


def _audit_list(user: User, *, purpose: str, person_id: int | None = None) -> None:
    # A list of cases names people and their presenting problems, so reading it is recorded.
    audit_view(
        user,
        object_type="cases.case",
        person_id=person_id,
        fields=["person", "case_type", "status", "worker", "program"],
        purpose=purpose,
    )


def case_open_person_choices(*, user: User) -> QuerySet[Person]:
    """The people a case may be opened for, by name; showing the list is recorded."""
    audit_view(
        user, object_type="people.person", fields=["name"], purpose="choose a person to open a case for"
    )
    return people_selectors.person_choices(user=user, changeable=True)


def case_open_person(*, user: User, person_id: int) -> Person:
    """The person a case is being opened for (one the user may change); the open is recorded."""
    person = people_selectors.person_get_changeable(user=user, person_id=person_id)
    audit_view(user, obj=person, fields=["name"], purpose="open a case")
    return person


# The case list's sort keys (a leading "-" reverses) and the columns each orders by; nothing else sorts.
CASE_SORTS: dict[str, tuple[str, ...]] = {
    "number": ("id",),
    "opened": ("opened_on", "id"),
    "person": ("person__family_name", "person__given_name", "id"),
    "worker": ("worker__last_name", "worker__first_name", "worker__username", "id"),
    "type": ("case_type", "id"),
    "status": ("status", "id"),
    "program": ("program__name", "id"),
}
CASE_SORT_KEYS = [key for name in CASE_SORTS for key in (name, f"-{name}")]
DEFAULT_CASE_SORT = "-opened"


def case_order(sort: str) -> list[str]:
    """The ORDER BY of a sort key; an unknown key is a ValueError (callers validate first)."""
    descending = sort.startswith("-")
    columns = CASE_SORTS.get(sort.removeprefix("-"))
    if columns is None:
        raise ValueError(f"Unknown sort key {sort!r}.")
    return [f"-{column}" if descending else column for column in columns]


def case_list(
    *,
    user: User,
    status: str = "",
    case_type: str = "",
    person_id: int | None = None,
    worker_id: int | None = None,
    program_id: int | None = None,
    need_id: int | None = None,
    sort: str = DEFAULT_CASE_SORT,
    purpose: str = "case list",
) -> QuerySet[Case]:
    """The cases the user may see, optionally filtered and sorted (a key of CASE_SORTS); audited."""
    order = case_order(sort)
    cases = cases_visible(user)
    if status:
        cases = cases.filter(status=status)
    if case_type:
        cases = cases.filter(case_type=case_type)
    if person_id is not None:
        cases = cases.filter(person_id=person_id)
    if worker_id is not None:
        cases = cases.filter(worker_id=worker_id)
    if program_id is not None:
        cases = cases.filter(program_id=program_id)
    if need_id is not None:
        cases = cases.filter(pk__in=CaseNeed.objects.filter(need_id=need_id).values("case_id"))
    _audit_list(user, purpose=purpose, person_id=person_id)
    return cases.select_related(*CASE_RELATED).order_by(*order)


def case_list_workers(*, user: User) -> QuerySet[User]:
    """The staff holding any case the user may see: the worker filter's choices."""
    return User.objects.filter(pk__in=cases_visible(user).values("worker_id")).order_by(
        "last_name", "first_name", "username"
    )


def person_cases(*, user: User, person_id: int) -> tuple[Person, list[Case]]:
    """A person (404/403 as their page) and those of their cases the user may see.

    Cases in segments the user is not granted are left out without a trace: even that a
    substance-use case exists is protected.
    """
    person = people_selectors.person_get(user=user, person_id=person_id)
    cases = list(
        cases_visible(user)
        .filter(person=person)
        .select_related("worker", "program", "household")
        .annotate(need_count=Count("needs"))
        .order_by("-opened_on", "-id")
    )
    _audit_list(user, purpose="person's cases", person_id=person.pk)
    person.can_change = policy.can_change_person(user, person)
    return person, cases


def caseload(*, user: User) -> tuple[list[Case], dict[str, list[CaseloadAlert]]]:
    """The caseload page's cases and alerts; reading them is audited once when either names anyone."""
    cases = caseload_cases(user=user)
    alerts = caseload_alerts(user=user)
    if cases or any(alerts.values()):
        _audit_list(user, purpose="caseload")
    return cases, alerts


def caseload_cases(*, user: User) -> list[Case]:
    """The user's own open and on-hold cases, with how many of each case's needs are not yet met."""
    return list(
        cases_visible(user)
        .filter(worker=user, status__in=[Case.Status.OPEN, Case.Status.ON_HOLD])
        .select_related("person", "program")
        .annotate(open_needs=Count("needs", filter=~Q(needs__status=CaseNeed.Status.MET)))
        .order_by("person__family_name", "person__given_name", "opened_on", "id")
    )


# What the caseload page gathers from every area (tasks, reviews, risk flags) ----------------

ALERT_HEADINGS = {
    "overdue_task": gettext_lazy("Overdue tasks"),
    "upcoming_review": gettext_lazy("Upcoming reviews"),
    "risk_flag": gettext_lazy("Recent risk flags"),
}
# Headings of other kinds some areas add; an unknown kind is shown under its own name.
OTHER_ALERT_HEADINGS = {
    "due_task": gettext_lazy("Tasks due this week"),
    "on_hold": gettext_lazy("Cases on hold for more than 30 days"),
}


def alert_heading(kind: str) -> str:
    return ALERT_HEADINGS.get(kind) or OTHER_ALERT_HEADINGS.get(kind) or kind.replace("_", " ").capitalize()


# Most recent first for flags; oldest (most overdue, soonest due) first for the rest.
_NEWEST_FIRST = {"risk_flag"}


def _when_key(when: datetime | date) -> tuple[date, time]:
    if isinstance(when, datetime):
        local = timezone.localtime(when) if timezone.is_aware(when) else when
        return local.date(), local.time()
    return when, time.min


def caseload_alerts(*, user: User) -> dict[str, list[CaseloadAlert]]:
    """Alerts from every app's `caseload.py`, grouped by kind; the three standard kinds always appear."""
    grouped: dict[str, list[CaseloadAlert]] = defaultdict(list)
    for module in app_modules("caseload"):
        for alert in module.caseload_alerts(user=user):
            grouped[alert.kind].append(alert)
    ordered: dict[str, list[CaseloadAlert]] = {kind: [] for kind in ALERT_HEADINGS}
    for kind, alerts in grouped.items():
        ordered[kind] = sorted(alerts, key=lambda a: _when_key(a.when), reverse=kind in _NEWEST_FIRST)
    return ordered


# Needs on a case ----------------------------------------------------------------------------


def case_need_get(*, user: User, case_need_id: int, for_change: bool = False) -> CaseNeed:
    """One need on a case the user may see (or change); 404 if missing, 403 if out of reach."""
    return policy.one_in_reach(
        user,
        CaseNeed.objects.select_related("need", "barrier", "case", "case__person"),
        case_need_id,
        for_change=for_change,
        missing=gettext("No need with this number on any case."),
        detail=gettext("This need is on a case outside your caseload or your granted segments."),
    )


def case_needs(*, user: User, case: Case) -> QuerySet[CaseNeed]:
    """The needs on a case the caller already opened, with their history."""
    return _with_history(policy.visible(user, CaseNeed.objects.filter(case=case)))


def need_choices() -> QuerySet[Need]:
    return Need.objects.filter(is_active=True).order_by("domain", "label")


def barrier_choices() -> QuerySet[Barrier]:
    return Barrier.objects.filter(is_active=True).order_by("label")


def need_by_code(code: str, *, field: str = "need") -> Need:
    return referenced(
        field,
        lambda: Need.objects.filter(code=code).first(),
        f"There is no need with the code “{code}”; see GET /api/v1/needs.",
    )


def barrier_by_code(code: str | None, *, field: str = "barrier") -> Barrier | None:
    if not code:
        return None
    return referenced(
        field,
        lambda: Barrier.objects.filter(code=code).first(),
        f"There is no barrier with the code “{code}”; see GET /api/v1/barriers.",
    )


# Choices for the forms ----------------------------------------------------------------------

CASELOAD_ROLES = sorted(role for role, caps in ROLE_CAPABILITIES.items() if Capability.PERSON_READ in caps)


def worker_choices() -> QuerySet[User]:
    """Staff who hold a caseload (client-facing roles), by name."""
    return User.objects.filter(is_active=True, role__in=CASELOAD_ROLES).order_by("last_name", "first_name")


def household_choices(*, person: Person) -> QuerySet[Household]:
    """The households the person lives in now."""
    return Household.objects.filter(memberships__person=person, memberships__left_on__isnull=True).order_by(
        "name"
    )


def case_facts_choices(*, person: Person, case: Case | None = None) -> dict[str, QuerySet]:
    """Workers, programs and households for a case's facts form.

    A case may stay in a program that has since closed, or with a household the person has left.
    """
    programs = program_selectors.program_choices()
    households = household_choices(person=person)
    if case is not None:
        programs = (programs | Program.objects.filter(pk=case.program_id)).distinct()
        households = (households | Household.objects.filter(pk=case.household_id)).distinct()
    return {"workers": worker_choices(), "programs": programs, "households": households}


def program_by_id(program_id: int) -> Program | None:
    return Program.objects.filter(pk=program_id).first()


def segment_choices(*, user: User) -> list[str]:
    """The sensitive segments the user may put a case in: those they are granted."""
    granted = policy.segments_granted(user) if policy.has_capability(user, Capability.PERSON_READ) else set()
    return [segment for segment in Case.CASE_SEGMENTS if segment in granted]


def case_read_audit(user: User, case: Case, fields: list[str], *, purpose: str, obj: object = None) -> None:
    """Record a read of a case's records (the `fields` read) as a VIEW entry on `obj`, or on the case
    itself when none is given, naming the case's person: the one audit call of an app's selectors."""
    audit_view(user, obj=obj or case, person_id=case.person_id, fields=fields, purpose=purpose)


def plan_review_alerts(
    *, user: User, plans: QuerySet, title: str, url_name: str, days: int
) -> list[CaseloadAlert]:
    """Caseload alerts for the `plans` (one per case, with a `review_on` date) due for review within
    `days`, on the user's own live (open or on hold) cases; one query, through the policy.

    Each links to `url_name` of the plan's case.
    """
    plans = policy.visible(
        user,
        plans.filter(
            review_on__lte=timezone.localdate() + timedelta(days=days),
            case__worker=user,
            case__status__in=[Case.Status.OPEN, Case.Status.ON_HOLD],
        ),
    ).select_related("case__person")
    return [
        CaseloadAlert(
            kind="upcoming_review",
            when=plan.review_on,
            title=title,
            person_name=plan.case.person.display_name,
            url=reverse(url_name, args=[plan.case_id]),
            case_id=plan.case_id,
        )
        for plan in plans
    ]
