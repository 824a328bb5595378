"""Demo signals: a cluster of unmet housing needs in one neighbourhood this quarter, then the
nightly run, so the demo opens with at least one signal to read, accept or dismiss.

The cluster is fourteen more clients of the demo's caseworker, living in Ashgrove (a made-up
neighbourhood of the places demo), each with housing instability identified this quarter and not
yet met; the run (services.find_signals) then tests every area, need, barrier and service type as it
does each night. Seeded after the cases, places, groups and campaigns; idempotent.
"""

from __future__ import annotations

import datetime as dt

from tapestry.access.models import Assignment
from tapestry.demo.context import DemoContext
from tapestry.demo.names import FAMILY_NAMES, GIVEN_NEUTRAL, GIVEN_WOMEN, STREETS
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.needs.models import Need
from tapestry.people.models import Address, Person
from tapestry.places.models import Area
from tapestry.thread.signals import periods
from tapestry.thread.signals.models import Signal
from tapestry.thread.signals.services import find_signals, settings

AREA_CODE = "N-N"  # Ashgrove
NEED_CODE = "housing-instability"
CLUSTER = 14
WORKER = "caseworker"


def seed(ctx: DemoContext) -> str:
    if Signal.objects.exists():
        return ""
    area = Area.objects.filter(kind=Area.Kind.NEIGHBOURHOOD, code=AREA_CODE).first()
    need = Need.objects.filter(code=NEED_CODE).first()
    worker = ctx.staff.get(WORKER)
    if area is None or need is None or worker is None:
        return ""
    postcodes = sorted(area.postcodes.values_list("postcode", flat=True))
    today = dt.date.today()
    start = periods.span_of(today, settings()["period"]).start
    days = (today - start).days
    for n in range(CLUSTER):
        person = Person.objects.create(
            given_name=ctx.rng.choice(GIVEN_WOMEN + GIVEN_NEUTRAL),
            family_name=ctx.rng.choice(FAMILY_NAMES),
            date_of_birth=dt.date(
                1960 + ctx.rng.randrange(45), 1 + ctx.rng.randrange(12), 1 + ctx.rng.randrange(28)
            ),
            languages="English",
        )
        Address.objects.create(
            person=person,
            line1=f"{10 + ctx.rng.randrange(880)} {STREETS[n % len(STREETS)]}",
            city="Demo City",
            postcode=postcodes[n % len(postcodes)],
        )
        Assignment.objects.create(staff=worker, person=person, kind=Assignment.Kind.PRIMARY)
        identified = start + dt.timedelta(days=ctx.rng.randrange(days + 1))
        case = Case.objects.create(
            person=person,
            opened_on=identified,
            worker=worker,
            case_type="case_management",
            presenting_problem="Notice to quit after the rent went up; nowhere else to go in the area.",
        )
        CaseNeed.objects.create(
            case=case, need=need, identified_on=identified, status=CaseNeed.Status.IDENTIFIED
        )
    run = find_signals()
    return f"{CLUSTER} clients with unmet housing needs in {area.name}; {run.found} signals for {run.period}"
