"""Test data of signals: cases planted by postcode and quarter, and a signal ready to answer."""

from __future__ import annotations

import datetime as dt

from tapestry.access.models import User
from tapestry.micro.cases.models import CaseNeed
from tapestry.needs.models import Barrier, Need
from tapestry.people.models import Address
from tapestry.places.models import Area, AreaPostcode
from tapestry.testing import CaseFactory, PersonFactory, UserFactory
from tapestry.thread.signals.models import Signal

TODAY = dt.date(2026, 12, 31)  # the last day of 2026-Q4: the whole quarter has passed
QUARTERS = [dt.date(2024 + (m - 1) // 12, (m - 1) % 12 + 1, 15) for m in range(10, 34, 3)]


def housing() -> Need:
    return Need.objects.get(code="housing-instability")


def area(code: str, *postcodes: str, kind: str = Area.Kind.NEIGHBOURHOOD) -> Area:
    made = Area.objects.create(kind=kind, code=code, name=f"Area {code}")
    AreaPostcode.objects.bulk_create([AreaPostcode(area=made, postcode=p) for p in postcodes])
    return made


def plant(
    count: int,
    postcode: str,
    on: dt.date,
    need: Need,
    *,
    worker=None,
    status: str = CaseNeed.Status.IDENTIFIED,
    segment: str = "",
    confidential: bool = False,
    barrier: Barrier | None = None,
) -> None:
    worker = worker or User.objects.filter(username="planter").first() or UserFactory(username="planter")
    for _ in range(count):
        person = PersonFactory()
        Address.objects.create(
            person=person, line1="1 Main St", city="Springfield", postcode=postcode, confidential=confidential
        )
        case = CaseFactory(worker=worker, person=person, segment=segment)
        CaseNeed.objects.create(case=case, need=need, identified_on=on, status=status, barrier=barrier)


def a_signal(**changes) -> Signal:
    facts = {
        "key": f"need_cluster:test:{Signal.objects.count()}",
        "kind": Signal.Kind.NEED_CLUSTER,
        "area": Area.objects.first() or area("S", "62799"),
        "need": housing(),
        "period_label": "2026-Q4",
        "period_start": dt.date(2026, 10, 1),
        "period_end": dt.date(2027, 1, 1),
        "observed": 15,
        "expected": 2.0,
        "baseline_total": 16,
        "p_value": 1e-6,
        "q_value": 1e-5,
        "trend": [[f"{day.year}-Q{(day.month - 1) // 3 + 1}", 2] for day in QUARTERS],
        **changes,
    }
    return Signal.objects.create(**facts)
