"""The measures referrals offer (the contract: tapestry/evidence/measures.py).

Referral outcomes: how many referrals stand at each point of the closed loop, for a program and a
period if asked, in one grouped SQL query answered suppressed. A status says nothing of the need or
the service, so referrals from a case in a sensitive segment count here like any other.
"""

from __future__ import annotations

from django.db.models import Count

from tapestry.evidence.measures import Period, Program, Rows, measure
from tapestry.micro.referrals.models import Referral


@measure(
    "referrals.by_outcome",
    "Referrals by outcome",
    note="Each referral counts once, at its status now; a period counts the referrals recorded in it.",
)
def by_outcome(*, program: Program | None = None, during: Period | None = None) -> Rows:
    referrals = Referral.objects.all() if program is None else Referral.objects.filter(case__program=program)
    if during is not None:
        start, end = during
        referrals = referrals.filter(created_at__date__gte=start)
        if end is not None:
            referrals = referrals.filter(created_at__date__lt=end)
    found = dict(referrals.order_by().values_list("status").annotate(n=Count("pk")))
    return [(label, found.get(key, 0)) for key, label in Referral.Status.choices]
