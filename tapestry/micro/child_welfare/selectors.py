"""Every read of child-welfare records: from the access policy, segment-checked, opens audited."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, Segment, SegmentGrant, User
from tapestry.access.policy import ROLE_CAPABILITIES, Capability
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.selectors import case_get
from tapestry.micro.child_welfare.clocks import ChildClocks, child_clocks
from tapestry.micro.child_welfare.models import (
    Allegation,
    Hearing,
    Investigation,
    InvestigationContact,
    PermanencyGoal,
    Placement,
    Report,
    ReportParticipant,
    SafetyAssessment,
    SafetyPlan,
    SafetyPlanAction,
    TerminationReview,
)
from tapestry.micro.child_welfare.services import NOT_GRANTED
from tapestry.people.mentions import PersonMention, carer_label, mention
from tapestry.people.models import Organisation, Person

REPORT_PARTS = ["reporter", "concerns", "allegations", "participants", "screening", "investigation"]


def require_segment(user: User) -> None:
    """Refuse anyone not granted the child-welfare segment, before any record is read."""
    if not policy.has_capability(user, Capability.PERSON_READ):
        raise PermissionDenied("Your role does not open client records.")
    if not policy.can_view_segment(user, Segment.CHILD_WELFARE):
        raise PermissionDenied(NOT_GRANTED)


def _audit_view(user: User, obj: models.Model, *, person_id: int, fields: list[str], purpose: str) -> None:
    audit_record(
        actor=user,
        action=AuditEntry.Action.VIEW,
        obj=obj,
        person_id=person_id,
        fields=fields,
        purpose=purpose,
    )


def _one(user: User, queryset: QuerySet, pk: int, *, for_change: bool, what: str) -> models.Model:
    """One record: 404 if there is none, 403 if the user may not see (or change) it."""
    missing = f"There is no {what} with this number."
    if not queryset.model.objects.filter(pk=pk).exists():
        raise Http404(missing)
    require_segment(user)
    found = policy.visible(user, queryset, for_change=for_change).filter(pk=pk).first()
    if found is None:
        if for_change and policy.visible(user, queryset.model.objects.filter(pk=pk)).exists():
            raise PermissionDenied(f"You may read this {what} but not change it.")
        policy.refuse_out_of_reach(
            user,
            missing=missing,
            detail=f"This {what} is outside your caseload and your team's.",
            person_id=policy.person_of(queryset.model, pk),
        )
    return found


# A case's child-welfare record ------------------------------------------------------------------


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


def _named(user: User, *fields: str) -> dict[str, Q]:
    """`<field>_nameable` annotations: whether the viewer may see each person by name (policy.nameable)."""
    return {f"{field}_nameable": policy.nameable(user, field) for field in fields}


def _allegations(user: User) -> Prefetch:
    return Prefetch(
        "allegations",
        queryset=Allegation.objects.select_related("child", "alleged_perpetrator", "found_by").annotate(
            **_named(user, "child", "alleged_perpetrator")
        ),
    )


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
    audit_record(
        actor=user,
        action=AuditEntry.Action.VIEW,
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
    audit_record(
        actor=user,
        action=AuditEntry.Action.VIEW,
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


# Reports and investigations ----------------------------------------------------------------------


def report_get(*, user: User, report_id: int, for_change: bool = False) -> Report:
    """One report (no related records, not audited: for a service to act on)."""
    return _one(
        user,
        Report.objects.select_related("case"),
        report_id,
        for_change=for_change,
        what="report",
    )


def report_detail(*, user: User, report_id: int, purpose: str = "child welfare") -> Report:
    """A report with its allegations, people, screening and investigation; the open is audited."""
    report = report_written(user=user, report_id=report_id)
    report.can_change = policy.visible(user, Report.objects.filter(pk=report.pk), for_change=True).exists()
    _audit_view(user, report, person_id=report.case.person_id, fields=REPORT_PARTS, purpose=purpose)
    return report


def report_written(*, user: User, report_id: int) -> Report:
    """The report as its detail shows it, for the answer to a write (the write's own entry is the audit)."""
    return _one(
        user,
        Report.objects.select_related(
            "case__person", "screened_by", "referred_to", "created_by", "investigation__worker"
        ).prefetch_related(
            _allegations(user),
            Prefetch(
                "participants",
                queryset=ReportParticipant.objects.select_related("person").annotate(
                    **_named(user, "person")
                ),
            ),
            Prefetch(
                "investigation__contacts",
                queryset=InvestigationContact.objects.select_related("person", "recorded_by").annotate(
                    **_named(user, "person")
                ),
            ),
        ),
        report_id,
        for_change=False,
        what="report",
    )


def investigation_of(report: Report) -> Investigation | None:
    """The report's investigation, if one was started (uses what the selector already loaded)."""
    try:
        return report.investigation
    except Investigation.DoesNotExist:
        return None


def investigation_exists(report: Report) -> bool:
    return Investigation.objects.filter(report=report).exists()


def investigation_get(*, user: User, report_id: int, for_change: bool = False) -> Investigation:
    """The investigation of a report the user may see (or change); 404 if none was started."""
    report = report_get(user=user, report_id=report_id, for_change=for_change)
    investigation = (
        Investigation.objects.select_related("report__case", "worker").filter(report=report).first()
    )
    if investigation is None:
        raise Http404("This report has no investigation yet.")
    return investigation


def investigation_detail(*, user: User, report_id: int, purpose: str = "child welfare") -> Investigation:
    """An investigation with its contacts and the findings per allegation; the open is audited."""
    investigation = investigation_written(user=user, report_id=report_id)
    _audit_view(
        user,
        investigation,
        person_id=investigation.report.case.person_id,
        fields=["worker", "contacts", "findings"],
        purpose=purpose,
    )
    return investigation


def investigation_written(*, user: User, report_id: int) -> Investigation:
    """The investigation as its detail shows it, for the answer to a write (not audited again)."""
    report = report_get(user=user, report_id=report_id)
    investigation = (
        Investigation.objects.select_related("report__case", "worker")
        .prefetch_related(
            Prefetch(
                "contacts",
                queryset=InvestigationContact.objects.select_related("person", "recorded_by").annotate(
                    **_named(user, "person")
                ),
            ),
            Prefetch("report__allegations", queryset=Allegation.objects.select_related("child")),
        )
        .filter(report=report)
        .first()
    )
    if investigation is None:
        raise Http404("This report has no investigation yet.")
    return investigation


def allegation_get(*, user: User, allegation_id: int, for_change: bool = False) -> Allegation:
    """One allegation with its report; opening it (to record a finding) is audited."""
    allegation = _one(
        user,
        Allegation.objects.select_related("report__case", "child", "alleged_perpetrator").annotate(
            **_named(user, "child", "alleged_perpetrator")
        ),
        allegation_id,
        for_change=for_change,
        what="allegation",
    )
    _audit_view(
        user,
        allegation,
        person_id=allegation.report.case.person_id,
        fields=["child", "maltreatment", "description", "finding"],
        purpose="record a finding",
    )
    return allegation


# Safety --------------------------------------------------------------------------------------------


def _plan_actions(user: User) -> Prefetch:
    return Prefetch(
        "plan__actions",
        queryset=SafetyPlanAction.objects.select_related("responsible_person").annotate(
            **_named(user, "responsible_person")
        ),
    )


def safety_get(*, user: User, assessment_id: int, for_change: bool = False) -> SafetyAssessment:
    """One safety assessment (with its plan, if any) for a service to act on; not audited."""
    return _one(
        user,
        SafetyAssessment.objects.select_related("case", "plan"),
        assessment_id,
        for_change=for_change,
        what="safety assessment",
    )


def safety_detail(*, user: User, assessment_id: int, purpose: str = "child welfare") -> SafetyAssessment:
    """A safety assessment and its plan with every action; the open is audited."""
    assessment = _one(
        user,
        SafetyAssessment.objects.select_related(
            "case__person", "assessed_by", "report", "plan"
        ).prefetch_related(_plan_actions(user)),
        assessment_id,
        for_change=False,
        what="safety assessment",
    )
    assessment.can_change = policy.visible(
        user, SafetyAssessment.objects.filter(pk=assessment.pk), for_change=True
    ).exists()
    _audit_view(
        user,
        assessment,
        person_id=assessment.case.person_id,
        fields=["threats", "protective_capacities", "decision", "safety_plan"],
        purpose=purpose,
    )
    return assessment


def plan_of(assessment: SafetyAssessment) -> SafetyPlan | None:
    try:
        return assessment.plan
    except SafetyPlan.DoesNotExist:
        return None


def safety_plan_get(*, user: User, assessment_id: int, for_change: bool = False) -> SafetyPlan:
    """The safety plan of an assessment; 404 if none was made. Opening it (to change it) is audited."""
    assessment = safety_get(user=user, assessment_id=assessment_id, for_change=for_change)
    plan = plan_of(assessment)
    if plan is None:
        raise Http404("This assessment has no safety plan yet.")
    _audit_view(
        user,
        plan,
        person_id=assessment.case.person_id,
        fields=["monitoring", "review_on", "actions"],
        purpose="safety plan",
    )
    return plan


# Placements and hearings -----------------------------------------------------------------------------


def placement_get(*, user: User, placement_id: int, for_change: bool = False) -> Placement:
    """One placement; opening it (to end it) is audited."""
    placement = _one(
        user,
        Placement.objects.select_related("case", "child", "carer_person", "carer_organisation").annotate(
            carer_person_nameable=policy.nameable(user, "carer_person")
        ),
        placement_id,
        for_change=for_change,
        what="placement",
    )
    _audit_view(
        user,
        placement,
        person_id=placement.case.person_id,
        fields=["child", "placement_type", "carer", "dates"],
        purpose="placement",
    )
    return placement


def hearing_get(*, user: User, hearing_id: int, for_change: bool = False) -> Hearing:
    """One court hearing; opening it (to record the outcome) is audited."""
    hearing = _one(
        user,
        Hearing.objects.select_related("case", "court", "child"),
        hearing_id,
        for_change=for_change,
        what="hearing",
    )
    _audit_view(
        user,
        hearing,
        person_id=hearing.case.person_id,
        fields=["court", "hearing_type", "scheduled_at", "outcome"],
        purpose="court hearing",
    )
    return hearing


# Choices for forms ----------------------------------------------------------------------------------


def person_choices(*, user: User) -> QuerySet[Person]:
    """People the user may name on a record: the ones they may open."""
    return policy.persons_visible(user).order_by("family_name", "given_name", "pk")


def court_choices() -> QuerySet[Organisation]:
    return Organisation.objects.filter(kind=Organisation.Kind.COURT).order_by("name")


def organisation_choices() -> QuerySet[Organisation]:
    return Organisation.objects.order_by("name")


def investigator_choices() -> QuerySet[User]:
    """Active staff whose role investigates and who hold a live child-welfare grant."""
    roles = [role for role, caps in ROLE_CAPABILITIES.items() if Capability.PERSON_WRITE in caps]
    now = timezone.now()
    granted = SegmentGrant.objects.filter(segment=Segment.CHILD_WELFARE, revoked_at__isnull=True).filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=now)
    )
    return User.objects.filter(is_active=True, role__in=roles, pk__in=granted.values("user_id")).order_by(
        "last_name", "first_name", "username"
    )


def case_report_choices(*, user: User, case: Case) -> QuerySet[Report]:
    """The case's reports, for a safety assessment to refer to."""
    return policy.visible(user, Report.objects.filter(case=case))


def case_report(*, user: User, case: Case, report_id: int) -> Report | None:
    """A report of this case that a body names, or None."""
    return case_report_choices(user=user, case=case).filter(pk=report_id).first()


def person_named(*, person_id: int) -> Person | None:
    """A person a request body names (whether the caller may name them is the service's check)."""
    return Person.objects.active().filter(pk=person_id).first()


def organisation_named(*, organisation_id: int) -> Organisation | None:
    return Organisation.objects.filter(pk=organisation_id).first()


def staff_member(*, user_id: int) -> User | None:
    """An active staff member a request body names (the service checks they may investigate)."""
    return User.objects.filter(pk=user_id, is_active=True).first()


def case_children(*, user: User, case: Case) -> QuerySet[Person]:
    """Children named in the case's reports whom the user may open, for the placement and hearing forms."""
    named = ReportParticipant.objects.filter(report__case=case, role=ReportParticipant.Role.CHILD).values(
        "person_id"
    )
    return person_choices(user=user).filter(Q(pk__in=named) | Q(pk=case.person_id))
