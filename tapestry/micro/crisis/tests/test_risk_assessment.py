"""A rapid risk assessment: every kind of risk gets a level, the reasons behind it, what was done, who was called."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import AuditEntry
from tapestry.micro.crisis.models import EmergencyContact, RiskAssessment
from tapestry.micro.crisis.tests.factories import assess, crisis_case
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def form_data(**overrides: str) -> dict[str, str]:
    data = {
        "assessed_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "protective_factors": "Close to her sister.",
        "immediate_actions": "",
        "emergency-TOTAL_FORMS": "2",
        "emergency-INITIAL_FORMS": "0",
        "emergency-MIN_NUM_FORMS": "0",
        "emergency-MAX_NUM_FORMS": "5",
    }
    for kind in ("suicide", "self_harm", "violence", "abuse_neglect", "disaster"):
        data[f"{kind}_level"] = "none"
        data[f"{kind}_factors"] = ""
    data.update(overrides)
    return data


def test_a_worker_records_a_high_suicide_risk_with_the_emergency_call(cast):
    case = crisis_case(cast.caseworker)
    url = reverse("crisis:risk_assessment_new", kwargs={"case_pk": case.pk})
    called = timezone.localtime().strftime("%Y-%m-%dT%H:%M")

    response = client_for(cast.caseworker).post(
        url,
        form_data(
            suicide_level="high",
            suicide_factors="Has a plan and the means.",
            immediate_actions="Stayed on the phone until the team arrived.",
            **{
                "emergency-0-service": "mobile_crisis",
                "emergency-0-contacted_at": called,
                "emergency-0-reference": "MCT-77",
            },
        ),
        follow=True,
    )

    assessment = RiskAssessment.objects.get(case=case)
    assert assessment.highest_level == "high"
    assert [(f.risk_type, f.level) for f in assessment.findings.all()][0] == ("suicide", "high")
    assert assessment.findings.count() == 5
    contact = EmergencyContact.objects.get(assessment=assessment)
    assert (contact.service, contact.reference) == ("mobile_crisis", "MCT-77")
    page = response.content.decode()
    assert "High risk." in page
    assert "Set an urgent follow-up" in page
    assert "MCT-77" in page


def test_every_kind_of_risk_needs_a_level(cast):
    case = crisis_case(cast.caseworker)

    response = client_for(cast.caseworker).post(
        reverse("crisis:risk_assessment_new", kwargs={"case_pk": case.pk}), form_data(violence_level="")
    )

    assert response.status_code == 200
    assert response.context["form"].errors["violence_level"] == ["This field is required."]
    assert not RiskAssessment.objects.exists()


def test_from_moderate_up_the_factors_are_required_next_to_that_risk(cast):
    case = crisis_case(cast.caseworker)

    response = client_for(cast.caseworker).post(
        reverse("crisis:risk_assessment_new", kwargs={"case_pk": case.pk}),
        form_data(self_harm_level="moderate"),
    )

    assert response.context["form"].errors["self_harm_factors"] == ["Say what points to this level of risk."]
    assert "Say what points to this level of risk." in response.content.decode()
    assert not RiskAssessment.objects.exists()


def test_high_risk_without_immediate_actions_is_refused(cast):
    case = crisis_case(cast.caseworker)

    response = client_for(cast.caseworker).post(
        reverse("crisis:risk_assessment_new", kwargs={"case_pk": case.pk}),
        form_data(violence_level="imminent", violence_factors="Threatened a neighbour with a knife."),
    )

    assert response.context["form"].errors["immediate_actions"] == [
        "At high or imminent risk, say what was done straight away."
    ]


def test_an_emergency_service_needs_the_time_it_was_called(cast):
    case = crisis_case(cast.caseworker)

    response = client_for(cast.caseworker).post(
        reverse("crisis:risk_assessment_new", kwargs={"case_pk": case.pk}),
        form_data(**{"emergency-0-service": "police"}),
    )

    assert response.context["contacts"][0].errors["contacted_at"] == ["Say when you contacted them."]
    assert not RiskAssessment.objects.exists()


def test_an_assessment_cannot_be_dated_in_the_future(cast):
    case = crisis_case(cast.caseworker)
    tomorrow = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")

    response = client_for(cast.caseworker).post(
        reverse("crisis:risk_assessment_new", kwargs={"case_pk": case.pk}), form_data(assessed_at=tomorrow)
    )

    assert response.context["form"].errors["assessed_at"] == ["The assessment cannot be in the future."]


def test_a_positive_screen_that_opened_the_form_is_noted_as_the_reason(cast):
    case = crisis_case(cast.caseworker)
    url = reverse("crisis:risk_assessment_new", kwargs={"case_pk": case.pk}) + "?from_assessment=41"
    client = client_for(cast.caseworker)

    shown = client.get(url).content.decode()
    client.post(url, form_data(from_assessment="41"))

    assert "follows a positive screen (assessment 41)" in shown
    assessment = RiskAssessment.objects.get(case=case)
    assert assessment.trigger_assessment_id == 41
    assert "assessment 41" in assessment.trigger_note


def test_a_malformed_trigger_is_ignored(cast):
    case = crisis_case(cast.caseworker)
    url = reverse("crisis:risk_assessment_new", kwargs={"case_pk": case.pk}) + "?from_assessment=abc"

    response = client_for(cast.caseworker).get(url)

    assert response.status_code == 200
    assert "positive screen" not in response.content.decode()


def test_a_closed_case_takes_no_new_assessment(cast):
    case = crisis_case(cast.caseworker, status="closed", closing_reason="goals_met")

    response = client_for(cast.caseworker).post(
        reverse("crisis:risk_assessment_new", kwargs={"case_pk": case.pk}), form_data()
    )

    assert "This case is closed" in response.content.decode()
    assert not RiskAssessment.objects.exists()


def test_a_worker_outside_the_caseload_can_neither_record_nor_open(cast):
    case = crisis_case(cast.caseworker)
    assessment = assess(cast.caseworker, case, suicide="low")
    outsider = client_for(cast.outsider)

    assert outsider.get(reverse("crisis:risk_assessment_new", kwargs={"case_pk": case.pk})).status_code == 403
    assert outsider.get(reverse("crisis:risk_assessment_detail", args=[assessment.pk])).status_code == 403
    assert (
        client_for(cast.teammate)
        .get(reverse("crisis:risk_assessment_detail", args=[assessment.pk]))
        .status_code
        == 200
    )


def test_opening_an_assessment_is_audited(cast):
    case = crisis_case(cast.caseworker)
    assessment = assess(cast.caseworker, case, suicide="high")

    client_for(cast.supervisor).get(reverse("crisis:risk_assessment_detail", args=[assessment.pk]))

    entry = AuditEntry.objects.get(actor=cast.supervisor, action=AuditEntry.Action.VIEW)
    assert (entry.object_type, entry.object_id, entry.person_id) == (
        "crisis.riskassessment",
        str(assessment.pk),
        case.person_id,
    )


def test_the_case_index_lists_assessments_plan_and_follow_ups_and_is_audited(cast):
    case = crisis_case(cast.caseworker)
    assess(cast.caseworker, case, suicide="high")

    response = client_for(cast.caseworker).get(reverse("crisis:case_index", kwargs={"case_pk": case.pk}))

    page = response.content.decode()
    assert "Risk assessments" in page and "Suicide: high" in page
    assert "No safety plan yet." in page
    assert "No urgent follow-ups." in page
    assert AuditEntry.objects.filter(
        actor=cast.caseworker, action=AuditEntry.Action.VIEW, object_type="cases.case", object_id=str(case.pk)
    ).exists()


def test_a_missing_case_is_a_404(cast):
    response = client_for(cast.caseworker).get(reverse("crisis:case_index", kwargs={"case_pk": 999999}))

    assert response.status_code == 404
