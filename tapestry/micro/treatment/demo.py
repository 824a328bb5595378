"""Demo treatment work for the demo caseworker: a mental-health case and a substance-use case, each
with a plan, medication check-ins and team notes, and one release under the written consent on file
for Harbourview Recovery Clinic. Written through the services, so the consent gate and audit apply."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.access.models import Consent, Segment
from tapestry.demo.context import DemoContext
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.services import case_open
from tapestry.micro.treatment import services
from tapestry.micro.treatment.models import MedicationCheckin, Release, TeamNote, TreatmentPlan
from tapestry.people.models import Person

WORKER = "caseworker"
RELEASE_TO = "Harbourview Recovery Clinic"
A = MedicationCheckin.Adherence
D = TeamNote.Discipline


def _case(ctx: DemoContext, person: Person, case_type: str, problem: str, referral: str) -> Case:
    """The person's open case of this type (the cases app may have opened it), or a new one."""
    found = Case.objects.filter(person=person, case_type=case_type).exclude(status=Case.Status.CLOSED)
    return found.order_by("pk").first() or case_open(
        actor=ctx.staff[WORKER],
        person=person,
        case_type=case_type,
        presenting_problem=problem,
        referral_source=referral,
    )


def _record(
    ctx: DemoContext,
    case: Case,
    plan: dict,
    prescribed: tuple[str, str],
    checkins: list[tuple],
    notes: list[tuple],
) -> None:
    """The plan, check-ins on the one `prescribed` (medication, prescriber), and the team's notes."""
    worker = ctx.staff[WORKER]
    today = timezone.localdate()
    services.treatment_plan_save(actor=worker, case=case, version=0, changes=plan)
    medication, prescriber = prescribed
    for back, adherence, side_effects, note in checkins:
        services.checkin_record(
            actor=worker,
            case=case,
            checked_on=today - dt.timedelta(days=back),
            medication=medication,
            prescribed_by=prescriber,
            adherence=adherence,
            side_effects=side_effects,
            note=note,
        )
    for back, discipline, text in notes:
        services.team_note_add(
            actor=worker,
            case=case,
            discipline=discipline,
            text=text,
            written_on=today - dt.timedelta(days=back),
        )


def _mental_health(ctx: DemoContext, exclude: set[int]) -> Case | None:
    adults = [
        p
        for p in ctx.caseload(WORKER)
        if p.pk not in exclude and p.date_of_birth and p.date_of_birth.year < 2000
    ]
    existing = Case.objects.filter(worker=ctx.staff[WORKER], case_type=Case.Type.MENTAL_HEALTH).exclude(
        status=Case.Status.CLOSED
    )
    case = existing.order_by("pk").first()
    if case is None and not adults:
        return None
    case = case or _case(
        ctx,
        ctx.rng.choice(adults),
        Case.Type.MENTAL_HEALTH,
        "Low mood for six months since losing work; sleeping badly and withdrawing from friends.",
        "GP at Riverton Community Health Centre",
    )
    today = timezone.localdate()
    _record(
        ctx,
        case,
        {
            "diagnosis": "Moderate depressive episode, with anxiety about money and work.",
            "problems": "Low mood most days.\nPoor sleep (4 to 5 hours).\nAvoiding friends and the job centre.",
            "goals": "PHQ-9 under 10 within 12 weeks.\nSleeps 6 hours or more on most nights.\n"
            "Meets a friend or attends a group once a week.",
            "interventions": "Behavioural activation, weekly.\nSleep hygiene plan.\n"
            "Antidepressant with psychiatry review.\nPeer support group on Thursdays.",
            "frequency": "Weekly sessions; psychiatry review every 4 weeks",
            "review_on": today + dt.timedelta(days=10),
        },
        ("Sertraline 50 mg", "Dr. Luis Ortega"),
        [
            (28, A.AS_PRESCRIBED, "", "Started three weeks ago."),
            (21, A.AS_PRESCRIBED, "Mild nausea in the mornings.", ""),
            (14, A.MISSED_SOME, "Nausea.", "Forgot doses at the weekend."),
            (
                5,
                A.MISSED_MOST,
                "Nausea and poor sleep.",
                "Worried about side effects; stopped most days this week.",
            ),
        ],
        [
            (
                27,
                D.PSYCHIATRY,
                "Started sertraline 50 mg. Discussed side effects and that benefit takes weeks.",
            ),
            (
                20,
                D.SOCIAL_WORK,
                "Activity schedule agreed: a walk every morning, the library job club on Tuesdays.",
            ),
            (
                12,
                D.PEER_SUPPORT,
                "Came to the Thursday group and spoke about losing work. Plans to come again.",
            ),
            (
                4,
                D.NURSING,
                "Missing most doses because of nausea. Asked psychiatry to review the dose and timing.",
            ),
        ],
    )
    return case


def _substance_use(ctx: DemoContext) -> tuple[Case, Release] | None:
    consent = (
        Consent.objects.filter(
            segment=Segment.SUBSTANCE_USE,
            recipient_organisation__name=RELEASE_TO,
            written=True,
            revoked_on__isnull=True,
            person__assignments__staff=ctx.staff[WORKER],
        )
        .select_related("recipient_organisation", "person")
        .order_by("pk")
        .first()
    )
    if consent is None:
        return None
    case = _case(
        ctx,
        consent.person,
        Case.Type.SUBSTANCE_USE,
        "Drinking daily to cope after a break-up; missed work twice this month. Wants to cut down.",
        "Self-referral",
    )
    today = timezone.localdate()
    _record(
        ctx,
        case,
        {
            "diagnosis": "Alcohol use disorder, moderate.",
            "problems": "Drinking most evenings, more at weekends.\nMissed work twice this month.\n"
            "Sleeping badly without a drink.",
            "goals": "No more than two drinking days a week within 8 weeks.\nNo missed work days.\n"
            "Attends a mutual-help group weekly.",
            "interventions": "Motivational interviewing, weekly.\nNaltrexone with monthly review.\n"
            "Relapse-prevention plan.\nMutual-help group.",
            "frequency": "Weekly individual session; medication review monthly",
            "review_on": today + dt.timedelta(days=45),
        },
        ("Naltrexone 50 mg", "Dr. Ama Boateng"),
        [
            (20, A.AS_PRESCRIBED, "", "Fewer cravings in the evening."),
            (13, A.MISSED_SOME, "Headache for two days.", ""),
            (6, A.AS_PRESCRIBED, "", "Two drinking days this week."),
        ],
        [
            (19, D.PSYCHOLOGY, "Decisional balance done; main reasons to change are work and her sister."),
            (12, D.PRIMARY_CARE, "Liver function tests requested; blood pressure slightly raised."),
            (5, D.SOCIAL_WORK, "Relapse-prevention plan written together: triggers are Friday nights alone."),
        ],
    )
    release = services.release_make(
        actor=ctx.staff[WORKER],
        case=case,
        recipient=consent.recipient_organisation,
        purpose=consent.purpose,
        parts=[Release.Part.TREATMENT_PLAN, Release.Part.MEDICATION],
    )
    return case, release


def seed(ctx: DemoContext) -> str:
    if TreatmentPlan.objects.exists() or WORKER not in ctx.staff:
        return ""
    made = []
    substance_use = _substance_use(ctx)
    exclude = {substance_use[0].person_id} if substance_use else set()
    if _mental_health(ctx, exclude) is not None:
        made.append("a mental-health case")
    if substance_use is not None:
        made.append(f"a substance-use case with a release to {RELEASE_TO}")
    return f"treatment plans, check-ins and team notes on {' and '.join(made)}" if made else ""
