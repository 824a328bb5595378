"""Every read of cohorts, starting from the access policy; opening a cohort or its progress is audited.

A cohort is seen by its lead and by client-facing staff who may open at least one of its current
members. Member rows come through policy.visible, so a member the viewer may not see (another
caseload, an ungranted sensitive segment) leaves no trace: no row, no count.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from tapestry.access import policy
from tapestry.access.audit import audit_view
from tapestry.access.models import User
from tapestry.access.policy import Capability
from tapestry.directory.models import Service
from tapestry.mezzo.cohorts.models import Cohort, CohortAction, CohortMember
from tapestry.micro.assessments.instruments import INSTRUMENTS
from tapestry.micro.assessments.models import Assessment
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.selectors import cases_changeable
from tapestry.micro.casework.models import Goal, ProgressNote, Task
from tapestry.micro.referrals.models import Referral
from tapestry.web.ids import found_or_404

MEMBER_RELATED = ("case", "case__person", "case__worker")


def cohorts_visible(user: User) -> QuerySet[Cohort]:
    """The cohorts the user leads, and those with a current member the user may see."""
    if not policy.has_capability(user, Capability.PERSON_READ):
        return Cohort.objects.none()
    seen = policy.visible(user, CohortMember.objects.filter(removed_on__isnull=True)).values("cohort_id")
    return Cohort.objects.filter(Q(lead=user) | Q(pk__in=seen))


def members_visible(user: User, cohort: Cohort, *, current: bool = True) -> QuerySet[CohortMember]:
    """The cohort's members the user may see: current ones, or (current=False) those taken out."""
    members = CohortMember.objects.filter(cohort=cohort, removed_on__isnull=current)
    return policy.visible(user, members).select_related(*MEMBER_RELATED)


def members_seen(*, user: User, cohort: Cohort) -> int:
    """How many current members the user may see (others are not counted)."""
    return members_visible(user, cohort).count()


def member_list(*, user: User, cohort: Cohort, purpose: str = "cohort members") -> list[CohortMember]:
    """The cohort's current members the user may see, as a list of names and cases; the read is audited."""
    members = list(members_visible(user, cohort))
    audit_view(user, obj=cohort, fields=["members"], purpose=purpose)
    return members


def _counted(rows: QuerySet, by: str) -> Coalesce:
    """How many `rows` (tied to the outer row by `by`) there are, as a subquery: 0 when none."""
    counts = rows.order_by().values(by).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


def cohort_list(*, user: User, status: str = "") -> QuerySet[Cohort]:
    """Visible cohorts with the number of members this user may see (never the hidden ones)."""
    cohorts = cohorts_visible(user)
    current_members = CohortMember.objects.filter(cohort=OuterRef("pk"), removed_on__isnull=True)
    if status:
        cohorts = cohorts.filter(status=status)
    return (
        cohorts.select_related("lead", "program")
        .annotate(members_seen=_counted(policy.visible(user, current_members), "cohort"))
        .order_by("status", "name", "id")
    )


def cohort_get(*, user: User, cohort_id: int, for_change: bool = False) -> Cohort:
    """One cohort the user may see: 404 when it does not exist or none of its members are theirs."""
    policy.require_capability(user, Capability.PERSON_WRITE if for_change else Capability.PERSON_READ)
    return found_or_404(
        cohorts_visible(user).select_related("lead", "program").filter(pk=cohort_id).first(),
        "No cohort with this number among yours.",
    )


def member_get(*, user: User, cohort: Cohort, member_id: int) -> CohortMember:
    """One member row of the cohort the user may see; 404 otherwise (even its existence is private)."""
    member = members_visible(user, cohort, current=True).filter(pk=member_id).first()
    if member is None:
        member = members_visible(user, cohort, current=False).filter(pk=member_id).first()
    if member is None:
        raise Http404("No such member in this cohort.")
    member.cohort = cohort
    return member


@dataclass
class CohortPage:
    cohort: Cohort
    members: list[CohortMember]
    past_members: list[CohortMember]
    actions: list[CohortAction]
    can_edit: bool
    can_change: bool


def cohort_detail(*, user: User, cohort_id: int, purpose: str = "cohort work") -> CohortPage:
    """The cohort with its visible members (current and past) and its action history; audited."""
    cohort = cohort_get(user=user, cohort_id=cohort_id)
    members = list(members_visible(user, cohort, current=True))
    past = list(members_visible(user, cohort, current=False).order_by("-removed_on", "-id"))
    actions = list(cohort.actions.select_related("actor")[:20])
    # An action's done/skipped counts take in every member it ran on, some perhaps out of this
    # viewer's reach (another caseload, an ungranted segment): they show only to one who sees every member.
    rows = CohortMember.objects.filter(cohort=cohort)
    hidden = rows.exclude(pk__in=policy.visible(user, rows).values("pk")).exists()
    if hidden:
        for action in actions:
            action.done = action.skipped = None
    audit_view(user, obj=cohort, fields=["members", "actions"], purpose=purpose)
    can_edit = policy.has_capability(user, Capability.PERSON_WRITE)
    return CohortPage(
        cohort=cohort,
        members=members,
        past_members=past,
        actions=actions,
        can_edit=can_edit,
        can_change=can_edit and cohort.is_open,
    )


def _count(model: type, case_path: str, **filters: object) -> Coalesce:
    return _counted(model.objects.filter(**{case_path: OuterRef("case_id")}, **filters), case_path)


def _latest(queryset: QuerySet, column: str, *order: str) -> Subquery:
    return Subquery(queryset.order_by(*order).values(column)[:1])


@dataclass(frozen=True)
class LatestScore:
    name: str
    score: int
    band: str
    on: object


def cohort_progress(*, user: User, cohort: Cohort, purpose: str = "cohort progress") -> list[CohortMember]:
    """Each visible member with their goals, tasks, last note, latest referral and latest score.

    One query for all members, whatever their number: every figure is a correlated subquery.
    """
    today = timezone.localdate()
    # Notes may sit in their own segment (psychotherapy): only those the viewer may read count.
    notes = policy.visible(user, ProgressNote.objects.filter(case=OuterRef("case_id")))
    referrals = Referral.objects.filter(case=OuterRef("case_id"))
    assessments = Assessment.objects.filter(case=OuterRef("case_id"), status=Assessment.Status.FINAL)
    by_date = ("-administered_on", "-id")
    members = list(
        members_visible(user, cohort, current=True).annotate(
            goals_active=_count(Goal, "plan__case", status=Goal.Status.ACTIVE),
            goals_met=_count(Goal, "plan__case", status=Goal.Status.ACHIEVED),
            tasks_open=_count(Task, "case", status=Task.Status.OPEN),
            tasks_overdue=_count(Task, "case", status=Task.Status.OPEN, due_on__lt=today),
            last_note_on=_latest(notes, "contact_date", "-contact_date", "-id"),
            referral_status=_latest(referrals, "status", "-created_at", "-id"),
            referral_service=_latest(referrals, "service__name", "-created_at", "-id"),
            score_instrument=_latest(assessments, "instrument", *by_date),
            score_form=_latest(assessments, "custom_form__name", *by_date),
            score_total=_latest(assessments, "total_score", *by_date),
            score_band=_latest(assessments, "severity_band", *by_date),
            score_on=_latest(assessments, "administered_on", *by_date),
        )
    )
    labels = dict(Referral.Status.choices)
    for member in members:
        member.referral_label = labels.get(member.referral_status, "")
        member.latest_score = None
        if member.score_total is not None:
            instrument = INSTRUMENTS.get(member.score_instrument or "")
            name = member.score_form or (instrument.name if instrument else member.score_instrument)
            member.latest_score = LatestScore(name, member.score_total, member.score_band, member.score_on)
    audit_view(
        user, obj=cohort, fields=["goals", "tasks", "notes", "referrals", "assessments"], purpose=purpose
    )
    return members


# Choices for the forms ----------------------------------------------------------------------


def case_choices(*, user: User, cohort: Cohort) -> QuerySet[Case]:
    """Cases the user may add: ones they may change, not closed, not already in the cohort."""
    inside = CohortMember.objects.filter(cohort=cohort, removed_on__isnull=True).values("case_id")
    return (
        cases_changeable(user)
        .exclude(status=Case.Status.CLOSED)
        .exclude(pk__in=inside)
        .select_related("person")
        .order_by("person__family_name", "person__given_name", "pk")
    )


def service_choices() -> QuerySet[Service]:
    """Directory services a referral may go to now."""
    return (
        Service.objects.filter(status__in=Service.SEARCHABLE).select_related("organization").order_by("name")
    )


# Records named by number in an API body --------------------------------------------------------


def active_staff_member(user_id: int) -> User | None:
    return User.objects.filter(pk=user_id, is_active=True).first()


def case_by_id(case_id: int) -> Case | None:
    """The case to add; whether the actor may add it is the service's check (member_add)."""
    return Case.objects.select_related("person", "worker").filter(pk=case_id).first()
