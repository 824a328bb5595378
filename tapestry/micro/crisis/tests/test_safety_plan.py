"""The safety plan: seven steps in the client's words, revised without overwriting anyone, printable."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.micro.crisis.models import SafetyPlan
from tapestry.micro.crisis.tests.factories import crisis_case, plan
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def plan_form(**overrides: str) -> dict[str, str]:
    return {
        "warning_signs": "Not sleeping\nStaying in bed all day",
        "internal_coping": "Walk the dog",
        "social_distractions": "",
        "help_contacts": "Ana, my sister: 555-0142\nLuis",
        "professional_contacts": "Crisis line: 988\nDr Ortega, Eastfield Mental Health: 555-0123",
        "means_safety": "Ana holds my medicines",
        "reasons_for_living": "My nephews",
        **overrides,
    }


def test_a_worker_writes_the_plan_with_the_client(cast):
    case = crisis_case(cast.caseworker)

    response = client_for(cast.caseworker).post(
        reverse("crisis:safety_plan_edit", kwargs={"case_pk": case.pk}), plan_form(), follow=True
    )

    saved = SafetyPlan.objects.get(case=case)
    assert saved.warning_signs == ["Not sleeping", "Staying in bed all day"]
    assert saved.help_contacts == [
        {"name": "Ana, my sister", "phone": "555-0142"},
        {"name": "Luis", "phone": ""},
    ]
    assert saved.professional_contacts[1] == {
        "name": "Dr Ortega, Eastfield Mental Health",
        "phone": "555-0123",
    }
    assert saved.version == 1
    assert "Safety plan written." in response.content.decode()
    assert 'Crisis line: <a class="tel nowrap" href="tel:988">988</a>' in response.content.decode()


def test_a_professional_without_a_phone_number_is_refused_by_the_field(cast):
    case = crisis_case(cast.caseworker)

    response = client_for(cast.caseworker).post(
        reverse("crisis:safety_plan_edit", kwargs={"case_pk": case.pk}),
        plan_form(professional_contacts="Dr Ortega"),
    )

    assert response.context["form"].errors["professional_contacts"] == [
        "Line 1 (“Dr Ortega”) needs a phone number after a colon."
    ]
    assert not SafetyPlan.objects.exists()


def test_a_plan_needs_warning_signs_and_someone_to_call(cast):
    case = crisis_case(cast.caseworker)

    response = client_for(cast.caseworker).post(
        reverse("crisis:safety_plan_edit", kwargs={"case_pk": case.pk}),
        plan_form(warning_signs="  ", professional_contacts=""),
    )

    errors = response.context["form"].errors
    assert errors["warning_signs"] == ["This field is required."]
    assert errors["professional_contacts"] == ["This field is required."]


def test_revising_bumps_the_version_and_keeps_the_rest(cast):
    case = crisis_case(cast.caseworker)
    plan(cast.caseworker, case)
    url = reverse("crisis:safety_plan_edit", kwargs={"case_pk": case.pk})
    client = client_for(cast.teammate)

    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data["reasons_for_living"] = "My nephews\nMy dog"
    client.post(url, data)

    saved = SafetyPlan.objects.get(case=case)
    assert saved.version == 2
    assert saved.reasons_for_living == ["My nephews", "My dog"]
    assert saved.updated_by == cast.teammate
    assert saved.created_by == cast.caseworker


def test_a_stale_revision_is_refused_and_the_input_kept(cast):
    case = crisis_case(cast.caseworker)
    plan(cast.caseworker, case)
    url = reverse("crisis:safety_plan_edit", kwargs={"case_pk": case.pk})
    form = client_for(cast.caseworker).get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    client_for(cast.teammate).post(url, {**data, "means_safety": "Knives locked away"})

    response = client_for(cast.caseworker).post(url, {**data, "means_safety": "Medicines with Ana"})

    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else changed this record after you opened it." in page
    assert "Medicines with Ana" in page
    assert SafetyPlan.objects.get(case=case).means_safety == ["Knives locked away"]


def test_the_printable_copy_speaks_to_the_client_and_its_open_is_audited(cast):
    case = crisis_case(cast.caseworker)
    plan(cast.caseworker, case)

    response = client_for(cast.caseworker).get(
        reverse("crisis:safety_plan_print", kwargs={"case_pk": case.pk})
    )

    page = response.content.decode()
    assert "<h1>My safety plan</h1>" in page
    assert 'Ana (sister): <a class="tel nowrap" href="tel:5550142">555-0142</a>' in page
    assert "Sister holds the medicines" in page
    entry = AuditEntry.objects.get(actor=cast.caseworker, action=AuditEntry.Action.VIEW)
    assert (entry.object_type, entry.purpose) == ("crisis.safetyplan", "print safety plan for client")


def test_opening_the_plan_is_audited_and_an_outsider_is_refused(cast):
    case = crisis_case(cast.caseworker)
    plan(cast.caseworker, case)
    url = reverse("crisis:safety_plan", kwargs={"case_pk": case.pk})

    assert client_for(cast.outsider).get(url).status_code == 403
    assert client_for(cast.supervisor).get(url).status_code == 200
    assert (
        AuditEntry.objects.filter(
            actor=cast.supervisor, action=AuditEntry.Action.VIEW, object_type="crisis.safetyplan"
        ).count()
        == 1
    )


def test_a_case_without_a_plan_says_so(cast):
    case = crisis_case(cast.caseworker)

    page = (
        client_for(cast.caseworker)
        .get(reverse("crisis:safety_plan", kwargs={"case_pk": case.pk}))
        .content.decode()
    )

    assert "There is no safety plan on this case yet." in page
    assert "Write a safety plan" in page


def test_a_closed_case_gets_no_new_plan(cast):
    case = crisis_case(cast.caseworker, status="closed", closing_reason="goals_met")

    response = client_for(cast.caseworker).post(
        reverse("crisis:safety_plan_edit", kwargs={"case_pk": case.pk}), plan_form()
    )

    assert "This case is closed" in response.content.decode()
    assert not SafetyPlan.objects.exists()
