"""Demo evaluation: the four example indicators, with baselines and targets, and a year of practice
history behind them so that the demo shows values above the suppression threshold.

A loader, not a user action: it writes with the ORM and leaves the audit log to the demo loader.
The history it adds is synthetic like the rest of the demo: housing needs met (or not) on the
agency's general cases, referrals sent and answered, and the end-of-group PHQ-9 of support-group
members who have a start score.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.demo.context import DemoContext
from tapestry.directory.models import Service
from tapestry.macro.evaluation.models import Indicator
from tapestry.mezzo.group_outcomes.models import MemberMeasure
from tapestry.micro.cases.models import Case, CaseNeed, CaseNeedChange
from tapestry.micro.referrals.models import Referral, ReferralEvent
from tapestry.needs.models import Domain, Need

F, D = Indicator.Factor, Indicator.Direction

INDICATORS = (
    {
        "name": "Housing needs met within 90 days",
        "definition": "Of the housing needs identified on clients' cases in the year, the share marked met "
        "within 90 days of being identified.",
        "numerator": "cases.housing_needs_met_within_90_days",
        "denominator": "cases.housing_needs_identified",
        "factor": F.PERCENT,
        "period_type": "year",
        "baseline_value": 50,
        "baseline_period": "2025",
        "target_value": 65,
        "direction": D.HIGHER,
    },
    {
        "name": "Mean PHQ-9 change among support-group members",
        "definition": "The average change in PHQ-9 score (end of group minus start) of support-group members "
        "measured at both; below zero means low mood eased.",
        "numerator": "group_outcomes.phq9_change_total",
        "denominator": "group_outcomes.phq9_members_measured",
        "factor": F.MEAN,
        "period_type": "year",
        "baseline_value": -2,
        "baseline_period": "2025",
        "target_value": -3,
        "direction": D.LOWER,
    },
    {
        "name": "Referral completion rate by service type",
        "definition": "Of the referrals sent in the year, the share the service has reported completed, "
        "for each type of service.",
        "numerator": "referrals.sent_completed",
        "denominator": "referrals.sent",
        "factor": F.PERCENT,
        "period_type": "year",
        "breakdown": "service_type",
        "baseline_value": 45,
        "baseline_period": "2025",
        "target_value": 60,
        "targets": {"2026": 55},
        "direction": D.HIGHER,
    },
    {
        "name": "Group attendance rate by program",
        "definition": "Of the places members were expected at held group sessions, the share they came to "
        "(on time or late), for each program.",
        "numerator": "group_sessions.places_attended",
        "denominator": "group_sessions.places_expected",
        "factor": F.PERCENT,
        "period_type": "quarter",
        "breakdown": "program",
        "target_value": 85,
        "direction": D.HIGHER,
    },
)

HOUSING_NEEDS, HOUSING_MET = 44, 28  # housing needs added over the year, and how many met in time
REFERRALS, COMPLETED = 36, 22


def seed(ctx: DemoContext) -> str:
    if Indicator.objects.filter(name=INDICATORS[0]["name"]).exists():
        return ""
    today = timezone.localdate()
    owner = ctx.staff.get("evaluator")
    cases = list(Case.objects.filter(segment="").select_related("worker").order_by("pk"))
    needs = _housing_history(ctx, cases, today)
    referrals = _referral_history(ctx, cases, today)
    measured = _phq9_posts(ctx, today)
    for fields in INDICATORS:
        Indicator.objects.create(**fields, owner=owner, created_by=owner)
    # The grants demo (seeded before) reports on these indicators to its funder once they exist.
    from tapestry.macro.grants.demo import seed_funder_reports

    reports = seed_funder_reports(ctx)
    return (
        f"{len(INDICATORS)} indicators; {needs} housing needs, {referrals} referrals and "
        f"{measured} end-of-group PHQ-9 scores behind them{reports}"
    )


def _in_year(ctx: DemoContext, today: dt.date, lag: int) -> dt.date:
    """A day in the calendar year of `lag` days ago, no later than that day: one year's worth."""
    latest = today - dt.timedelta(days=lag)
    first = dt.date(latest.year, 1, 1)
    return first + dt.timedelta(days=ctx.rng.randint(0, (latest - first).days))


def _housing_history(ctx: DemoContext, cases: list[Case], today: dt.date) -> int:
    codes = list(Need.objects.filter(domain=Domain.HOUSING).order_by("code"))
    taken = set(CaseNeed.objects.filter(case__in=cases).values_list("case_id", "need_id"))
    added = 0
    for case in cases * len(codes):
        if added == HOUSING_NEEDS or not cases:
            break
        need = next((n for n in codes if (case.pk, n.pk) not in taken), None)
        if need is None:
            continue
        taken.add((case.pk, need.pk))
        identified = max(_in_year(ctx, today, 100), case.opened_on)
        met_after = ctx.rng.randint(7, 85) if added < HOUSING_MET else ctx.rng.choice([None, 120, 150])
        if met_after and identified + dt.timedelta(days=met_after) > today:
            met_after = None  # not met yet
        moment = timezone.make_aware(dt.datetime.combine(identified, dt.time(10)))
        # The need's history, as the case page shows it: identified, being addressed, and met if it was.
        steps = [(CaseNeed.Status.IDENTIFIED, 0, ""), (CaseNeed.Status.BEING_ADDRESSED, 1, "")]
        if met_after:
            steps.append((CaseNeed.Status.MET, met_after, "Housed"))
        found = CaseNeed.objects.create(case=case, need=need, identified_on=identified, status=steps[-1][0])
        CaseNeedChange.objects.bulk_create(
            CaseNeedChange(
                case_need=found,
                status=status,
                note=note,
                changed_by=case.worker,
                changed_at=min(moment + dt.timedelta(days=days), timezone.now()),
            )
            for status, days, note in steps
        )
        added += 1
    return added


def _referral_history(ctx: DemoContext, cases: list[Case], today: dt.date) -> int:
    services = list(Service.objects.filter(status=Service.Status.ACTIVE).order_by("pk"))
    if not services or not cases:
        return 0
    S = Referral.Status
    for index in range(REFERRALS):
        case = cases[index % len(cases)]
        sent_on = max(_in_year(ctx, today, 30), case.opened_on)
        sent_at = timezone.make_aware(dt.datetime.combine(sent_on, dt.time(11)))
        final = S.COMPLETED if index < COMPLETED else ctx.rng.choice([S.DECLINED, S.NO_RESPONSE, S.ACCEPTED])
        referral = Referral.objects.create(
            case=case,
            service=services[index % len(services)],
            reason="Asking the service to take the client on; details were shared by phone.",
            created_by=case.worker,
        )
        ReferralEvent.objects.create(referral=referral, status=S.SENT, actor=case.worker, at=sent_at)
        ReferralEvent.objects.create(
            referral=referral, status=final, actor=case.worker, at=sent_at + dt.timedelta(days=12)
        )
        due = sent_on + dt.timedelta(days=Referral.RESPONSE_DAYS[Referral.Urgency.ROUTINE])
        Referral.objects.filter(pk=referral.pk).update(
            status=final, sent_at=sent_at, response_due_on=due, created_at=sent_at, version=3
        )
    return REFERRALS


def _phq9_posts(ctx: DemoContext, today: dt.date) -> int:
    """An end score for each support-group member with a start score and no end score yet."""
    starts = MemberMeasure.objects.filter(
        instrument="phq-9", phase=MemberMeasure.Phase.PRE, membership__group__kind="support"
    ).exclude(membership__outcome_measures__phase=MemberMeasure.Phase.POST)
    made = 0
    for start in starts.select_related("membership__group").order_by("pk"):
        on = max(
            start.administered_on,
            today - dt.timedelta(days=ctx.rng.randint(0, min(60, today.timetuple().tm_yday - 1))),
        )
        MemberMeasure.objects.create(
            membership=start.membership,
            instrument="phq-9",
            instrument_version=start.instrument_version,
            phase=MemberMeasure.Phase.POST,
            administered_on=on,
            total_score=max(0, start.total_score - ctx.rng.randint(-1, 7)),
            recorded_by=start.recorded_by,
        )
        made += 1
    return made
