"""The measures referrals offer (the contract: tapestry/evidence/measures.py).

Referral outcomes: how many referrals stand at each point of the closed loop, for a program and a
period if asked, in one grouped SQL query answered suppressed. A status says nothing of the need or
the service, so referrals from a case in a sensitive segment count here like any other. For
indicators, referrals sent and completed per period, by the type of service if asked.
"""

from __future__ import annotations

from django.db.models import Case as SqlCase
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Value, When
from django.utils.translation import gettext, gettext_noop

from tapestry.directory.models import ServiceNeed
from tapestry.evidence.measures import (
    CONFIDENTIAL,
    Period,
    PeriodRows,
    Periods,
    Program,
    Rows,
    RowsHiding,
    measure,
    period_measure,
)
from tapestry.evidence.suppression import hidden_together
from tapestry.micro.referrals.models import Referral
from tapestry.needs.models import Domain


@measure(
    "referrals.by_outcome",
    gettext_noop("Referrals by outcome"),
    note=gettext_noop(
        "Each referral counts once, at its status now; a period counts the referrals recorded in it."
    ),
)
def by_outcome(*, program: Program | None = None, during: Period | None = None) -> Rows:
    referrals = Referral.objects.all() if program is None else Referral.objects.filter(case__program=program)
    if during is not None:
        start, end = during
        referrals = referrals.filter(created_at__date__gte=start)
        if end is not None:
            referrals = referrals.filter(created_at__date__lt=end)
    found = dict(referrals.order_by().values_list("status").annotate(n=Count("pk")))
    return [(str(label), found.get(key, 0)) for key, label in Referral.Status.choices]


# Referrals per period, for indicators (the program-evaluation app asks for them by name).
NOT_TYPED = gettext_noop("Service meets no coded need")
BY_SERVICE_TYPE = (("service_type", gettext_noop("Service type")), ("program", gettext_noop("Program")))
NO_PROGRAM = gettext_noop("No program")


def _sent(periods: Periods, program: Program | None) -> QuerySet[Referral]:
    sent = Referral.objects.filter(periods.within("sent_at__date"))
    return sent if program is None else sent.filter(case__program=program)


def _per_period(referrals: QuerySet[Referral], periods: Periods, by: str) -> PeriodRows:
    """Referrals by the period they were sent in and, if asked, by the type of service they went to.

    A service's type is the domain of the first need it is linked to in the directory; referrals from
    a case in a sensitive segment make one confidential row, never broken down.
    """
    referrals = referrals.annotate(period=periods.truncate("sent_at"))
    if not by:
        found = referrals.order_by().values_list("period").annotate(n=Count("pk"))
        return [(start, "", n) for start, n in found]
    if by == "program":
        found = referrals.order_by().values_list("period", "case__program__name").annotate(n=Count("pk"))
        return [(start, name or NO_PROGRAM, n) for start, name, n in found]
    first_need = ServiceNeed.objects.filter(service=OuterRef("service_id")).order_by("pk")
    row = SqlCase(When(~Q(case__segment=""), then=Value(CONFIDENTIAL)), default=F("domain"))
    found = (
        referrals.annotate(domain=Subquery(first_need.values("need__domain")[:1]))
        .annotate(row=row)
        .order_by()
        .values_list("period", "row")
        .annotate(n=Count("pk"))
    )
    labels = {key: str(label) for key, label in Domain.choices}
    return [
        (start, labels.get(key, CONFIDENTIAL if key == CONFIDENTIAL else NOT_TYPED), n)
        for start, key, n in found
    ]


@period_measure(
    "referrals.sent",
    gettext_noop("Referrals sent"),
    unit=gettext_noop("referral sent to a service"),
    breakdowns=BY_SERVICE_TYPE,
    note=gettext_noop(
        "Counted in the period the referral was sent; one recorded but never sent is not counted."
    ),
)
def sent(*, periods: Periods, by: str = "", program: Program | None = None) -> PeriodRows:
    return _per_period(_sent(periods, program), periods, by)


@period_measure(
    "referrals.sent_completed",
    gettext_noop("Referrals sent and completed"),
    unit=gettext_noop("referral sent to a service and since completed"),
    breakdowns=BY_SERVICE_TYPE,
    note=gettext_noop(
        "Counted in the period the referral was sent, once the service has reported it completed."
    ),
    within="referrals.sent",
)
def sent_completed(*, periods: Periods, by: str = "", program: Program | None = None) -> PeriodRows:
    return _per_period(_sent(periods, program).filter(status=Referral.Status.COMPLETED), periods, by)


# One need or barrier across the levels (tapestry/thread/rollups): the outcomes of its referrals.
OUTCOMES = (
    ("completed", gettext_noop("completed"), (Referral.Status.COMPLETED,)),
    ("declined", gettext_noop("declined"), (Referral.Status.DECLINED,)),
    ("unanswered", gettext_noop("unanswered"), (Referral.Status.NO_RESPONSE,)),
    (
        "open",
        gettext_noop("still open"),
        (Referral.Status.SENT, Referral.Status.RECEIVED, Referral.Status.ACCEPTED),
    ),
)


@measure(
    "referrals.outcomes_for_need",
    gettext_noop("Referral outcomes by service type"),
    note=gettext_noop(
        "Referrals sent for a case need with this need (or barrier), from cases outside the sensitive "
        "segments, at their status now: completed, declined, unanswered by the deadline, or still open. A "
        "service's type is the domain of the first need it meets in the directory. Small cells are hidden "
        "with the next smallest while the hidden ones together are few."
    ),
)
def outcomes_for_need(*, need: object = None, barrier: object = None) -> Rows:
    if (need is None) == (barrier is None):
        raise ValueError("Ask for one need or one barrier.")
    linked = {"needs__need": need} if need is not None else {"needs__barrier": barrier}
    first_need = ServiceNeed.objects.filter(service=OuterRef("service_id")).order_by("pk")
    outcome = SqlCase(
        *(When(status__in=statuses, then=Value(key)) for key, _, statuses in OUTCOMES), default=Value("")
    )
    found = (
        Referral.objects.filter(case__segment="", **linked)
        .exclude(status=Referral.Status.DRAFT)
        .annotate(domain=Subquery(first_need.values("need__domain")[:1]), outcome=outcome)
        .order_by()
        .values_list("domain", "outcome")
        .annotate(n=Count("pk", distinct=True))
    )
    counts: dict[str, dict[str, int]] = {}
    for domain, key, n in found:
        counts.setdefault(domain or "", {})[key] = n
    labels = {key: str(label) for key, label in Domain.choices}
    rows = [
        (f"{labels.get(domain, gettext(NOT_TYPED))}: {gettext(words)}", counts[domain].get(key, 0))
        for domain in sorted(counts, key=lambda domain: labels.get(domain, NOT_TYPED))
        for key, words, _ in OUTCOMES
    ]
    return RowsHiding(rows, hidden_together(rows))
