"""The counts the rule tests, read from the micro level: one grouped SQL query per kind of count
(need, barrier, unanswered referrals), each answering counts only, never a person or case id.

A case is placed by the postcode of its client's newest current address, as places store it; a
confidential (safe) address is never placed, and a case in a sensitive segment is never counted.
A need counts in the period it was identified in when it was still unmet at the end of that
period: not marked met before the period ended (its status now is not met, or it was first met
after). Referrals count in the period they were sent, once their answer was due; one counts as
unanswered when its deadline passed with no answer (marked no response, even if answered late).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.db.models import Case as SqlCase
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Trim, Upper
from django.utils import timezone

from tapestry.micro.cases.models import CaseNeed, CaseNeedChange
from tapestry.micro.referrals.models import Referral, ReferralEvent
from tapestry.people.models import Address
from tapestry.places.models import AreaPostcode
from tapestry.thread.signals.periods import Span
from tapestry.thread.signals.rule import CountCell, ShareCell


def _midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _unmet_needs(spans: Sequence[Span]) -> QuerySet:
    """Needs of general cases at a placeable address, with `bucket` = the index of the period in
    `spans` they count in (null when they count in none)."""
    address = Address.objects.filter(person=OuterRef("case__person_id"), is_current=True).order_by(
        "-created_at"
    )
    first_met = (
        CaseNeedChange.objects.filter(case_need=OuterRef("pk"), status=CaseNeed.Status.MET)
        .order_by("changed_at")
        .values("changed_at")[:1]
    )
    still_unmet = []
    for index, span in enumerate(spans):
        unmet_then = Q(met_at__gte=_midnight(span.end)) | (
            Q(met_at__isnull=True) & ~Q(status=CaseNeed.Status.MET)
        )
        within = Q(identified_on__gte=span.start, identified_on__lt=span.end)
        still_unmet.append(When(within & unmet_then, then=Value(index)))
    return (
        CaseNeed.objects.filter(
            case__segment="", identified_on__gte=spans[0].start, identified_on__lt=spans[-1].end
        )
        .annotate(
            postcode=Upper(Trim(Subquery(address.values("postcode")[:1]))),
            address_confidential=Subquery(address.values("confidential")[:1]),
            met_at=Subquery(first_met),
        )
        .annotate(bucket=SqlCase(*still_unmet, default=None, output_field=IntegerField()))
        .filter(address_confidential=False, bucket__isnull=False)
    )


def _by_area(
    rows: list[tuple[str, Any, int, int]], area_kinds: Sequence[str]
) -> dict[tuple[int, Any], dict[int, int]]:
    """Postcode counts to area counts: a case counts in every tested area that holds its postcode."""
    postcodes = {postcode for postcode, _, _, _ in rows}
    held = AreaPostcode.objects.filter(postcode__in=postcodes)
    if area_kinds:
        held = held.filter(area__kind__in=area_kinds)
    holders: dict[str, list[int]] = defaultdict(list)
    for postcode, area_id in held.values_list("postcode", "area_id"):
        holders[postcode].append(area_id)
    counts: dict[tuple[int, Any], dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for postcode, item, bucket, n in rows:
        for area_id in holders.get(postcode, ()):
            counts[(area_id, item)][bucket] += n
    return counts


def _cells(counts: dict[tuple[int, Any], dict[int, int]], periods: int) -> list[CountCell]:
    current = periods - 1
    return [
        CountCell(
            key=key,
            observed=by_bucket.get(current, 0),
            baseline=tuple(by_bucket.get(index, 0) for index in range(current)),
            group=key[1],
        )
        for key, by_bucket in sorted(counts.items())
    ]


def need_cells(spans: Sequence[Span], area_kinds: Sequence[str]) -> list[CountCell]:
    """(area, need) cells: one grouped query (and the areas of the postcodes found)."""
    rows = list(
        _unmet_needs(spans)
        .order_by()
        .values_list("postcode", "need_id", "bucket")
        .annotate(n=Count("case", distinct=True))
    )
    return _cells(_by_area(rows, area_kinds), len(spans))


def barrier_cells(spans: Sequence[Span], area_kinds: Sequence[str]) -> list[CountCell]:
    """(area, barrier) cells: a case with two needs held back by one barrier counts once."""
    rows = list(
        _unmet_needs(spans)
        .filter(barrier__isnull=False)
        .order_by()
        .values_list("postcode", "barrier_id", "bucket")
        .annotate(n=Count("case", distinct=True))
    )
    return _cells(_by_area(rows, area_kinds), len(spans))


def referral_cells(spans: Sequence[Span], today: dt.date) -> list[ShareCell]:
    """Service types (the needs a directory service is mapped to): referrals sent and unanswered per
    period, in one grouped query."""
    buckets = [
        When(sent_at__gte=_midnight(span.start), sent_at__lt=_midnight(span.end), then=Value(index))
        for index, span in enumerate(spans)
    ]
    lapsed = Exists(ReferralEvent.objects.filter(referral=OuterRef("pk"), status=Referral.Status.NO_RESPONSE))
    rows = (
        Referral.objects.filter(
            case__segment="",
            sent_at__gte=_midnight(spans[0].start),
            sent_at__lt=_midnight(spans[-1].end),
            response_due_on__lt=today,
            service__service_needs__isnull=False,
        )
        .annotate(bucket=SqlCase(*buckets, default=None, output_field=IntegerField()))
        .filter(bucket__isnull=False)
        .order_by()
        .values_list("service__service_needs__need_id", "bucket")
        .annotate(
            sent=Count("pk", distinct=True),
            unanswered=Count("pk", distinct=True, filter=Q(status=Referral.Status.NO_RESPONSE) | Q(lapsed)),
        )
    )
    per: dict[int, dict[int, tuple[int, int]]] = defaultdict(dict)
    for need_id, bucket, sent, unanswered in rows:
        per[need_id][bucket] = (sent, unanswered)
    current = len(spans) - 1
    cells = []
    for need_id, by_bucket in sorted(per.items()):
        sent, unanswered = by_bucket.get(current, (0, 0))
        before = [by_bucket.get(index, (0, 0)) for index in range(current)]
        cells.append(
            ShareCell(
                key=need_id,
                sent=sent,
                unanswered=unanswered,
                baseline_sent=sum(s for s, _ in before),
                baseline_unanswered=sum(u for _, u in before),
                trend=tuple(u for _, u in before),
            )
        )
    return cells
