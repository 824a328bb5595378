"""A case's child-welfare record, and its lists for the API; reads are audited."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone

from tapestry.access import policy
from tapestry.access.audit import audit_view
from tapestry.access.models import User
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.selectors import case_get
from tapestry.micro.child_welfare.clocks import ChildClocks, child_clocks
from tapestry.micro.child_welfare.models import (
    Hearing,
    PermanencyGoal,
    Placement,
    Report,
    SafetyAssessment,
    TerminationReview,
)
from tapestry.micro.child_welfare.selectors.access import require_segment
from tapestry.micro.child_welfare.selectors.choices import person_choices
from tapestry.micro.child_welfare.selectors.reports import _allegations
from tapestry.micro.child_welfare.selectors.safety import _plan_actions
from tapestry.people.mentions import PersonMention, carer_label, mention
from tapestry.people.models import Person


@dataclass
class ChildWelfareCase:
    """Everything about child welfare on one case, as its index page shows it."""

    case: Case
    can_change: bool
    reports: list[Report] = field(default_factory=list)
    assessments: list[SafetyAssessment] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)
    hearings: list[Hearing] = field(default_factory=list)
    goals: list[PermanencyGoal] = field(default_factory=list)
    reviews: list[TerminationReview] = field(default_factory=list)

    @property
    def clocks(self) -> list[ChildClocks]:
        """Each child in care: legal authority, permanency goal and the federal clocks."""
        return child_clocks(
            placements=self.placements,
            hearings=self.hearings,
            reviews=self.reviews,
            goals=self.goals,
            today=timezone.localdate(),
        )

    @property
    def is_child_welfare(self) -> bool:
        return self.case.case_type == Case.Type.CHILD_WELFARE

    @property
    def accepts_records(self) -> bool:
        return self.can_change and self.is_child_welfare and self.case.status != Case.Status.CLOSED

    @property
    def open_placements(self) -> list[Placement]:
        return [placement for placement in self.placements if placement.is_open]

    @property
    def upcoming_hearings(self) -> list[Hearing]:
        now = timezone.now()
        return sorted((h for h in self.hearings if h.scheduled_at > now), key=lambda h: h.scheduled_at)

    @property
    def past_hearings(self) -> list[Hearing]:
        now = timezone.now()
        return [hearing for hearing in self.hearings if hearing.scheduled_at <= now]


def _case(user: User, case_id: int, *, for_change: bool = False) -> Case:
    require_segment(user)
    return case_get(user=user, case_id=case_id, for_change=for_change)


def _reports(user: User, case: Case) -> QuerySet[Report]:
    return (
        policy.visible(user, Report.objects.filter(case=case))
        .select_related("investigation__worker", "screened_by", "referred_to")
        .prefetch_related(_allegations(user))
    )


def _assessments(user: User, case: Case) -> QuerySet[SafetyAssessment]:
    return policy.visible(user, SafetyAssessment.objects.filter(case=case)).select_related(
        "assessed_by", "plan", "report"
    )


def _placements(user: User, case: Case) -> QuerySet[Placement]:
    return (
        policy.visible(user, Placement.objects.filter(case=case))
        .select_related("child", "carer_person", "carer_organisation")
        .annotate(carer_person_nameable=policy.nameable(user, "carer_person"))
    )


def placement_carer(placement: Placement) -> PersonMention | None:
    """The carer in person, by name only if the viewer may open them (needs the `carer_person_nameable` annotation)."""
    if placement.carer_person is None:
        return None
    return mention(
        placement.carer_person,
        nameable=getattr(placement, "carer_person_nameable", False),
        relation=carer_label(placement.placement_type),
    )


def placement_carer_text(placement: Placement) -> str:
    """Who the child lives with, as the viewer may see it: 'Ann Lee with Hearth Fostering'."""
    parts = [str(part) for part in (placement_carer(placement), placement.carer_organisation) if part]
    return " with ".join(parts)


def _hearings(user: User, case: Case) -> QuerySet[Hearing]:
    return policy.visible(user, Hearing.objects.filter(case=case)).select_related("court", "child")


def _goals(user: User, case: Case) -> QuerySet[PermanencyGoal]:
    return policy.visible(user, PermanencyGoal.objects.filter(case=case)).select_related("child")


def case_child_welfare(*, user: User, case_id: int, purpose: str = "child welfare") -> ChildWelfareCase:
    """A case's reports, safety assessments, placements and hearings, in a fixed number of queries."""
    case = _case(user, case_id)
    record = ChildWelfareCase(
        case=case,
        can_change=policy.visible(user, Case.objects.filter(pk=case.pk), for_change=True).exists(),
        reports=list(_reports(user, case)),
        assessments=list(_assessments(user, case)),
        placements=list(_placements(user, case)),
        hearings=list(_hearings(user, case)),
        goals=list(_goals(user, case)),
        reviews=list(policy.visible(user, TerminationReview.objects.filter(case=case))),
    )
    audit_view(
        user,
        object_type="child_welfare.case",
        object_id=case.pk,
        person_id=case.person_id,
        fields=["reports", "investigations", "safety_assessments", "placements", "hearings", "permanency"],
        purpose=purpose,
    )
    return record


def case_for_change(*, user: User, case_id: int) -> Case:
    """A case the user may add child-welfare records to (the service checks its type and status)."""
    return _case(user, case_id, for_change=True)


def _case_list(user: User, case_id: int, what: str) -> Case:
    case = _case(user, case_id)
    audit_view(
        user,
        object_type=f"child_welfare.{what}",
        person_id=case.person_id,
        fields=[what],
        purpose=f"case {what} list",
    )
    return case


def case_reports(*, user: User, case_id: int) -> QuerySet[Report]:
    """A case's reports, newest first; the read is audited."""
    case = _case_list(user, case_id, "report")
    return _reports(user, case).prefetch_related("participants__person")


def case_placements(*, user: User, case_id: int) -> QuerySet[Placement]:
    """A case's placements, newest first; the read is audited."""
    return _placements(user, _case_list(user, case_id, "placement"))


def case_hearings(*, user: User, case_id: int) -> QuerySet[Hearing]:
    """A case's court hearings, latest first; the read is audited."""
    return _hearings(user, _case_list(user, case_id, "hearing"))


def case_permanency_goals(*, user: User, case_id: int) -> QuerySet[PermanencyGoal]:
    """A case's permanency goals, newest first (the latest per child is its current goal); audited."""
    return _goals(user, _case_list(user, case_id, "permanencygoal"))


def case_children_in_care(*, user: User, case_id: int) -> list[ChildClocks]:
    """Each child with an open placement on the case, with the federal clocks; the read is audited."""
    case = _case_list(user, case_id, "permanency")
    return child_clocks(
        placements=list(_placements(user, case)),
        hearings=list(_hearings(user, case)),
        reviews=list(policy.visible(user, TerminationReview.objects.filter(case=case))),
        goals=list(_goals(user, case)),
        today=timezone.localdate(),
    )


def case_children_placed(*, user: User, case: Case) -> QuerySet[Person]:
    """Children placed on the case whom the user may open, for the permanency forms."""
    placed = Placement.objects.filter(case=case).values("child_id")
    return person_choices(user=user).filter(pk__in=placed)


def case_safety_assessments(*, user: User, case_id: int) -> QuerySet[SafetyAssessment]:
    """A case's safety assessments with their plans; the read is audited."""
    case = _case_list(user, case_id, "safetyassessment")
    return _assessments(user, case).prefetch_related(_plan_actions(user))
