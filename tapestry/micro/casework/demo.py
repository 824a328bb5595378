"""Demo casework: care plans with goals on the cases' needs, tasks (some overdue), reviews, notes, services.

Written through the casework services (so every rule and audit entry holds), then dated back so the
story reads as weeks of work: signed DAP and SOAP notes, one draft, an addendum, a psychotherapy
note, a family session with three household members present, and services with their minutes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from tapestry.access import policy
from tapestry.access.models import Segment, User
from tapestry.demo.context import DemoContext
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.micro.cases.services import case_need_add, case_open
from tapestry.micro.casework import services
from tapestry.micro.casework.models import (
    Addendum,
    CarePlan,
    Goal,
    PlanRevision,
    ProgressNote,
    ProgressReview,
    ServiceRecord,
    Task,
)
from tapestry.needs.models import Need
from tapestry.people.models import Household, HouseholdMember, Person

WORKER = "caseworker"


@dataclass(frozen=True)
class GoalSpec:
    description: str
    measure: str
    target: str
    weeks: int
    needs: tuple[str, ...]


@dataclass(frozen=True)
class TaskSpec:
    title: str
    due_in_days: int  # negative: already past due
    goal: int | None = None
    done: bool = False


@dataclass(frozen=True)
class Story:
    case_type: str
    problem: str
    summary: str
    goals: tuple[GoalSpec, ...]
    tasks: tuple[TaskSpec, ...]
    notes: tuple[tuple[str, dict[str, str]], ...] = field(default=())


STORIES = (
    Story(
        Case.Type.CASE_MANAGEMENT,
        "Behind on rent after losing work hours; an eviction notice came last week.",
        "Keep the flat, and get back to steady work within six months.",
        (
            GoalSpec(
                "Keep the current tenancy",
                "Months with rent paid in full",
                "6 in a row",
                26,
                ("housing-instability",),
            ),
            GoalSpec("Find steady work", "Job applications sent per week", "3 a week", 12, ("unemployment",)),
        ),
        (
            TaskSpec("Apply for emergency rental assistance", -4, 0),
            TaskSpec("Ask the landlord for a payment plan in writing", -15, 0, done=True),
            TaskSpec("Book a place on the CV workshop", 6, 1),
        ),
        (
            (
                ProgressNote.Format.DAP,
                {
                    "data": "Brought the eviction notice. Said she has not slept well since it came. Has two weeks' rent saved.",
                    "assessment": "Worried but organised; eligible for the county rental assistance fund.",
                    "plan": "Apply for rental assistance together on Thursday; she asks the landlord for a payment plan.",
                },
            ),
            (
                ProgressNote.Format.SOAP,
                {
                    "subjective": '"The landlord agreed to wait if the fund pays by the end of the month."',
                    "objective": "Payment plan letter seen. Application submitted online during the session.",
                    "assessment": "Tenancy risk lower; job search not started yet.",
                    "plan": "Book the CV workshop; review the plan in a fortnight.",
                },
            ),
        ),
    ),
    Story(
        Case.Type.COUNSELLING,
        "Low mood and isolation since moving to the area; no friends or family nearby.",
        "Feel less alone and more in control of low days.",
        (
            GoalSpec(
                "Build a weekly routine outside the home",
                "Planned activities done per week",
                "2 a week",
                8,
                ("social-isolation",),
            ),
            GoalSpec("Lower day-to-day low mood", "PHQ-9 score", "below 10", 16, ("mental-health",)),
        ),
        (
            TaskSpec("Find two local groups to try", -2, 0),
            TaskSpec("Share the community centre timetable", 3, 0),
        ),
        (
            (
                ProgressNote.Format.DAP,
                {
                    "data": "Spent most of last week indoors. Enjoys walking and used to sing in a choir.",
                    "assessment": "Isolation keeps the low mood going; interests give a way back in.",
                    "plan": "Look up the community choir and the walking group before next week.",
                },
            ),
            (
                ProgressNote.Format.CONTACT,
                {"text": "Phone check-in. Went to the walking group on Saturday and plans to go again."},
            ),
        ),
    ),
    Story(
        Case.Type.CASE_MANAGEMENT,
        "Food running out before payday; struggles with forms for benefits.",
        "Enough food every week, and the benefits he is entitled to.",
        (
            GoalSpec(
                "Enough food every week", "Days without a proper meal per week", "0", 6, ("food-insecurity",)
            ),
            GoalSpec(
                "Claim the benefits he is entitled to", "Claims submitted", "2", 10, ("financial-insecurity",)
            ),
        ),
        (
            TaskSpec("Register with the food collective", -9, 0, done=True),
            TaskSpec("Fill in the housing benefit form together", -1, 1),
            TaskSpec("Check eligibility for the utilities discount", 10, 1),
        ),
        (
            (
                ProgressNote.Format.SOAP,
                {
                    "subjective": "Says he skips lunch most days in the last week of the month.",
                    "objective": "Benefit letters unopened; no claim for housing benefit on file.",
                    "assessment": "Under-claiming benefits; food insecurity at month end.",
                    "plan": "Food collective referral today; benefits forms next session.",
                },
            ),
        ),
    ),
)

FAMILY = Story(
    Case.Type.FAMILY_THERAPY,
    "Arguments at home since the eldest's school exclusion; parents disagree on rules.",
    "A calmer home with rules everyone agreed to.",
    (
        GoalSpec(
            "Agree house rules as a family",
            "Rules written and signed by everyone",
            "1 agreement",
            6,
            ("family-disruption",),
        ),
        GoalSpec(
            "Fewer arguments at home",
            "Arguments a week, as the family counts them",
            "2 or fewer",
            12,
            ("partner-relationship",),
        ),
    ),
    (TaskSpec("Each family member lists three rules that matter", -3, 0),),
)


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _case_for(worker: User, person: Person, story: Story, household: Household | None = None) -> Case:
    """The person's open case of this kind (as the cases demo made it), or a new one."""
    case = (
        Case.objects.filter(person=person, status=Case.Status.OPEN, segment="", case_type=story.case_type)
        .order_by("pk")
        .first()
    )
    if case is None or (household is not None and case.household_id != household.pk):
        case = case_open(
            actor=worker,
            person=person,
            case_type=story.case_type,
            presenting_problem=story.problem,
            household=household,
            referral_source="Self-referral",
            segment="",
        )
    return case


def _needs_on(worker: User, case: Case, codes: set[str]) -> dict[str, CaseNeed]:
    present = {need.need.code: need for need in CaseNeed.objects.filter(case=case).select_related("need")}
    for need in Need.objects.filter(code__in=codes - set(present)):
        present[need.code] = case_need_add(actor=worker, case=case, need=need)
    return present


def _plan(ctx: DemoContext, worker: User, case: Case, story: Story, today: date) -> list[Goal]:
    started = today - timedelta(weeks=ctx.rng.randint(4, 8))
    plan = services.plan_create(actor=worker, case=case, summary=story.summary, next_review_on=today)
    needs = _needs_on(worker, case, {code for spec in story.goals for code in spec.needs})
    goals = [
        services.goal_add(
            actor=worker,
            case=case,
            description=spec.description,
            measure=spec.measure,
            target=spec.target,
            target_date=started + timedelta(weeks=spec.weeks),
            needs=[needs[code] for code in spec.needs if code in needs],
        )
        for spec in story.goals
    ]
    for spec in story.tasks:
        task = services.task_add(
            actor=worker,
            case=case,
            title=spec.title,
            owner=worker,
            due_on=today + timedelta(days=spec.due_in_days),
            goal=goals[spec.goal] if spec.goal is not None else None,
        )
        if spec.done:
            services.task_update(actor=worker, task=task, version=task.version, changes={"status": "done"})
    midway = started + (today - started) / 2
    review = services.review_record(
        actor=worker,
        plan=plan,
        reviewed_on=midway,
        narrative="Reviewed the plan together. Some steps done; the client wants to keep the goals as they are.",
        overall_rating=ctx.rng.randint(2, 4),
        next_review_on=today + timedelta(days=ctx.rng.randint(3, 12)),
        goal_ratings=[(goal, ctx.rng.randint(1, 4), "") for goal in goals],
    )
    # Date the plan's history back to when the work happened.
    CarePlan.objects.filter(pk=plan.pk).update(started_on=started)
    PlanRevision.objects.filter(plan=plan).update(changed_at=_at(started, 10))
    ProgressReview.objects.filter(pk=review.pk).update(created_at=_at(midway, 15))
    return goals


def _note(
    worker: User,
    case: Case,
    kind: str,
    sections: dict[str, str],
    day: date,
    *,
    sign: bool = True,
    **extra: object,
) -> ProgressNote:
    # Calls are logged as contact notes; sessions happen at the office.
    by_phone = kind == ProgressNote.Format.CONTACT
    extra.setdefault(
        "contact_type", ProgressNote.ContactType.PHONE if by_phone else ProgressNote.ContactType.OFFICE
    )
    extra.setdefault("location", "" if by_phone else "Agency office, interview room")
    note = services.note_create(
        actor=worker,
        case=case,
        format=kind,
        sections=sections,
        contact_date=day,
        duration_minutes=50,
        **extra,
    )
    if sign:
        note = services.note_sign(actor=worker, note=note, version=note.version, attested=True)
        ProgressNote.objects.filter(pk=note.pk).update(signed_at=_at(day, 17), created_at=_at(day, 16))
    return note


def _service(
    worker: User, case: Case, kind: str, minutes: int, modality: str, day: date, note: ProgressNote | None
) -> None:
    services.service_record(
        actor=worker,
        case=case,
        delivered_on=day,
        service_type=kind,
        minutes=minutes,
        modality=modality,
        note=note,
    )


def _family_household(worker: User) -> tuple[Household, list[Person]] | None:
    """A household of three or more current members, one of them on the worker's caseload."""
    on_caseload = worker.assignments.filter(ended_on__isnull=True).values("person_id")
    household = (
        Household.objects.annotate(current=Count("memberships", filter=Q(memberships__left_on__isnull=True)))
        .filter(current__gte=3, memberships__person__in=on_caseload)
        .order_by("pk")
        .first()
    )
    if household is None:
        return None
    members = [
        membership.person
        for membership in HouseholdMember.objects.filter(household=household, left_on__isnull=True)
        .select_related("person")
        .order_by("pk")
    ]
    return household, members


def seed(ctx: DemoContext) -> str:
    worker = ctx.staff.get(WORKER)
    if worker is None or CarePlan.objects.exists():
        return ""
    people = ctx.caseload(WORKER)
    if len(people) < len(STORIES):
        return ""
    today = timezone.localdate()
    family = _family_household(worker)
    taken = {member.pk for member in family[1]} if family else set()
    clients = [person for person in people if person.pk not in taken][: len(STORIES)]

    first_signed: ProgressNote | None = None
    for index, (person, story) in enumerate(zip(clients, STORIES, strict=False)):
        case = _case_for(worker, person, story)
        _plan(ctx, worker, case, story, today)
        for number, (kind, sections) in enumerate(story.notes):
            day = today - timedelta(days=7 * (len(story.notes) - number) + ctx.rng.randint(0, 2))
            note = _note(worker, case, kind, sections, day)
            first_signed = first_signed or note
            modality = (
                ServiceRecord.Modality.PHONE
                if kind == ProgressNote.Format.CONTACT
                else ServiceRecord.Modality.IN_PERSON
            )
            service_kind = (
                ServiceRecord.Type.COUNSELLING
                if story.case_type == Case.Type.COUNSELLING
                else ServiceRecord.Type.CASE_MANAGEMENT
            )
            minutes = 15 if kind == ProgressNote.Format.CONTACT else ctx.rng.choice([45, 50, 60])
            _service(worker, case, service_kind, minutes, modality, day, note)
        if index == 0:
            _service(
                worker,
                case,
                ServiceRecord.Type.ADVOCACY,
                30,
                ServiceRecord.Modality.PHONE,
                today - timedelta(days=3),
                None,
            )
            _note(
                worker,
                case,
                ProgressNote.Format.DAP,
                {
                    "data": "Rental assistance approved; first payment due next week.",
                    "assessment": "",
                    "plan": "",
                },
                today,
                sign=False,
                title="Update on rental assistance",
            )
        if index == 1 and policy.can_view_segment(worker, Segment.PSYCHOTHERAPY):
            _note(
                worker,
                case,
                ProgressNote.Format.DAP,
                {
                    "data": "Talked about the move and the loss of her old friendships; tearful at times.",
                    "assessment": "Grief over the move underlies the low mood.",
                    "plan": "Continue weekly sessions; explore what she misses most.",
                },
                today - timedelta(days=5),
                segment="psychotherapy",
                title="Therapy session",
            )
            _service(
                worker,
                case,
                ServiceRecord.Type.COUNSELLING,
                50,
                ServiceRecord.Modality.VIDEO,
                today - timedelta(days=5),
                None,
            )
    if first_signed is not None:
        services.addendum_add(
            actor=worker,
            note=first_signed,
            text="Correction: she has three weeks' rent saved, not two (checked her bank letter).",
        )
        Addendum.objects.filter(note=first_signed).update(
            created_at=_at(first_signed.contact_date + timedelta(days=1), 9)
        )

    family_note = ""
    if family is not None:
        household, members = family
        client = next(member for member in members if worker.assignments.filter(person=member).exists())
        case = _case_for(worker, client, FAMILY, household)
        _plan(ctx, worker, case, FAMILY, today)
        day = today - timedelta(days=4)
        note = _note(
            worker,
            case,
            ProgressNote.Format.SOAP,
            {
                "subjective": "Each said what a good evening at home would look like; the youngest wants less shouting.",
                "objective": "All three stayed for the full hour; took turns without interrupting after the first ten minutes.",
                "assessment": "Shared wish for calm; parents still disagree on screen time.",
                "plan": "Each brings three rules to the next session; worker drafts the family agreement.",
            },
            day,
            present=members[:3],
            title="Family session",
        )
        _service(
            worker, case, ServiceRecord.Type.FAMILY_SESSION, 60, ServiceRecord.Modality.HOME_VISIT, day, note
        )
        _service(
            worker,
            case,
            ServiceRecord.Type.TRANSPORT,
            20,
            ServiceRecord.Modality.IN_PERSON,
            day - timedelta(days=10),
            None,
        )
        family_note = ", a family session"

    plans = CarePlan.objects.count()
    tasks = Task.objects.count()
    overdue = Task.objects.filter(status=Task.Status.OPEN, due_on__lt=today).count()
    notes = ProgressNote.objects.count()
    minutes = sum(ServiceRecord.objects.values_list("minutes", flat=True))
    return (
        f"{plans} care plans, {Goal.objects.count()} goals, {tasks} tasks ({overdue} overdue), "
        f"{notes} notes{family_note}, {ServiceRecord.objects.count()} services ({minutes} minutes)"
    )
