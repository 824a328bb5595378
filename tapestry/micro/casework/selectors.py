"""Every read of casework, starting from the access policy; each open of a plan or note is audited."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.http import Http404
from django.utils.translation import gettext_lazy

from tapestry.access import policy
from tapestry.access.audit import audit_view
from tapestry.access.models import Role, Segment, User
from tapestry.access.policy import Capability
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.micro.cases.selectors import case_get
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
from tapestry.people.models import Person
from tapestry.web.ids import picked

NOTE_PARTS = ["format", "title", "sections", "present", "addenda"]
OUT_OF_REACH = gettext_lazy("This record is outside your caseload, or in a segment you are not granted.")


def casework_case(*, user: User, case_id: int, for_change: bool = False) -> Case:
    """The case a casework page or endpoint is about: 404 if missing, 403 if out of reach."""
    return case_get(user=user, case_id=case_id, for_change=for_change)


def case_changeable(*, user: User, case: Case) -> bool:
    """Whether the user may write on the case (emergency access reads only)."""
    return policy.visible(user, Case.objects.filter(pk=case.pk), for_change=True).exists()


def _one(user: User, queryset: QuerySet, pk: int, *, for_change: bool, missing: str) -> object:
    return policy.one_in_reach(
        user, queryset, pk, for_change=for_change, missing=missing, detail=OUT_OF_REACH
    )


# Care plans ---------------------------------------------------------------------------------


def plan_read(*, user: User, case: Case) -> CarePlan | None:
    """The case's plan with goals (and their needs), reviews and revision list, not audited: the answer to a write."""
    needs = CaseNeed.objects.select_related("need")
    ratings = GoalRating.objects.select_related("goal")
    return (
        policy.visible(user, CarePlan.objects.filter(case=case))
        .select_related("case")
        .prefetch_related(
            Prefetch("goals", queryset=Goal.objects.prefetch_related(Prefetch("needs", queryset=needs))),
            Prefetch(
                "reviews",
                queryset=ProgressReview.objects.select_related("reviewed_by").prefetch_related(
                    Prefetch("goal_ratings", queryset=ratings)
                ),
            ),
            Prefetch(
                "revisions", queryset=PlanRevision.objects.select_related("changed_by").defer("snapshot")
            ),
        )
        .first()
    )


def plan_detail(*, user: User, case: Case, purpose: str = "case work") -> CarePlan | None:
    """The case's plan as `plan_read` gives it; the open is audited."""
    plan = plan_read(user=user, case=case)
    if plan is not None:
        audit_view(
            user,
            obj=plan,
            person_id=case.person_id,
            fields=["summary", "goals", "reviews", "revisions"],
            purpose=purpose,
        )
    return plan


def plan_of_case(case: Case) -> CarePlan | None:
    """The case's plan, if it has one (the caller has the case in reach)."""
    return CarePlan.objects.filter(case=case).first()


def plan_get(*, user: User, case: Case, for_change: bool = False) -> CarePlan:
    """The case's plan for a write (not audited as an open); 404 when the case has none yet."""
    plan = (
        policy.visible(user, CarePlan.objects.filter(case=case), for_change=for_change)
        .select_related("case")
        .first()
    )
    if plan is None:
        raise Http404("This case has no care plan yet.")
    return plan


def revision_detail(*, user: User, case: Case, number: int) -> PlanRevision:
    """One revision's snapshot of the plan; the open is audited."""
    revision = (
        policy.visible(user, PlanRevision.objects.filter(plan__case=case, number=number))
        .select_related("changed_by", "plan")
        .first()
    )
    if revision is None:
        raise Http404("This plan has no revision with that number.")
    audit_view(user, obj=revision, person_id=case.person_id, fields=["snapshot", "reason"])
    return revision


def goal_get(*, user: User, goal_id: int, for_change: bool = False) -> Goal:
    goals = Goal.objects.select_related("plan__case")
    return _one(user, goals, goal_id, for_change=for_change, missing="No goal with this number.")


def task_get(*, user: User, task_id: int, for_change: bool = False) -> Task:
    tasks = Task.objects.select_related("case", "owner", "goal")
    return _one(user, tasks, task_id, for_change=for_change, missing="No task with this number.")


def case_tasks(*, user: User, case: Case) -> QuerySet[Task]:
    """The case's tasks, open ones first, each group by due date."""
    return (
        policy.visible(user, Task.objects.filter(case=case))
        .select_related("owner", "goal")
        .annotate(still_open=Q(status=Task.Status.OPEN))
        .order_by("-still_open", "due_on", "pk")
    )


def case_need_choices(*, case: Case) -> QuerySet[CaseNeed]:
    """The needs recorded on the case, for linking goals to them (the case was already checked)."""
    return CaseNeed.objects.filter(case=case).select_related("need")


def goal_choices(*, case: Case) -> QuerySet[Goal]:
    return Goal.objects.filter(plan__case=case)


def goals_of_case_by_ids(*, case: Case, ids: list[int]) -> list[Goal]:
    """Goals named in a note body: each must be a goal of this case's plan."""
    return picked(
        Goal.objects.filter(plan__case=case), ids, "goal_ids", "No goal of this case's plan with id"
    )


def staff_choices() -> QuerySet[User]:
    """Staff whose role holds a caseload; the service checks that the one picked can open the case."""
    roles = [role for role in Role if Capability.PERSON_READ in policy.ROLE_CAPABILITIES.get(role, ())]
    return User.objects.filter(is_active=True, role__in=roles)


# What an API body names by id: a missing or foreign id is an error on that field, not a missing page.


def case_needs_by_ids(*, case: Case, ids: list[int]) -> list[CaseNeed]:
    needs = CaseNeed.objects.filter(case=case).select_related("need")
    return picked(needs, ids, "need_ids", "No need recorded on this case with id")


def goals_by_ids(*, case: Case, ids: list[int]) -> dict[int, Goal]:
    goals = Goal.objects.filter(plan__case=case).in_bulk(ids)
    picked(goals, ids, "goal_ratings", "No goal of this case's plan with id")  # refuses the ids not found
    return goals


def goal_of_case(*, case: Case, goal_id: int) -> Goal:
    goal = Goal.objects.filter(plan__case=case, pk=goal_id).select_related("plan").first()
    if goal is None:
        raise ValidationError({"goal_id": ["No goal of this case's plan has this id."]})
    return goal


def staff_by_id(*, staff_id: int, field: str) -> User:
    staff = User.objects.filter(pk=staff_id, is_active=True).first()
    if staff is None:
        raise ValidationError({field: ["No active staff member has this id."]})
    return staff


def persons_by_ids(*, ids: list[int]) -> list[Person]:
    """Persons named in a note body; whether they may be there is the service's rule."""
    return picked(Person.objects.all(), ids, "present_ids", "No person with id")


def note_of_case(*, user: User, case: Case, note_id: int) -> ProgressNote:
    note = notes_visible(user).filter(case=case, pk=note_id).first()
    if note is None:
        raise ValidationError({"note_id": ["No note on this case that you may read has this id."]})
    return note


# Notes --------------------------------------------------------------------------------------


def _notes_on_visible_cases(user: User) -> QuerySet[ProgressNote]:
    """Notes whose case the user may read; the note's own reach and segment are checked on top."""
    return ProgressNote.objects.filter(case__in=policy.visible(user, Case.objects.all()).values("pk"))


def notes_visible(user: User) -> QuerySet[ProgressNote]:
    """Notes the user may read: person in reach, the note's own segment granted, and its case's too."""
    return policy.visible(user, _notes_on_visible_cases(user))


def note_list(*, user: User, case: Case) -> QuerySet[ProgressNote]:
    """The case's notes the user may read, newest first (titles, not content); the list read is audited."""
    audit_view(
        user,
        object_type="casework.progressnote",
        person_id=case.person_id,
        fields=["title", "format", "contact_date", "status"],
        purpose="note list",
    )
    return (
        notes_visible(user)
        .filter(case=case)
        .select_related("author", "signed_by")
        .annotate(
            addenda_count=Count("addenda", distinct=True),
            present_count=Count("present", distinct=True),
        )
        .order_by("-contact_date", "-pk")
    )


def drafts_of(*, user: User) -> QuerySet[ProgressNote]:
    """The user's own unsigned drafts on every case they may read, most recently saved first.

    For the home worklist and the drafts page: title, case and client name, never the content, so
    (like the caseload's alerts) the list is not audited; opening a draft is. One query.
    """
    return (
        notes_visible(user)
        .filter(author=user, status=ProgressNote.Status.DRAFT)
        .select_related("case", "case__person")
        .defer(*ProgressNote.ALL_SECTIONS)
        .order_by("-updated_at", "-pk")
    )


def drafts_listed(*, user: User) -> list[ProgressNote]:
    """`drafts_of` for a page or API answer that names the clients: the read is audited when it does."""
    drafts = list(drafts_of(user=user))
    if drafts:
        audit_view(
            user,
            object_type="casework.progressnote",
            fields=["title", "case", "name"],
            purpose="unsigned drafts list",
        )
    return drafts


def drafts_for_case(*, user: User, case: Case) -> QuerySet[ProgressNote]:
    """The user's own unsigned drafts on one case, most recently saved first (one query)."""
    return drafts_of(user=user).filter(case=case)


def note_get(*, user: User, note_id: int, for_change: bool = False) -> ProgressNote:
    """One note for a write or a check (not audited as an open)."""
    return policy.one_in_reach(
        user,
        _notes_on_visible_cases(user).select_related("case", "case__person", "author", "signed_by"),
        note_id,
        for_change=for_change,
        missing="No note with this number.",
        detail="This note is outside your caseload, or in a segment you are not granted (psychotherapy "
        "notes and sensitive cases need their own grant).",
    )


def note_read(*, user: User, note_id: int) -> ProgressNote:
    """A note with its addenda and who was present, not audited: the answer to a write."""
    note = note_get(user=user, note_id=note_id)
    return (
        ProgressNote.objects.filter(pk=note.pk)
        .select_related("case", "case__person", "author", "signed_by")
        .prefetch_related(
            Prefetch("addenda", queryset=Addendum.objects.select_related("author")),
            "goals",
            Prefetch(
                "present",
                queryset=Person.objects.annotate(nameable=policy.nameable(user)).order_by("given_name", "pk"),
            ),
        )
        .get()
    )


def note_detail(*, user: User, note_id: int, purpose: str = "case work") -> ProgressNote:
    """A note with its addenda and who was present; the open is audited."""
    note = note_read(user=user, note_id=note_id)
    emergency = policy.emergency_access(user, note.case.person)
    audit_view(
        user,
        obj=note,
        person_id=note.case.person_id,
        fields=NOTE_PARTS,
        purpose=f"emergency: {emergency.reason}" if emergency else purpose,
    )
    note.can_change = policy.visible(user, Case.objects.filter(pk=note.case_id), for_change=True).exists()
    return note


def household_member_choices(*, user: User, case: Case) -> QuerySet[Person]:
    """Who may be recorded at a family session: the case's household members (none without a household).

    Each is marked `nameable`: whether the user may see them by name (policy.nameable).
    """
    if case.household_id is None:
        return Person.objects.none()
    return (
        Person.objects.filter(
            household_memberships__household_id=case.household_id,
            household_memberships__left_on__isnull=True,
        )
        .annotate(nameable=policy.nameable(user))
        .order_by("given_name", "family_name")
        .distinct()
    )


def note_segment_choices(*, user: User) -> list[tuple[str, str]]:
    """The segments this user may write a note into (psychotherapy only with its grant)."""
    choices = [(ProgressNote.NoteSegment.GENERAL.value, ProgressNote.NoteSegment.GENERAL.label)]
    if policy.can_view_segment(user, Segment.PSYCHOTHERAPY):
        choices.append((Segment.PSYCHOTHERAPY.value, ProgressNote.NoteSegment.PSYCHOTHERAPY.label))
    return choices


def note_choices(*, user: User, case: Case) -> QuerySet[ProgressNote]:
    """Notes to link a service to: the case's notes the user may read."""
    return notes_visible(user).filter(case=case).order_by("-contact_date", "-pk")


# Services delivered -------------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceTotal:
    service_type: str
    label: str
    count: int
    minutes: int


def service_list(*, user: User, case: Case) -> QuerySet[ServiceRecord]:
    """The services delivered on a case, newest first; `note_visible` says whether the linked note may be opened."""
    audit_view(
        user,
        object_type="casework.servicerecord",
        person_id=case.person_id,
        fields=["delivered_on", "service_type", "minutes", "modality", "staff"],
        purpose="services delivered",
    )
    readable = notes_visible(user).values("pk")
    return (
        policy.visible(user, ServiceRecord.objects.filter(case=case))
        .select_related("staff", "note")
        .annotate(note_visible=Q(note__in=readable))
        .order_by("-delivered_on", "-pk")
    )


def service_totals(*, user: User, case: Case) -> list[ServiceTotal]:
    """Minutes and counts of services on the case by type, largest first (one query)."""
    rows = (
        policy.visible(user, ServiceRecord.objects.filter(case=case))
        .values("service_type")
        .annotate(count=Count("pk"), minutes=Sum("minutes"))
        .order_by("-minutes", "service_type")
    )
    labels = dict(ServiceRecord.Type.choices)
    return [
        ServiceTotal(
            row["service_type"],
            str(labels.get(row["service_type"], row["service_type"])),
            row["count"],
            row["minutes"],
        )
        for row in rows
    ]
