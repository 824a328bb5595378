"""Generates a synthetic agency of any size, batch by batch, for load tests and query plans.

Unlike the small demo (generate.py) it writes with `bulk_create`, one transaction per batch of
persons, and keeps between batches only what later batches need (staff ids, the catalogue's ids,
counters), so memory stays flat whatever the number of clients. Every batch draws from its own
`random.Random` seeded from (seed, batch number): the same clients, seed and batch size give the
same agency. It is a loader, not a user action: the audit entries it writes (case openings and
record views, as a working agency leaves them) are chained in bulk (`batch.py`), under the chain
head's lock, so `manage.py verify_audit` still passes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from django.db import reset_queries, transaction

from tapestry.access.models import User
from tapestry.demo.scale.batch import Batch
from tapestry.demo.scale.plan import (
    DEFAULT_BATCH,
    USERNAME_PREFIX,
    AgencyNotEmpty,
    AgencyPlan,
    agency_is_empty,
    frontline_count,
)
from tapestry.demo.scale.progress import Progress
from tapestry.demo.scale.staff import staff_generate

__all__ = ["DEFAULT_BATCH", "AgencyNotEmpty", "AgencyPlan", "Progress", "frontline_count", "generate_agency"]


def generate_agency(plan: AgencyPlan, *, progress: Callable[[int, int], None] | None = None) -> Counter:
    """Build the whole agency on an empty database; returns the rows written per model.

    Raises AgencyNotEmpty when persons, cases or generated staff are already there.
    """
    if not agency_is_empty():
        raise AgencyNotEmpty
    counts: Counter = Counter()
    with transaction.atomic():
        staff = staff_generate(plan, counts)
    usernames = dict(User.objects.filter(username__startswith=USERNAME_PREFIX).values_list("pk", "username"))
    for number in range(plan.batches):
        counts.update(Batch(plan, staff, usernames, number).run())
        # With DEBUG on, Django keeps the last 9,000 statements; bulk inserts would make that hundreds of MB.
        reset_queries()
        if progress is not None:
            progress(min(plan.clients, (number + 1) * plan.batch), sum(counts.values()))
    return counts
