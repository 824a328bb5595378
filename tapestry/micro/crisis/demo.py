"""Demo crisis work: a client at high risk of suicide, their safety plan, follow-ups, and one missed deadline."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tapestry.demo.context import DemoContext
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.services import case_open
from tapestry.micro.crisis.models import RiskAssessment, RiskLevel, RiskType
from tapestry.micro.crisis.services import (
    EmergencyContactInput,
    FindingInput,
    follow_up_complete,
    follow_up_set,
    overdue_follow_ups_escalate,
    risk_assessment_record,
    safety_plan_save,
)
from tapestry.people.models import Person


def _crisis_case(ctx: DemoContext, person: Person, problem: str) -> Case:
    """The person's open crisis case, as the cases demo made it, or a new one."""
    worker = ctx.staff["crisis_worker"]
    case = Case.objects.filter(person=person, case_type=Case.Type.CRISIS, status=Case.Status.OPEN).first()
    if case is None:
        case = case_open(
            actor=worker,
            person=person,
            case_type=Case.Type.CRISIS,
            presenting_problem=problem,
            referral_source="County crisis line",
        )
    return case


def _findings(**levels: tuple[str, str]) -> list[FindingInput]:
    return [FindingInput(kind, *levels.get(kind, (RiskLevel.NONE, ""))) for kind in RiskType.values]


def seed(ctx: DemoContext) -> str:
    worker = ctx.staff.get("crisis_worker")
    if RiskAssessment.objects.exists() or worker is None:
        return ""
    people = ctx.caseload("crisis_worker")
    if not people:
        return ""
    now = timezone.now().replace(second=0, microsecond=0)

    # The main story: a client who called the crisis line three days ago.
    first = _crisis_case(
        ctx, people[0], "Called the crisis line with thoughts of ending their life after a job loss."
    )
    assessed_at = now - timedelta(days=3, hours=2)
    assessment = risk_assessment_record(
        actor=worker,
        case=first,
        findings=_findings(
            suicide=(
                RiskLevel.HIGH,
                "Thoughts of suicide most days for two weeks; has thought about how.\nRecent job loss; drinking more.",
            ),
            self_harm=(RiskLevel.MODERATE, "Cut their arm once last month; no injury since."),
            abuse_neglect=(RiskLevel.LOW, "Past controlling partner; no contact for two years."),
        ),
        protective_factors="Close to their sister and two nephews.\nEngaged with the call and agreed to a plan.\nNo access to firearms at home.",
        immediate_actions=(
            "Stayed on the line until the mobile crisis team arrived; agreed the sister stays tonight; "
            "medicines handed to the sister to hold."
        ),
        emergency_contacts=[
            EmergencyContactInput("mobile_crisis", assessed_at + timedelta(minutes=15), "MCT-2026-0412")
        ],
        assessed_at=assessed_at,
    )
    safety_plan_save(
        actor=worker,
        case=first,
        version=None,
        sections={
            "warning_signs": [
                "Not sleeping for two nights",
                "Staying in bed all day",
                "Thinking I am a burden",
            ],
            "internal_coping": [
                "Walk the dog round the park",
                "Play guitar",
                "Cold shower and breathing exercise",
            ],
            "social_distractions": ["Coffee at the library café", "Saturday football with my nephews"],
            "help_contacts": [
                {"name": "Ana (sister)", "phone": "555-0142"},
                {"name": "Luis (friend)", "phone": "555-0177"},
            ],
            "professional_contacts": [
                {"name": "Diego Ferreira, crisis worker", "phone": "555-0100"},
                {"name": "Eastfield Mental Health Services", "phone": "555-0123"},
                {"name": "Suicide and crisis lifeline", "phone": "988"},
            ],
            "means_safety": [
                "Ana holds my medicines and gives me a week at a time",
                "No alcohol in the house",
            ],
            "reasons_for_living": ["My nephews", "My dog, Pepper", "Getting back to work as a mechanic"],
        },
    )
    done = follow_up_set(
        actor=worker,
        case=first,
        title="Call back to check on safety",
        details="Ask about sleep, drinking and whether the plan was used.",
        due_at=now + timedelta(hours=4),
        risk_assessment=assessment,
        set_at=now - timedelta(hours=20),
    )
    follow_up_complete(
        actor=worker,
        follow_up=done,
        outcome="Spoke for 20 minutes; slept better; used the plan once, called Ana.",
    )
    # Missed: the deadline passed two hours ago, so the escalation below reaches the supervisor.
    follow_up_set(
        actor=worker,
        case=first,
        title="Confirm the GP medication review happened",
        details="Within 72 hours of the assessment; call the GP surgery if the client cannot say.",
        due_at=assessed_at + timedelta(hours=72),
        risk_assessment=assessment,
        set_at=assessed_at,
    )
    follow_up_set(
        actor=worker,
        case=first,
        title="Home visit with the sister to review means safety",
        due_at=now + timedelta(hours=48),
        risk_assessment=assessment,
    )
    count, follow_ups = 1, 3

    # A second, lower-risk contact: a family displaced by a house fire.
    if len(people) > 1:
        second = _crisis_case(
            ctx, ctx.rng.choice(people[1:]), "Family displaced by a house fire; staying in a car."
        )
        risk_assessment_record(
            actor=worker,
            case=second,
            findings=_findings(
                disaster=(RiskLevel.MODERATE, "Lost their home to a fire two days ago; sleeping in the car."),
                suicide=(RiskLevel.LOW, "Feels hopeless about housing; denies thoughts of suicide."),
            ),
            protective_factors="Children in school; church community offering meals.",
            immediate_actions="Referred to the emergency shelter line; Red Cross voucher requested.",
            assessed_at=now - timedelta(days=1, hours=5),
        )
        count += 1
    escalated = overdue_follow_ups_escalate(now=now)
    return (
        f"{count} risk assessments, 1 safety plan, {follow_ups} urgent follow-ups, {len(escalated)} escalated"
    )
