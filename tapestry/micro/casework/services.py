"""Every write of casework: care plans and their revisions, goals, tasks, reviews, notes, services."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry, User
from tapestry.access.versioning import versioned_update
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.micro.cases.services import require_case_write
from tapestry.micro.casework.models import (
    Addendum,
    CarePlan,
    Goal,
    GoalRating,
    PlanRevision,
    ProgressNote,
    ProgressReview,
    ServiceRecord,
    Task,
)
from tapestry.people.models import HouseholdMember, Person

GOAL_FIELDS = ("description", "measure", "target", "target_date", "status")
TASK_FIELDS = ("title", "details", "owner", "due_on", "goal", "status")
NOTE_FIELDS = ("title", "contact_date", "duration_minutes", "segment", *ProgressNote.ALL_SECTIONS)


class NoteLocked(Exception):
    """A signed note cannot change; corrections go in an addendum."""

    def __init__(self, note: ProgressNote) -> None:
        self.note = note
        when = timezone.localtime(note.signed_at).strftime("%Y-%m-%d %H:%M") if note.signed_at else "earlier"
        signer = (
            (note.signed_by.get_full_name() or note.signed_by.username) if note.signed_by else "its author"
        )
        super().__init__(
            f"This note was signed by {signer} on {when} and is locked, so it cannot be changed. "
            "Add an addendum to correct it or add to it."
        )


# Access -------------------------------------------------------------------------------------


# A closed case keeps its record; only finishing drafts written before closing, and addenda, go on.
CLOSED = "This case is closed. Reopen it first to add to its casework."


def _require_staff_on_case(user: User, case: Case, field: str, role_word: str) -> None:
    """Owners of tasks and staff on services must be able to open the case themselves."""
    if not user.is_active or not policy.visible(user, Case.objects.filter(pk=case.pk)).exists():
        raise ValidationError({field: [f"{user} cannot open this case, so cannot be its {role_word}."]})


def _audit(actor: User, action: str, obj: Any, case: Case, fields: Iterable[str]) -> None:
    audit_record(actor=actor, action=action, obj=obj, person_id=case.person_id, fields=fields)


# Care plans ---------------------------------------------------------------------------------


def plan_snapshot(plan: CarePlan) -> dict[str, Any]:
    """The plan as it stands: summary, goals with their needs, and the case's tasks (stored as JSON)."""
    goals = plan.goals.prefetch_related("needs__need").order_by("target_date", "pk")
    tasks = Task.objects.filter(case_id=plan.case_id).select_related("owner").order_by("due_on", "pk")
    return {
        "summary": plan.summary,
        "next_review_on": plan.next_review_on.isoformat() if plan.next_review_on else None,
        "goals": [
            {
                "id": goal.pk,
                "description": goal.description,
                "measure": goal.measure,
                "target": goal.target,
                "target_date": goal.target_date.isoformat(),
                "status": goal.status,
                "status_label": goal.get_status_display(),
                "needs": [
                    {"id": need.pk, "code": need.need.code, "label": need.need.label}
                    for need in goal.needs.all()
                ],
            }
            for goal in goals
        ],
        "tasks": [
            {
                "id": task.pk,
                "title": task.title,
                "goal_id": task.goal_id,
                "owner": task.owner.get_full_name() or task.owner.username,
                "due_on": task.due_on.isoformat(),
                "status": task.status,
            }
            for task in tasks
        ],
    }


def _revision_record(*, actor: User, plan: CarePlan, reason: str) -> PlanRevision:
    """Number and store a snapshot; the caller holds the plan's row lock, so numbers never clash."""
    last = plan.revisions.aggregate(last=Max("number"))["last"] or 0
    revision = PlanRevision.objects.create(
        plan=plan, number=last + 1, snapshot=plan_snapshot(plan), reason=reason[:255], changed_by=actor
    )
    _audit(actor, AuditEntry.Action.CREATE, revision, plan.case, ["snapshot", "reason"])
    return revision


def _locked_plan(plan: CarePlan) -> CarePlan:
    return CarePlan.objects.select_for_update(of=("self",)).select_related("case").get(pk=plan.pk)


def _required_reason(reason: str) -> str:
    if not reason.strip():
        raise ValidationError({"reason": ["Say why the plan changes; it is kept with the plan's history."]})
    return reason.strip()


def plan_create(*, actor: User, case: Case, summary: str, next_review_on: date | None = None) -> CarePlan:
    """Start the case's care plan; its first revision records how it began."""
    require_case_write(actor, case, closed=CLOSED)
    if CarePlan.objects.filter(case=case).exists():
        raise ValidationError({"__all__": ["This case already has a care plan: revise it instead."]})
    plan = CarePlan(case=case, summary=summary.strip(), next_review_on=next_review_on, created_by=actor)
    plan.full_clean(exclude=["case"])
    if next_review_on and next_review_on < timezone.localdate():
        raise ValidationError({"next_review_on": ["The first review cannot be in the past."]})
    with transaction.atomic():
        plan.save()
        _audit(actor, AuditEntry.Action.CREATE, plan, case, ["summary", "next_review_on"])
        _revision_record(actor=actor, plan=plan, reason="Plan started.")
    return plan


def plan_revise(
    *,
    actor: User,
    plan: CarePlan,
    version: int,
    summary: str,
    next_review_on: date | None,
    reason: str,
) -> CarePlan:
    """Change the plan's summary or review date; a stale version is refused, the change is kept as a revision."""
    require_case_write(actor, plan.case, closed=CLOSED)
    reason = _required_reason(reason)
    with transaction.atomic():
        before = _locked_plan(plan)
        updated = versioned_update(
            actor=actor,
            instance=before,
            version=version,
            changes={"summary": summary.strip(), "next_review_on": next_review_on},
            editable=["summary", "next_review_on"],
        )
        if updated.version != before.version:
            _revision_record(actor=actor, plan=updated, reason=reason)
    return updated


def _needs_of_case(case: Case, needs: Sequence[CaseNeed]) -> list[CaseNeed]:
    foreign = [need for need in needs if need.case_id != case.pk]
    if foreign:
        raise ValidationError({"needs": ["A goal can address only needs recorded on this case."]})
    return list(needs)


def goal_add(
    *,
    actor: User,
    case: Case,
    description: str,
    measure: str,
    target: str,
    target_date: date,
    needs: Sequence[CaseNeed] = (),
    reason: str = "",
) -> Goal:
    """Add a goal to the case's plan; the plan's history gains a revision."""
    require_case_write(actor, case, closed=CLOSED)
    plan = CarePlan.objects.filter(case=case).first()
    if plan is None:
        raise ValidationError({"__all__": ["Start the care plan first: a goal belongs to a plan."]})
    goal = Goal(plan=plan, description=description, measure=measure, target=target, target_date=target_date)
    goal.full_clean()
    needs = _needs_of_case(case, needs)
    with transaction.atomic():
        plan = _locked_plan(plan)
        goal.save()
        goal.needs.set(needs)
        _audit(actor, AuditEntry.Action.CREATE, goal, case, [*GOAL_FIELDS, "needs"])
        _revision_record(actor=actor, plan=plan, reason=reason.strip() or f"Goal added: {goal.description}")
    return goal


def goal_update(
    *,
    actor: User,
    goal: Goal,
    version: int,
    changes: dict[str, Any],
    reason: str,
    needs: Sequence[CaseNeed] | None = None,
) -> Goal:
    """Change a goal (a stale version is refused); the plan's history gains a revision saying why."""
    case = goal.plan.case
    require_case_write(actor, case, closed=CLOSED)
    reason = _required_reason(reason)
    if needs is not None:
        needs = _needs_of_case(case, needs)

    def set_needs(current: Goal, changed: list[str]) -> list[str]:
        if needs is None or {n.pk for n in needs} == set(current.needs.values_list("pk", flat=True)):
            return []
        current.needs.set(needs)
        return ["needs"]

    with transaction.atomic():
        plan = _locked_plan(goal.plan)
        current = versioned_update(
            actor=actor,
            instance=goal,
            version=version,
            changes=changes,
            editable=GOAL_FIELDS,
            person_id=case.person_id,
            related=set_needs,
        )
        if current.version != version:
            _revision_record(actor=actor, plan=plan, reason=reason)
    return current


# Tasks --------------------------------------------------------------------------------------


def _goal_of_case(case: Case, goal: Goal | None) -> Goal | None:
    if goal is not None and goal.plan.case_id != case.pk:
        raise ValidationError({"goal": ["This goal belongs to another case's plan."]})
    return goal


def task_add(
    *,
    actor: User,
    case: Case,
    title: str,
    owner: User,
    due_on: date,
    goal: Goal | None = None,
    details: str = "",
) -> Task:
    """Give someone on the case a task with a due date."""
    require_case_write(actor, case, closed=CLOSED)
    _require_staff_on_case(owner, case, "owner", "task owner")
    task = Task(
        case=case,
        goal=_goal_of_case(case, goal),
        title=title.strip(),
        details=details,
        owner=owner,
        due_on=due_on,
        created_by=actor,
    )
    task.full_clean()
    with transaction.atomic():
        task.save()
        _audit(actor, AuditEntry.Action.CREATE, task, case, ["title", "details", "owner", "due_on", "goal"])
    return task


def task_update(*, actor: User, task: Task, version: int, changes: dict[str, Any]) -> Task:
    """Change a task or mark it done or cancelled; done stamps the time, reopening clears it."""
    case = task.case
    require_case_write(actor, case, closed=CLOSED)
    changes = dict(changes)
    unknown = set(changes) - set(TASK_FIELDS)
    if unknown:
        raise ValidationError({name: ["This field cannot be changed here."] for name in unknown})
    if "owner" in changes and changes["owner"].pk != task.owner_id:
        _require_staff_on_case(changes["owner"], case, "owner", "task owner")
    if "goal" in changes:
        _goal_of_case(case, changes["goal"])
    status = changes.get("status", task.status)
    if status == Task.Status.DONE:
        changes["completed_at"] = task.completed_at if task.status == Task.Status.DONE else timezone.now()
    else:
        changes["completed_at"] = None
    return versioned_update(
        actor=actor, instance=task, version=version, changes=changes, editable=[*TASK_FIELDS, "completed_at"]
    )


# Reviews ------------------------------------------------------------------------------------


def review_record(
    *,
    actor: User,
    plan: CarePlan,
    narrative: str,
    reviewed_on: date | None = None,
    overall_rating: int | None = None,
    next_review_on: date | None = None,
    goal_ratings: Sequence[tuple[Goal, int, str]] = (),
) -> ProgressReview:
    """Record a progress review; its next review date becomes the plan's."""
    case = plan.case
    require_case_write(actor, case, closed=CLOSED)
    reviewed_on = reviewed_on or timezone.localdate()
    review = ProgressReview(
        plan=plan,
        reviewed_on=reviewed_on,
        narrative=narrative.strip(),
        overall_rating=overall_rating,
        next_review_on=next_review_on,
        reviewed_by=actor,
    )
    review.full_clean()
    errors: dict[str, list[str]] = {}
    if reviewed_on > timezone.localdate():
        errors["reviewed_on"] = ["A review cannot be recorded ahead of its date."]
    if overall_rating is None and not goal_ratings:
        errors["overall_rating"] = ["Rate the plan overall, or at least one goal."]
    if any(goal.plan_id != plan.pk for goal, _, _ in goal_ratings):
        errors["goal_ratings"] = ["Only goals of this plan can be rated in its review."]
    if len({goal.pk for goal, _, _ in goal_ratings}) != len(goal_ratings):
        errors["goal_ratings"] = ["Rate each goal once."]
    ratings = [
        GoalRating(goal=goal, rating=rating, comment=comment) for goal, rating, comment in goal_ratings
    ]
    for rating in ratings:
        try:
            rating.full_clean(exclude=["review"])
        except ValidationError as invalid:
            errors.setdefault("goal_ratings", []).extend(invalid.messages)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = _locked_plan(plan)
        review.save()
        for rating in ratings:
            rating.review = review
        GoalRating.objects.bulk_create(ratings)
        if next_review_on and next_review_on != locked.next_review_on:
            # The review date is part of the plan, so concurrent plan edits see a new version.
            CarePlan.objects.filter(pk=plan.pk).update(
                next_review_on=next_review_on, version=locked.version + 1, updated_at=timezone.now()
            )
        _audit(
            actor,
            AuditEntry.Action.CREATE,
            review,
            case,
            ["reviewed_on", "overall_rating", "narrative", "next_review_on", "goal_ratings"],
        )
    return review


# Notes --------------------------------------------------------------------------------------


SEGMENT_REFUSAL = (
    "You are not granted the psychotherapy-notes segment, so you cannot write or move notes into it."
)


def _require_segment(actor: User, segment: str) -> None:
    if segment and not policy.can_view_segment(actor, segment):
        raise PermissionDenied(SEGMENT_REFUSAL)


def _check_present(case: Case, persons: Sequence[Person], on: date) -> list[Person]:
    """Family-session attendance: only members of the case's household on the day of the contact."""
    if not persons:
        return []
    if case.household_id is None:
        raise ValidationError(
            {"present": ["This case has no household, so no family members can be recorded as present."]}
        )
    members = set(
        HouseholdMember.objects.filter(household_id=case.household_id)
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=on))
        .values_list("person_id", flat=True)
    )
    strangers = [person for person in persons if person.pk not in members]
    if strangers:
        names = ", ".join(sorted(person.display_name for person in strangers))
        raise ValidationError({"present": [f"Not a member of the case's household: {names}."]})
    return list(persons)


def note_create(
    *,
    actor: User,
    case: Case,
    format: str,
    sections: dict[str, str],
    contact_date: date | None = None,
    duration_minutes: int | None = None,
    title: str = "",
    segment: str = "",
    present: Sequence[Person] = (),
) -> ProgressNote:
    """Write a draft note on the case; it stays editable by its author until it is signed."""
    require_case_write(actor, case, closed=CLOSED)
    _require_segment(actor, segment)
    unknown = set(sections) - set(ProgressNote.ALL_SECTIONS)
    if unknown:
        raise ValidationError({name: ["A note has no such section."] for name in unknown})
    note = ProgressNote(
        case=case,
        author=actor,
        format=format,
        title=title.strip(),
        contact_date=contact_date or timezone.localdate(),
        duration_minutes=duration_minutes,
        segment=segment,
        **{name: text.strip() for name, text in sections.items()},
    )
    note.full_clean()
    present = _check_present(case, present, note.contact_date)
    with transaction.atomic():
        note.save()
        note.present.set(present)
        fields = ["format", "title", "contact_date", "duration_minutes", "segment", *sections]
        _audit(actor, AuditEntry.Action.CREATE, note, case, [*fields, *(["present"] if present else [])])
    return note


def _require_author(actor: User, note: ProgressNote, doing: str) -> None:
    if note.author_id != actor.pk:
        author = note.author.get_full_name() or note.author.username
        raise PermissionDenied(f"Only {author}, who wrote this note, can {doing} it.")


def _locked_note(note: ProgressNote, version: int) -> ProgressNote:
    """The note's row, locked; a signed note or a stale version is refused."""
    current = (
        ProgressNote.objects.select_for_update(of=("self",))
        .select_related("case", "signed_by")
        .get(pk=note.pk)
    )
    if current.is_signed:
        raise NoteLocked(current)
    if current.version != version:
        raise StaleEdit(current.version)
    return current


def note_update(
    *,
    actor: User,
    note: ProgressNote,
    version: int,
    changes: dict[str, Any],
    present: Sequence[Person] | None = None,
) -> ProgressNote:
    """Change a draft (author only). Signed notes are locked; a stale version is refused."""
    if note.is_signed:
        raise NoteLocked(note)
    require_case_write(actor, note.case, open=False)
    _require_author(actor, note, "change")
    if "segment" in changes:
        _require_segment(actor, changes["segment"])
    case = note.case

    def refuse_signed(current: ProgressNote) -> None:
        if current.is_signed:
            raise NoteLocked(current)

    def set_present(current: ProgressNote, changed: list[str]) -> list[str]:
        if present is None:
            if "contact_date" in changed:
                _check_present(case, list(current.present.all()), current.contact_date)
            return []
        wanted = _check_present(case, present, current.contact_date)
        if {p.pk for p in wanted} == set(current.present.values_list("pk", flat=True)):
            return []
        current.present.set(wanted)
        return ["present"]

    return versioned_update(
        actor=actor,
        instance=note,
        version=version,
        changes=changes,
        editable=NOTE_FIELDS,
        person_id=case.person_id,
        refuse=refuse_signed,
        related=set_present,
    )


def note_sign(*, actor: User, note: ProgressNote, version: int) -> ProgressNote:
    """Sign a complete draft (author only); from then on it is locked and corrected by addenda."""
    if note.is_signed:
        raise NoteLocked(note)
    require_case_write(actor, note.case, open=False)
    _require_author(actor, note, "sign")
    with transaction.atomic():
        current = _locked_note(note, version)
        current.status = ProgressNote.Status.SIGNED
        current.signed_by = actor
        current.signed_at = timezone.now()
        current.full_clean()
        current.version += 1
        current.save()
        _audit(actor, AuditEntry.Action.UPDATE, current, current.case, ["status", "signed_by", "signed_at"])
    return current


def addendum_add(*, actor: User, note: ProgressNote, text: str) -> Addendum:
    """Add a dated correction or addition under a signed note."""
    require_case_write(actor, note.case, open=False, segment=note.segment, segment_refusal=SEGMENT_REFUSAL)
    if not note.is_signed:
        raise ValidationError(
            {
                "__all__": [
                    "This note is still a draft: change the draft itself instead of adding an addendum."
                ]
            }
        )
    addendum = Addendum(note=note, text=text.strip(), author=actor)
    addendum.full_clean()
    with transaction.atomic():
        addendum.save()
        _audit(actor, AuditEntry.Action.CREATE, addendum, note.case, ["text"])
    return addendum


# Services delivered -------------------------------------------------------------------------


def service_record(
    *,
    actor: User,
    case: Case,
    service_type: str,
    minutes: int,
    modality: str,
    delivered_on: date | None = None,
    staff: User | None = None,
    note: ProgressNote | None = None,
    description: str = "",
) -> ServiceRecord:
    """Record a service delivered on the case, for reporting."""
    require_case_write(actor, case, closed=CLOSED)
    staff = staff or actor
    if staff.pk != actor.pk:
        _require_staff_on_case(staff, case, "staff", "worker")
    if note is not None and note.segment and not policy.can_view_segment(actor, note.segment):
        raise ValidationError({"note": ["No such note on this case."]})
    record = ServiceRecord(
        case=case,
        delivered_on=delivered_on or timezone.localdate(),
        service_type=service_type,
        minutes=minutes,
        modality=modality,
        staff=staff,
        note=note,
        description=description.strip(),
        recorded_by=actor,
    )
    record.full_clean()
    with transaction.atomic():
        record.save()
        _audit(
            actor,
            AuditEntry.Action.CREATE,
            record,
            case,
            ["delivered_on", "service_type", "minutes", "modality", "staff", "note"],
        )
    return record
