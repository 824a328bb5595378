"""Demo data for the needs pages: enough open cases with a housing need that its page shows numbers.

The core demo's caseloads are small, so every need's count of open cases is below the threshold
and its page would show only "<11". This adds what is missing, through the cases' and people's own
services (the thread writes into a level only through them): made-up clients of the outreach worker
with housing instability (some blocked by a waiting list) in two demo neighbourhoods. It adds
nothing if the demo already has enough such cases.
"""

from __future__ import annotations

from tapestry.demo.context import DemoContext
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.micro.cases.services import case_need_add, case_need_status_change, case_open
from tapestry.needs.models import Barrier, Need
from tapestry.people.services import PersonIntake, address_add, person_create

NEED = "housing-instability"
# (postcode in a demo neighbourhood, clients, of whom a waiting list blocks): Riverside South, Ashgrove.
PLANTED = (("00801", 14, 0), ("00802", 2, 0), ("00821", 12, 11))
GIVEN = ("Rosa", "Imani", "Dev", "Lena", "Omar", "Tess", "Joon", "Mira", "Nadia", "Ravi", "Sol", "Yara")
FAMILY = ("Demo-Housing",)


def seed(ctx: DemoContext) -> str:
    need = Need.objects.filter(code=NEED).first()
    worker = ctx.staff.get("outreach_worker")
    if need is None or worker is None:
        return ""
    already = CaseNeed.objects.filter(need=need, case__segment="").exclude(case__status=Case.Status.CLOSED)
    if already.count() >= sum(n for _, n, _ in PLANTED):
        return ""
    waitlist = Barrier.objects.filter(code="waitlist").first()
    added = 0
    for postcode, count, blocked in PLANTED:
        for n in range(count):
            given = GIVEN[(added + n) % len(GIVEN)]
            person = person_create(
                actor=worker,
                intake=PersonIntake(
                    given_name=given, family_name=f"Tenant {added + n + 1:02d}", languages="English"
                ),
                confirm_not_duplicate=True,
            )
            address_add(
                actor=worker, person=person, line1=f"{n + 1} Demo Row", city="Demo City", postcode=postcode
            )
            case = case_open(
                actor=worker,
                person=person,
                case_type=Case.Type.CASE_MANAGEMENT,
                presenting_problem="Rent arrears and a notice to quit; looking for somewhere stable to live.",
            )
            case_need = case_need_add(actor=worker, case=case, need=need)
            if n < blocked and waitlist is not None:
                # Identified first, then unmet behind the waiting list: its history as a worker keeps it.
                case_need_status_change(
                    actor=worker, case_need=case_need, status=CaseNeed.Status.UNMET, barrier=waitlist
                )
        added += count
    return f"{added} clients with a housing need for the needs pages"
