"""URL arguments for the authorization matrix (tests/test_authorization_matrix.py).

Child-welfare records need the segment grant on top of the route's capability, so every
client-facing role's user is granted it here; the grant-less refusal has its own tests.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tapestry.access.models import Segment
from tapestry.access.policy import Capability, has_capability
from tapestry.micro.child_welfare.models import (
    Allegation,
    Hearing,
    Investigation,
    Placement,
    Report,
    SafetyAssessment,
    SafetyPlan,
)
from tapestry.people.models import Organisation
from tapestry.testing import OrganisationFactory, grant, open_case


def examples(world: dict) -> dict[str, dict]:
    cast, person = world["cast"], world["person"]
    for user in cast.by_role.values():
        if has_capability(user, Capability.PERSON_READ):
            grant(user, Segment.CHILD_WELFARE)
    worker = cast.caseworker
    case = open_case(worker, person, case_type="child_welfare", segment=Segment.CHILD_WELFARE)
    now = timezone.now()
    report = Report.objects.create(
        case=case,
        received_at=now - timedelta(days=3),
        received_via=Report.ReceivedVia.PHONE,
        reporter_type=Report.ReporterType.TEACHER,
        concerns="Child arrives hungry and in the same clothes all week.",
        screening=Report.Screening.SCREENED_IN,
        screened_by=worker,
        screened_at=now - timedelta(days=3),
    )
    allegation = Allegation.objects.create(
        report=report,
        child=person,
        maltreatment=Allegation.Maltreatment.NEGLECT,
        description="Hungry at school.",
    )
    Investigation.objects.create(
        report=report, worker=worker, started_on=timezone.localdate() - timedelta(days=2)
    )
    assessment = SafetyAssessment.objects.create(
        case=case,
        assessed_by=worker,
        threats=[SafetyAssessment.Threat.BASIC_NEEDS],
        protective_capacities="Grandmother nearby and willing to help.",
        decision=SafetyAssessment.Decision.CONDITIONALLY_SAFE,
    )
    SafetyPlan.objects.create(
        assessment=assessment,
        monitoring="Weekly home visit.",
        review_on=timezone.localdate() + timedelta(days=7),
    )
    placement = Placement.objects.create(
        case=case,
        child=person,
        placement_type=Placement.Type.KINSHIP,
        carer_organisation=OrganisationFactory(),
        started_on=timezone.localdate() - timedelta(days=1),
        reason="Safety plan could not hold.",
    )
    hearing = Hearing.objects.create(
        case=case,
        court=OrganisationFactory(kind=Organisation.Kind.COURT),
        hearing_type=Hearing.Type.SHELTER,
        scheduled_at=now - timedelta(hours=4),
    )
    by_case = {"case_pk": case.pk}
    api = "/api/v1/child-welfare"
    return {
        "child_welfare:case_index": by_case,
        "child_welfare:report_create": by_case,
        "child_welfare:report_create_for_person": {"person_pk": person.pk},
        "child_welfare:report_detail": {"pk": report.pk},
        "child_welfare:report_screen": {"pk": report.pk},
        "child_welfare:allegation_add": {"pk": report.pk},
        "child_welfare:participant_add": {"pk": report.pk},
        "child_welfare:investigation_start": {"pk": report.pk},
        "child_welfare:contact_add": {"pk": report.pk},
        "child_welfare:investigation_close": {"pk": report.pk},
        "child_welfare:finding_record": {"pk": allegation.pk},
        "child_welfare:safety_create": by_case,
        "child_welfare:safety_detail": {"pk": assessment.pk},
        "child_welfare:safety_plan_create": {"pk": assessment.pk},
        "child_welfare:safety_plan_edit": {"pk": assessment.pk},
        "child_welfare:safety_action_add": {"pk": assessment.pk},
        "child_welfare:placement_create": by_case,
        "child_welfare:placement_end": {"pk": placement.pk},
        "child_welfare:hearing_create": by_case,
        "child_welfare:hearing_outcome": {"pk": hearing.pk},
        "child_welfare:permanency_goal_create": by_case,
        "child_welfare:termination_review_create": by_case,
        "GET /api/v1/cases/{case_id}/child-welfare/permanency-goals": {"case_id": case.pk},
        "POST /api/v1/cases/{case_id}/child-welfare/permanency-goals": {"case_id": case.pk},
        "POST /api/v1/cases/{case_id}/child-welfare/termination-reviews": {"case_id": case.pk},
        "GET /api/v1/cases/{case_id}/child-welfare/children-in-care": {"case_id": case.pk},
        "GET /api/v1/cases/{case_id}/child-welfare/reports": {"case_id": case.pk},
        "POST /api/v1/cases/{case_id}/child-welfare/reports": {"case_id": case.pk},
        "GET /api/v1/cases/{case_id}/child-welfare/safety-assessments": {"case_id": case.pk},
        "POST /api/v1/cases/{case_id}/child-welfare/safety-assessments": {"case_id": case.pk},
        "GET /api/v1/cases/{case_id}/child-welfare/placements": {"case_id": case.pk},
        "POST /api/v1/cases/{case_id}/child-welfare/placements": {"case_id": case.pk},
        "GET /api/v1/cases/{case_id}/child-welfare/hearings": {"case_id": case.pk},
        "POST /api/v1/cases/{case_id}/child-welfare/hearings": {"case_id": case.pk},
        **{
            f"{method} {api}/reports/{{report_id}}{rest}": {"report_id": report.pk}
            for method, rest in (
                ("GET", ""),
                ("POST", "/screening"),
                ("POST", "/allegations"),
                ("POST", "/participants"),
                ("POST", "/investigation"),
                ("GET", "/investigation"),
                ("POST", "/investigation/contacts"),
                ("POST", "/investigation/close"),
            )
        },
        f"POST {api}/allegations/{{allegation_id}}/finding": {"allegation_id": allegation.pk},
        f"GET {api}/safety-assessments/{{assessment_id}}": {"assessment_id": assessment.pk},
        f"POST {api}/safety-assessments/{{assessment_id}}/plan": {"assessment_id": assessment.pk},
        f"PATCH {api}/safety-assessments/{{assessment_id}}/plan": {"assessment_id": assessment.pk},
        f"POST {api}/safety-assessments/{{assessment_id}}/plan/actions": {"assessment_id": assessment.pk},
        f"POST {api}/placements/{{placement_id}}/end": {"placement_id": placement.pk},
        f"POST {api}/hearings/{{hearing_id}}/outcome": {"hearing_id": hearing.pk},
    }
