"""Safety assessments (threats, protective capacities, a decision) and the safety plan that follows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import AuditEntry
from tapestry.micro.child_welfare import services
from tapestry.micro.child_welfare.models import SafetyAssessment, SafetyPlan
from tapestry.micro.child_welfare.tests.support import api_client, child_of, cw_case, granted
from tapestry.testing import PersonFactory, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(cast):
    return granted(cast.caseworker)


def assess(worker, case, **fields) -> SafetyAssessment:
    fields.setdefault("threats", [SafetyAssessment.Threat.BASIC_NEEDS])
    fields.setdefault("decision", SafetyAssessment.Decision.CONDITIONALLY_SAFE)
    return services.safety_assess(
        actor=worker, case=case, protective_capacities="Grandmother next door is willing to help.", **fields
    )


def test_the_decision_must_agree_with_the_threats(worker):
    case = cw_case(worker)
    client = client_for(worker)
    url = reverse("child_welfare:safety_create", args=[case.pk])
    base = {"assessed_on": timezone.localdate().isoformat(), "protective_capacities": "Aunt helps."}

    safe_with_threat = client.post(url, {**base, "threats": ["harm_now"], "decision": "safe"})
    unsafe_without = client.post(url, {**base, "decision": "unsafe"})
    other_undescribed = client.post(url, {**base, "threats": ["other"], "decision": "unsafe"})

    assert "A child with a safety threat is not safe" in safe_with_threat.content.decode()
    assert "Name the safety threats that lead to this decision." in unsafe_without.content.decode()
    assert "Describe the other threat." in other_undescribed.content.decode()
    assert not SafetyAssessment.objects.exists()


def test_a_recorded_assessment_opens_on_its_page_and_the_open_is_audited(worker):
    case = cw_case(worker)
    response = client_for(worker).post(
        reverse("child_welfare:safety_create", args=[case.pk]),
        {
            "assessed_on": timezone.localdate().isoformat(),
            "threats": ["basic_needs", "substance_impaired"],
            "protective_capacities": "Mother engages with the clinic.",
            "decision": "conditionally_safe",
        },
    )
    assessment = SafetyAssessment.objects.get()

    page = client_for(worker).get(response["Location"]).content.decode()

    assert response["Location"] == reverse("child_welfare:safety_detail", args=[assessment.pk])
    assert "Caregiver&#x27;s substance use impairs care" in page
    assert "Needs a plan" in page
    assert AuditEntry.objects.filter(action="view", object_type="child_welfare.safetyassessment").count() == 1


def test_a_safety_plan_names_who_does_each_action(worker):
    case = cw_case(worker)
    assessment = assess(worker, case)
    url = reverse("child_welfare:safety_plan_create", args=[assessment.pk])
    review = (timezone.localdate() + timedelta(days=14)).isoformat()
    plan = {
        "monitoring": "Home visit twice a week.",
        "review_on": review,
        "action": "Grandmother stays overnight",
    }

    nobody = client_for(worker).post(url, plan)
    grandmother = child_of(worker)
    saved = client_for(worker).post(
        url, {**plan, "responsible_person": grandmother.pk, "when": "every night"}
    )

    assert "Say who is responsible for this action." in nobody.content.decode()
    assert saved.status_code == 302
    action = SafetyPlan.objects.get().actions.get()
    assert (action.responsible, action.when) == (str(grandmother), "every night")


def test_no_plan_for_a_safe_child_and_only_one_per_assessment(worker):
    case = cw_case(worker)
    safe = assess(worker, case, threats=[], decision=SafetyAssessment.Decision.SAFE)
    unsafe = assess(worker, case)
    action = services.PlanActionInput(action="Daily check-in call", responsible_name="Health visitor")
    review = timezone.localdate() + timedelta(days=7)

    with pytest.raises(ValidationError, match="no safety plan to make"):
        services.safety_plan_create(
            actor=worker, assessment=safe, monitoring="x", review_on=review, actions=[action]
        )
    services.safety_plan_create(
        actor=worker, assessment=unsafe, monitoring="x", review_on=review, actions=[action]
    )
    with pytest.raises(ValidationError, match="already has a safety plan"):
        services.safety_plan_create(
            actor=worker, assessment=unsafe, monitoring="x", review_on=review, actions=[action]
        )


def test_api_makes_a_plan_and_refuses_an_action_for_someone_out_of_reach(worker):
    case = cw_case(worker)
    assessment = assess(worker, case)
    url = f"/api/v1/child-welfare/safety-assessments/{assessment.pk}/plan"
    review = (timezone.localdate() + timedelta(days=7)).isoformat()
    stranger = PersonFactory()

    refused = api_client(worker).post(
        url,
        {
            "monitoring": "Visits.",
            "review_on": review,
            "actions": [{"action": "Stay", "responsible_person_id": stranger.pk}],
        },
        content_type="application/json",
    )
    made = api_client(worker).post(
        url,
        {
            "monitoring": "Visits.",
            "review_on": review,
            "actions": [{"action": "Stay", "responsible_name": "Aunt Rosa"}],
        },
        content_type="application/json",
    )

    assert refused.status_code == 400
    assert "actions.0.responsible_person" in refused.json()["errors"]
    assert made.status_code == 201
    assert made.json()["actions"][0]["responsible_name"] == "Aunt Rosa"
    detail = api_client(worker).get(f"/api/v1/child-welfare/safety-assessments/{assessment.pk}").json()
    assert detail["plan"]["monitoring"] == "Visits."


def test_a_stale_plan_edit_is_refused_and_nothing_is_overwritten(worker):
    case = cw_case(worker)
    assessment = assess(worker, case)
    plan = services.safety_plan_create(
        actor=worker,
        assessment=assessment,
        monitoring="Weekly visit.",
        review_on=timezone.localdate() + timedelta(days=7),
        actions=[services.PlanActionInput(action="Call daily", responsible_name="Health visitor")],
    )
    url = reverse("child_welfare:safety_plan_edit", args=[assessment.pk])
    review = (timezone.localdate() + timedelta(days=10)).isoformat()

    first = client_for(worker).post(
        url, {"version": 1, "monitoring": "Two visits a week.", "review_on": review}
    )
    stale = client_for(worker).post(url, {"version": 1, "monitoring": "Monthly visit.", "review_on": review})

    plan.refresh_from_db()
    assert first.status_code == 302
    assert stale.status_code == 409
    assert "Someone else changed this record" in stale.content.decode()
    assert (plan.monitoring, plan.version) == ("Two visits a week.", 2)
