"""Demo signals: a cluster of unmet housing needs in one neighbourhood this quarter, then the
nightly run, so the demo opens with at least one signal to read, accept or dismiss.

The cluster is fourteen more clients of the demo's other caseworkers, living in Ashgrove (a made-up
neighbourhood of the places demo), each with housing instability identified this quarter and not
yet met; the run (services.find_signals) then tests every area, need, barrier and service type as it
does each night. Seeded after the cases, places, groups and campaigns; idempotent.
"""

from __future__ import annotations

import datetime as dt

from tapestry.demo.context import DemoContext
from tapestry.demo.names import FAMILY_NAMES, GIVEN_NEUTRAL, GIVEN_WOMEN, STREETS
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.services import case_need_add, case_open
from tapestry.needs.models import Need
from tapestry.people.services import PersonIntake, address_add, person_create
from tapestry.places.models import Area
from tapestry.thread.signals.models import Signal
from tapestry.thread.signals.services import find_signals

AREA_CODE = "N-N"  # Ashgrove
NEED_CODE = "housing-instability"
CLUSTER = 14
# The demo's other caseworkers take these clients in turn, so the main caseworker's caseload stays
# the size the core demo promises.
WORKERS = ("priya.natarajan", "tomas.lindqvist", "amara.okafor", "kai.nakoa")


def seed(ctx: DemoContext) -> str:
    if Signal.objects.exists():
        return ""
    area = Area.objects.filter(kind=Area.Kind.NEIGHBOURHOOD, code=AREA_CODE).first()
    need = Need.objects.filter(code=NEED_CODE).first()
    workers = [ctx.staff[name] for name in WORKERS if name in ctx.staff]
    if area is None or need is None or not workers:
        return ""
    postcodes = sorted(area.postcodes.values_list("postcode", flat=True))
    # Through the people's and cases' own services, as a worker would: each client registered, with
    # an address in Ashgrove, a case opened today and housing instability identified on it (today
    # is in the current period, where the run looks for clusters).
    for n in range(CLUSTER):
        worker = workers[n % len(workers)]
        person = person_create(
            actor=worker,
            intake=PersonIntake(
                given_name=ctx.rng.choice(GIVEN_WOMEN + GIVEN_NEUTRAL),
                family_name=ctx.rng.choice(FAMILY_NAMES),
                date_of_birth=dt.date(
                    1960 + ctx.rng.randrange(45), 1 + ctx.rng.randrange(12), 1 + ctx.rng.randrange(28)
                ),
                languages="English",
            ),
            confirm_not_duplicate=True,
        )
        address_add(
            actor=worker,
            person=person,
            line1=f"{10 + ctx.rng.randrange(880)} {STREETS[n % len(STREETS)]}",
            city="Demo City",
            postcode=postcodes[n % len(postcodes)],
        )
        case = case_open(
            actor=worker,
            person=person,
            case_type=Case.Type.CASE_MANAGEMENT,
            presenting_problem="Notice to quit after the rent went up; nowhere else to go in the area.",
        )
        case_need_add(actor=worker, case=case, need=need)
    run = find_signals()
    return f"{CLUSTER} clients with unmet housing needs in {area.name}; {run.found} signals for {run.period}"
