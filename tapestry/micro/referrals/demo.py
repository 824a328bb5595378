"""Demo referrals: one in every status on the demo caseloads, with the consents they travel under.

A loader, not a user action: it writes with the ORM (dates set in the past) and leaves the audit
log to the demo loader's single entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from tapestry.access import policy
from tapestry.access.consent_rules import REVOCATION_STATEMENT
from tapestry.access.models import Consent, Segment
from tapestry.demo.context import DemoContext
from tapestry.directory import demo as directory_demo
from tapestry.directory.models import Service
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.micro.referrals import disclosure
from tapestry.micro.referrals.models import Referral, ReferralEvent

S = Referral.Status


@dataclass(frozen=True)
class Step:
    status: str
    days_after_sending: int
    note: str = ""


@dataclass(frozen=True)
class Plan:
    """One demo referral: where it ended up, how long ago it was sent, and the steps on the way."""

    final: str
    sent_days_ago: int
    urgency: str
    steps: tuple[Step, ...] = ()
    decline_reason: str = ""


PLANS = (
    Plan(S.DRAFT, 0, Referral.Urgency.ROUTINE),
    Plan(S.SENT, 1, Referral.Urgency.SOON),
    Plan(S.RECEIVED, 3, Referral.Urgency.ROUTINE, (Step(S.RECEIVED, 1, "Intake team has it"),)),
    Plan(
        S.ACCEPTED,
        9,
        Referral.Urgency.ROUTINE,
        (Step(S.RECEIVED, 1), Step(S.ACCEPTED, 4, "First appointment booked")),
    ),
    Plan(
        S.DECLINED,
        6,
        Referral.Urgency.SOON,
        (Step(S.DECLINED, 2),),
        decline_reason="Waiting list closed until the spring",
    ),
    Plan(
        S.COMPLETED,
        45,
        Referral.Urgency.ROUTINE,
        (Step(S.RECEIVED, 1), Step(S.ACCEPTED, 3), Step(S.COMPLETED, 30, "Service finished; goals met")),
    ),
    Plan(S.NO_RESPONSE, 16, Referral.Urgency.ROUTINE),
)

REASONS = {
    "food-insecurity": "Skipping meals to pay rent; please register the household for weekly groceries.",
    "housing-instability": "Behind on rent after losing hours at work; needs advice before the court date.",
    "unemployment": "Out of work since the spring and keen to get back to work; please offer a placement.",
    "mental-health": "Low mood for several months; would like counselling close to home.",
    "substance-use": "Asking for an assessment for outpatient treatment; motivated to start soon.",
}
DEFAULT_REASON = "Please contact the person to arrange support; they have agreed to this referral."


def seed(ctx: DemoContext) -> str:
    if Referral.objects.exists():
        return ""
    directory_demo.seed(ctx)
    services = list(Service.objects.filter(status=Service.Status.ACTIVE).select_related("organization"))
    cases = list(
        Case.objects.filter(status=Case.Status.OPEN, segment="")
        .select_related("person", "worker")
        .order_by("pk")
    )
    if not services or not cases:
        return ""
    made = 0
    for plan, case in zip(PLANS, cases, strict=False):
        service = _service_for(ctx, case, services)
        if plan.final == S.DRAFT:
            # The recorded-only referral shows the consent check at work: no consent covers it yet.
            service = _not_covered(case, [service, *services]) or service
        _make(ctx, plan, case, service)
        made += 1
    substance = (
        Case.objects.filter(status=Case.Status.OPEN, segment=Segment.SUBSTANCE_USE)
        .select_related("person", "worker")
        .order_by("pk")
        .first()
    )
    clinic = next((s for s in services if s.needs.filter(code="substance-use").exists()), None)
    if substance is not None and clinic is not None and disclosure.recipient_for(clinic) is not None:
        _make(ctx, Plan(S.ACCEPTED, 5, Referral.Urgency.SOON, (Step(S.ACCEPTED, 2),)), substance, clinic)
        made += 1
    return f"{made} referrals in every status"


def _service_for(ctx: DemoContext, case: Case, services: list[Service]) -> Service:
    """A service meeting one of the case's needs, or any service when none does."""
    codes = set(CaseNeed.objects.filter(case=case).values_list("need__code", flat=True))
    fitting = [service for service in services if codes & set(service.needs.values_list("code", flat=True))]
    return ctx.rng.choice(fitting or services)


def _not_covered(case: Case, services: list[Service]) -> Service | None:
    for service in services:
        recipient = disclosure.recipient_for(service)
        covered = policy.consent_for_disclosure(
            person=case.person, segment=case.segment, purpose=Consent.Purpose.REFERRAL, recipient=recipient
        )
        if covered is None:
            return service
    return None


def _make(ctx: DemoContext, plan: Plan, case: Case, service: Service) -> Referral:
    now = timezone.now()
    sent_at = now - dt.timedelta(days=plan.sent_days_ago, hours=ctx.rng.randint(1, 6))
    needs = list(CaseNeed.objects.filter(case=case).select_related("need")[:2])
    reason = next((REASONS[n.need.code] for n in needs if n.need.code in REASONS), DEFAULT_REASON)
    referral = Referral.objects.create(
        case=case,
        service=service,
        recipient_organisation=disclosure.recipient_for(service),
        reason=reason,
        urgency=plan.urgency,
        share_identity=True,
        share_contact_details=True,
        share_needs=bool(needs),
        created_by=case.worker,
    )
    referral.needs.set(needs)
    recorded_at = sent_at - dt.timedelta(hours=2)
    ReferralEvent.objects.create(
        referral=referral, status=S.DRAFT, actor=case.worker, at=recorded_at, note="Recorded"
    )
    updates: dict[str, object] = {"created_at": recorded_at}
    if plan.final != S.DRAFT:
        consent = disclosure.consent_in_force(referral) or _consent(case, referral, sent_at)
        due = sent_at.date() + dt.timedelta(days=Referral.RESPONSE_DAYS[plan.urgency])
        ReferralEvent.objects.create(
            referral=referral,
            status=S.SENT,
            actor=case.worker,
            at=sent_at,
            note=f"Answer due by {due:%Y-%m-%d}",
        )
        for step in plan.steps:
            ReferralEvent.objects.create(
                referral=referral,
                status=step.status,
                actor=case.worker,
                at=sent_at + dt.timedelta(days=step.days_after_sending),
                note=plan.decline_reason if step.status == S.DECLINED else step.note,
            )
        if plan.final == S.NO_RESPONSE:
            ReferralEvent.objects.create(
                referral=referral,
                status=S.NO_RESPONSE,
                at=timezone.make_aware(dt.datetime.combine(due + dt.timedelta(days=1), dt.time(6))),
                note=f"No answer by {due:%Y-%m-%d}",
            )
        updates.update(
            status=plan.final,
            sent_at=sent_at,
            response_due_on=due,
            consent=consent,
            decline_reason=plan.decline_reason,
            version=2 + len(plan.steps),
        )
    Referral.objects.filter(pk=referral.pk).update(**updates)
    return referral


def _consent(case: Case, referral: Referral, sent_at: dt.datetime) -> Consent:
    """The consent the person gave for this referral (written, naming the recipient, as Part 2 asks)."""
    given = sent_at.date() - dt.timedelta(days=1)
    return Consent.objects.create(
        person=case.person,
        segment=case.segment,
        information="Name, contact details and the needs this referral is for",
        record_parts=referral.parts,
        discloser="Tapestry demo agency",
        recipient_organisation=referral.recipient_organisation,
        recipient_description="" if referral.recipient_organisation else referral.service.organization.name,
        purpose=Consent.Purpose.REFERRAL,
        written=True,
        document_reference=f"Signed referral consent, case {case.number}",
        revocation_statement=REVOCATION_STATEMENT,
        signed_by=Consent.Signer.PERSON,
        signed_on=given,
        given_on=given,
        expires_on=given + dt.timedelta(days=365),
        recorded_by=case.worker,
    )
