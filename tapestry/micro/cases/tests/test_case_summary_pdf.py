"""The case summary as a PDF: the case's facts and needs, read and audited as its page is."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.micro.cases.tests.support import add_need, barrier
from tapestry.needs.models import Need
from tapestry.testing import client_for, open_case, pdf_page_count, pdf_text

pytestmark = pytest.mark.django_db


def test_the_summary_shows_the_case_as_its_page_does(cast):
    case = open_case(cast.caseworker, presenting_problem="Behind on rent after losing shifts.")
    need = Need.objects.first()
    add_need(case, need.code, status="unmet", barrier=barrier("cost"))

    response = client_for(cast.caseworker).get(reverse("cases:case_summary_pdf", args=[case.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    text = pdf_text(response.content)
    for words in (
        case.number,
        case.person.display_name,
        "Behind on rent",
        need.label,
        "Page 1 of 1",
    ):
        assert words in text
    assert pdf_page_count(response.content) == 1


def test_the_page_and_the_api_download_are_each_audited(cast):
    case = open_case(cast.caseworker)
    client = client_for(cast.caseworker)
    before = AuditEntry.objects.count()

    assert client.get(reverse("cases:case_summary_pdf", args=[case.pk])).status_code == 200
    assert client.get(f"/api/v1/cases/{case.pk}/summary-pdf").status_code == 200

    entries = [e for e in AuditEntry.objects.order_by("pk")[before:] if "PDF" in e.purpose]
    assert [(e.purpose, e.person_id) for e in entries] == [
        ("case summary PDF", case.person_id),
        ("case summary PDF (API)", case.person_id),
    ]


def test_a_case_out_of_reach_is_refused_in_the_api_format(cast):
    case = open_case(cast.caseworker)

    response = client_for(cast.outsider).get(f"/api/v1/cases/{case.pk}/summary-pdf")

    assert response.status_code in (403, 404)
    assert set(response.json()) == {"detail", "errors"}


@pytest.mark.parametrize("rows", [2, 12])
def test_the_summary_runs_the_same_queries_whatever_the_needs(cast, rows, django_assert_num_queries):
    case = open_case(cast.caseworker)
    for need in Need.objects.all()[:rows]:
        case_need = add_need(case, need.code, status="unmet", barrier=barrier("cost"))
        case_need.changes.create(status="unmet", barrier=barrier("cost"), changed_by=cast.caseworker)
    client = client_for(cast.caseworker)
    url = reverse("cases:case_summary_pdf", args=[case.pk])
    client.get(url)

    with django_assert_num_queries(15):
        response = client.get(url)

    assert response.status_code == 200
    assert pdf_text(response.content).count("Can") >= rows
