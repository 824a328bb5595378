"""Demo family plans: two households with strengths, concerns, goals for the family and a referral.

A loader, not a user action: it writes with the ORM and leaves the audit log to the demo loader.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.demo.context import DemoContext
from tapestry.directory.models import Service
from tapestry.mezzo.families.models import FamilyGoal, FamilyPlan, FamilyPlanRevision
from tapestry.mezzo.families.services import plan_snapshot
from tapestry.micro.cases.models import Case
from tapestry.micro.referrals import disclosure
from tapestry.micro.referrals.models import Referral, ReferralEvent
from tapestry.needs.models import Need
from tapestry.people.models import HouseholdMember

PLANS = (
    (
        "Everyone pitches in at home; the grandparents help with the school run; the children are doing well "
        "at school.",
        "Rent arrears since the spring; the parents argue about money; no childcare for the evening shift.",
        (
            ("Keep the family's home: clear the arrears with a repayment plan", "housing-instability", 90),
            ("Find affordable childcare so both parents can work their shifts", "childcare", 60),
            ("Eat together three evenings a week", None, 45),
        ),
    ),
    (
        "A loving, funny household; the eldest is a great help; strong ties to their congregation.",
        "Not enough food at the end of the month; a parent's low mood; the youngest misses school often.",
        (
            ("Enough food every week of the month", "food-insecurity", 30),
            ("Youngest at school at least 9 days in 10", None, 120),
        ),
    ),
)


def _family_cases() -> list[Case]:
    """Open general cases about a household; when the cases demo made too few, give some their household."""
    open_general = Case.objects.filter(segment="").exclude(status=Case.Status.CLOSED).order_by("pk")
    cases = list(open_general.filter(household__isnull=False).select_related("person")[:2])
    if len(cases) < 2:
        homes = {
            member.person_id: member.household_id
            for member in HouseholdMember.objects.filter(left_on__isnull=True).order_by("pk")
        }
        for case in open_general.filter(household__isnull=True).select_related("person"):
            if len(cases) == 2:
                break
            if case.person_id in homes:
                case.household_id = homes[case.person_id]
                case.save(update_fields=["household", "updated_at"])
                cases.append(case)
    return cases


def seed(ctx: DemoContext) -> str:
    if FamilyPlan.objects.exists():
        return ""
    today = timezone.localdate()
    needs = {need.code: need for need in Need.objects.all()}
    goals_made = referrals_linked = 0
    cases = _family_cases()
    for case, (strengths, concerns, goals) in zip(cases, PLANS, strict=False):
        plan = FamilyPlan.objects.create(
            case=case,
            strengths=strengths,
            concerns=concerns,
            started_on=today - dt.timedelta(days=ctx.rng.randint(20, 60)),
            next_review_on=today + dt.timedelta(days=ctx.rng.randint(10, 40)),
            created_by=case.worker,
        )
        members = [
            m.person
            for m in HouseholdMember.objects.filter(household_id=case.household_id, left_on__isnull=True)
            .select_related("person")
            .order_by("pk")
        ]
        made = []
        for description, code, days in goals:
            goal = FamilyGoal.objects.create(
                plan=plan,
                description=description,
                need=needs.get(code) if code else None,
                target_date=today + dt.timedelta(days=days),
            )
            goal.members.set(members[: ctx.rng.randint(1, max(1, len(members)))])
            made.append(goal)
        goals_made += len(made)
        referrals_linked += _link_referral(ctx, case, [g for g in made if g.need_id])
        FamilyPlanRevision.objects.create(
            plan=plan,
            number=1,
            snapshot=plan_snapshot(plan),
            reason="Family plan started.",
            changed_by=case.worker,
        )
    if not cases:
        return ""
    return f"{len(cases)} family plans with {goals_made} goals and {referrals_linked} linked referrals"


def _link_referral(ctx: DemoContext, case: Case, goals: list[FamilyGoal]) -> int:
    """Link the case's own referral to the first goal with a need, or record one to a fitting service."""
    if not goals:
        return 0
    goal = goals[0]
    referral = Referral.objects.filter(case=case).order_by("pk").first()
    if referral is None:
        services = list(
            Service.objects.filter(status=Service.Status.ACTIVE, needs=goal.need).select_related(
                "organization"
            )
        ) or list(Service.objects.filter(status=Service.Status.ACTIVE).select_related("organization")[:10])
        if not services:
            return 0
        service = ctx.rng.choice(services)
        referral = Referral.objects.create(
            case=case,
            service=service,
            recipient_organisation=disclosure.recipient_for(service),
            reason=f"For the family's goal: {goal.description}.",
            created_by=case.worker,
        )
        ReferralEvent.objects.create(
            referral=referral, status=referral.status, actor=case.worker, note="Recorded"
        )
    goal.referrals.add(referral)
    return 1
