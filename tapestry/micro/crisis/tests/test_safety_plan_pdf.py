"""The safety plan as a PDF for the client: one page, the plan's words, audited like its printout."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.micro.crisis.tests.factories import crisis_case, plan
from tapestry.testing import client_for, pdf_page_count, pdf_text

pytestmark = pytest.mark.django_db


def test_the_pdf_holds_the_plan_in_the_clients_words_on_one_page(cast):
    case = crisis_case(cast.caseworker)
    plan(cast.caseworker, case)

    response = client_for(cast.caseworker).get(reverse("crisis:safety_plan_pdf", kwargs={"case_pk": case.pk}))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="safety-plan-{case.number}.pdf"'
    text = pdf_text(response.content)
    for words in ("My safety plan", case.person.display_name, "Pulling away from friends", "555-0142", "988"):
        assert words in text
    assert "Sign out" not in text
    assert pdf_page_count(response.content) == 1


def test_each_download_is_audited_as_an_open_of_the_plan(cast):
    case = crisis_case(cast.caseworker)
    saved = plan(cast.caseworker, case)
    before = AuditEntry.objects.count()

    client_for(cast.caseworker).get(reverse("crisis:safety_plan_pdf", kwargs={"case_pk": case.pk}))
    client_for(cast.caseworker).get(f"/api/v1/cases/{case.pk}/safety-plan/pdf")

    entries = [entry for entry in AuditEntry.objects.order_by("pk")[before:] if "PDF" in entry.purpose]
    assert [entry.purpose for entry in entries] == [
        "safety plan PDF for client",
        "safety plan PDF for client (API)",
    ]
    assert {entry.person_id for entry in entries} == {case.person_id}
    assert {entry.object_id for entry in entries} == {str(saved.pk)}


def test_a_case_without_a_plan_answers_404_on_the_page_and_in_the_api(cast):
    case = crisis_case(cast.caseworker)
    client = client_for(cast.caseworker)

    page = client.get(reverse("crisis:safety_plan_pdf", kwargs={"case_pk": case.pk}))
    api = client.get(f"/api/v1/cases/{case.pk}/safety-plan/pdf")

    assert page.status_code == 404
    assert api.status_code == 404
    assert api.json()["detail"] == "This case has no safety plan yet."


def test_a_worker_outside_the_case_gets_no_pdf(cast):
    case = crisis_case(cast.caseworker)
    plan(cast.caseworker, case)

    response = client_for(cast.outsider).get(f"/api/v1/cases/{case.pk}/safety-plan/pdf")

    assert response.status_code in (403, 404)
    assert response["Content-Type"] != "application/pdf"
