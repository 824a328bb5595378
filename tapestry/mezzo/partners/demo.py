"""Demo partnerships: agreements with five of the demo organisations, and referrals partners sent us.

A loader, not a user action: it writes with the ORM and leaves the audit log to the demo loader.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.demo.context import DemoContext
from tapestry.mezzo.partners.models import IncomingReferral, Partnership
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.programs.models import Program

T = Partnership.AgreementType

# (organisation, agreement, signed days ago, runs for days (None: open-ended), status, notes)
AGREEMENTS = (
    (
        "Riverton Food Collective",
        T.REFERRAL,
        400,
        730,
        "active",
        "Same-week food parcels for families we refer.",
    ),
    (
        "Legal Aid of Demo County",
        T.MOU,
        700,
        740,
        "active",
        "Eviction defence clinic at our office twice a month.",
    ),
    (
        "Harbourview Recovery Clinic",
        T.DATA_SHARING,
        300,
        1095,
        "active",
        "Part 2 consent forms agreed with the clinic.",
    ),
    (
        "Harbourview Recovery Clinic",
        T.SERVICE_CONTRACT,
        200,
        365,
        "active",
        "We deliver family sessions for their clients.",
    ),
    (
        "Northside Family Services",
        T.REFERRAL,
        500,
        None,
        "active",
        "Shared families: warm handovers both ways.",
    ),
    (
        "Eastfield Youth Mentoring",
        T.INFORMAL,
        0,
        None,
        "proposed",
        "Talking about mentors for young people in our groups.",
    ),
)
INCOMING_REASONS = (
    "Family struggling to keep up with rent after a job loss; asked us to help with a budget and benefits.",
    "Parent asked for counselling after a bereavement; the partner's waiting list is long.",
    "Referred for help with school attendance and the family's housing conditions.",
    "Needs support to apply for childcare help so the parent can take up a job offer.",
)


def seed(ctx: DemoContext) -> str:
    if Partnership.objects.exists():
        return ""
    today = timezone.localdate()
    programs = list(Program.objects.order_by("name"))
    lead = ctx.staff.get("supervisor") or ctx.staff.get("program_manager")
    made: list[Partnership] = []
    for index, (name, agreement, signed_ago, runs_for, status, notes) in enumerate(AGREEMENTS):
        organisation = ctx.organisations.get(name)
        if organisation is None:
            continue
        signed = today - dt.timedelta(days=signed_ago) if agreement != T.INFORMAL else None
        starts = today - dt.timedelta(days=signed_ago)
        partnership = Partnership.objects.create(
            organisation=organisation,
            agreement_type=agreement,
            status=status,
            signed_on=signed,
            starts_on=starts,
            ends_on=starts + dt.timedelta(days=runs_for) if runs_for else None,
            lead=lead,
            notes=notes,
        )
        if programs:
            shared = ctx.rng.sample(programs, k=min(len(programs), 1 + index % 2))
            partnership.programs.set(shared)
        partnership.contacts.set(organisation.contacts.order_by("name")[:1])
        made.append(partnership)
    incoming = _incoming(ctx, [p for p in made if p.agreement_type == T.REFERRAL], today)
    if not made:
        return ""
    return f"{len(made)} partnerships, {incoming} referrals received from partners"


def _incoming(ctx: DemoContext, partnerships: list[Partnership], today: dt.date) -> int:
    if not partnerships:
        return 0
    cases = list(
        Case.objects.filter(segment="")
        .exclude(status=Case.Status.CLOSED)
        .select_related("worker")
        .order_by("pk")
    )
    picked = cases[:: max(1, len(cases) // 6)][:6]
    needs = {
        case_need.case_id: case_need.need
        for case_need in CaseNeed.objects.filter(case__in=picked).select_related("need").order_by("pk")
    }
    for index, case in enumerate(picked):
        received = max(case.opened_on, today - dt.timedelta(days=ctx.rng.randint(5, 300)))
        IncomingReferral.objects.create(
            partnership=partnerships[index % len(partnerships)],
            case=case,
            received_on=min(received, today),
            need=needs.get(case.pk),
            reason=INCOMING_REASONS[index % len(INCOMING_REASONS)],
            recorded_by=case.worker,
        )
    return len(picked)
