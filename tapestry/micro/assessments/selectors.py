"""Every read of assessments and custom forms, starting from the access policy; opens are audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from tapestry.access import policy
from tapestry.access.audit import audit_view
from tapestry.access.models import User
from tapestry.access.policy import Capability
from tapestry.micro.assessments.instruments import CSSRS_SCREEN, PHQ9
from tapestry.micro.assessments.models import Assessment, CustomForm, CustomQuestion
from tapestry.micro.cases import selectors as case_selectors
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.needs.models import Need
from tapestry.people.models import Person

OPENED_FIELDS = ["answers", "total_score", "severity_band", "flagged", "next_step", "note"]
LISTED_FIELDS = ["instrument", "total_score", "severity_band", "flagged"]
RECENT_FLAG_DAYS = 14


def assessments_visible(user: User) -> QuerySet[Assessment]:
    """Assessments on cases whose person the user may open and whose segment they are granted."""
    return policy.visible(user, Assessment.objects.all())


def case_for_assessments(*, user: User, case_id: int, for_change: bool = False) -> Case:
    """The case an assessment page is about: 404 if there is none, 403 if it is out of reach."""
    return case_selectors.case_get(user=user, case_id=case_id, for_change=for_change)


def can_record_on(*, user: User, case: Case) -> bool:
    """Whether the user may give assessments on this case (emergency access is read-only)."""
    if not policy.has_capability(user, Capability.PERSON_WRITE) or case.status == Case.Status.CLOSED:
        return False
    return case_selectors.cases_changeable(user).filter(pk=case.pk).exists()


def case_assessments(*, user: User, case: Case, purpose: str = "assessment history") -> QuerySet[Assessment]:
    """All assessments on a case the user may open, oldest first; reading scores is audited."""
    audit_view(
        user,
        object_type="assessments.assessment",
        person_id=case.person_id,
        fields=LISTED_FIELDS,
        purpose=purpose,
    )
    return (
        assessments_visible(user)
        .filter(case_id=case.pk)
        .select_related("administered_by", "custom_form")
        .prefetch_related("custom_form__bands")
        .order_by("administered_on", "id")
    )


def assessment_get(*, user: User, assessment_id: int, for_change: bool = False) -> Assessment:
    """One assessment the user may see (or change), for the writes that act on it; not an open."""
    return policy.one_in_reach(
        user,
        Assessment.objects.select_related("case__person", "administered_by", "custom_form"),
        assessment_id,
        for_change=for_change,
        missing="No assessment with this number.",
        detail="This assessment is on a case outside your caseload, or in a segment you are not granted.",
    )


def assessment_detail(*, user: User, assessment_id: int, purpose: str = "case work") -> Assessment:
    """One assessment with its answers; the open is audited with its purpose."""
    assessment = assessment_get(user=user, assessment_id=assessment_id)
    emergency = policy.emergency_access(user, assessment.case.person)
    audit_view(
        user,
        obj=assessment,
        person_id=assessment.case.person_id,
        fields=OPENED_FIELDS,
        purpose=f"emergency: {emergency.reason}" if emergency else purpose,
    )
    return assessment


@dataclass(frozen=True)
class ProposedNeed:
    need: Need
    on_case: bool


def needs_proposed(*, assessment: Assessment) -> list[ProposedNeed]:
    """The needs a screen found, marked with whether the case already records them (two queries)."""
    if not assessment.needs_detected:
        return []
    needs = {need.code: need for need in Need.objects.filter(code__in=assessment.needs_detected)}
    on_case = set(
        CaseNeed.objects.filter(case_id=assessment.case_id, need__in=needs.values()).values_list(
            "need__code", flat=True
        )
    )
    return [ProposedNeed(needs[code], code in on_case) for code in assessment.needs_detected if code in needs]


def recent_flags(
    *, user: User, days: int = RECENT_FLAG_DAYS, suicide_risk: bool = True
) -> QuerySet[Assessment]:
    """Flagged assessments of the last `days` days on the user's visible, still-open cases.

    Without `suicide_risk`, the screens whose flag is suicide risk (a C-SSRS, a PHQ-9 with item 9
    answered) are left out: their client alert speaks for them.
    """
    since = timezone.localdate() - timedelta(days=days)
    flags = (
        assessments_visible(user)
        .filter(flagged=True, status=Assessment.Status.FINAL, administered_on__gte=since)
        .exclude(case__status=Case.Status.CLOSED)
    )
    if not suicide_risk:
        flags = flags.exclude(instrument=CSSRS_SCREEN.code).exclude(instrument=PHQ9.code, crisis=True)
    return flags.select_related("case__person", "custom_form").order_by("-crisis", "-administered_on", "-id")


def person_assessments(*, user: User, person: Person) -> QuerySet[Assessment]:
    """A person's assessments across the cases the user may see, for the timeline."""
    return (
        assessments_visible(user)
        .filter(case__person=person, status=Assessment.Status.FINAL)
        .select_related("custom_form")
        .order_by("-administered_on", "-id")
    )


# Custom forms -----------------------------------------------------------------------------


def _with_definition(forms: QuerySet[CustomForm]) -> QuerySet[CustomForm]:
    return forms.prefetch_related(
        Prefetch("questions", queryset=CustomQuestion.objects.prefetch_related("choices")), "bands"
    )


def custom_forms_in_use() -> QuerySet[CustomForm]:
    """Forms a worker may give: in use, with at least one question (definitions hold no client data)."""
    return CustomForm.objects.filter(is_active=True, questions__isnull=False).distinct().order_by("name")


def custom_form_list(*, user: User, include_retired: bool = False) -> QuerySet[CustomForm]:
    """Forms with their definitions; retired ones only for those who manage forms."""
    forms = CustomForm.objects.all()
    if not (include_retired and policy.has_capability(user, Capability.STAFF_MANAGE)):
        forms = forms.filter(is_active=True)
    return _with_definition(forms).order_by("name")


def custom_form_editor_list(*, user: User) -> QuerySet[CustomForm]:
    policy.require_capability(user, Capability.STAFF_MANAGE)
    return CustomForm.objects.annotate(
        question_count=Count("questions", distinct=True), use_count=Count("assessments", distinct=True)
    ).order_by("-is_active", "name")


def custom_form_for_edit(*, user: User, form_id: int) -> CustomForm:
    policy.require_capability(user, Capability.STAFF_MANAGE)
    form = _with_definition(CustomForm.objects.filter(pk=form_id)).first()
    if form is None:
        raise Http404("No custom form with this number.")
    return form


def custom_question_for_edit(*, user: User, question_id: int) -> CustomQuestion:
    policy.require_capability(user, Capability.STAFF_MANAGE)
    question = CustomQuestion.objects.select_related("form").filter(pk=question_id).first()
    if question is None:
        raise Http404("No question with this number.")
    return question
