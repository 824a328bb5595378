"""The needs of a case through the API: record by code, change status with a version, history kept."""

from __future__ import annotations

import pytest

from tapestry.access.models import Segment
from tapestry.micro.cases.models import CaseNeed
from tapestry.micro.cases.tests.support import add_need, api_client
from tapestry.testing import open_case

pytestmark = pytest.mark.django_db


def test_record_a_need_by_its_code(cast):
    case = open_case(cast.caseworker)

    response = api_client(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/needs",
        {"need": "food-insecurity", "note": "Pantry once a week"},
        content_type="application/json",
    )

    body = response.json()
    assert response.status_code == 201
    assert (body["need"]["icd10"], body["status"], body["version"]) == ("Z59.41", "identified", 1)
    assert [step["status"] for step in body["history"]] == ["identified"]


def test_an_unknown_code_is_an_error_on_the_field(cast):
    case = open_case(cast.caseworker)

    response = api_client(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/needs", {"need": "wishes"}, content_type="application/json"
    )

    assert response.status_code == 400
    assert "need" in response.json()["errors"]


def test_an_unmet_need_without_a_barrier_is_refused(cast):
    case = open_case(cast.caseworker)

    response = api_client(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/needs",
        {"need": "childcare", "status": "unmet"},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {"barrier": ["Say what stood in the way of an unmet need."]}
    assert not CaseNeed.objects.exists()


def test_list_the_needs_of_a_case(cast):
    case = open_case(cast.caseworker)
    add_need(case, "unemployment")
    add_need(case, "food-insecurity")

    response = api_client(cast.caseworker).get(f"/api/v1/cases/{case.pk}/needs")

    assert response.status_code == 200
    assert {item["need"]["code"] for item in response.json()} == {"unemployment", "food-insecurity"}


def test_change_status_with_the_version_and_keep_history(cast):
    case_need = add_need(open_case(cast.caseworker), "childcare")
    client = api_client(cast.caseworker)
    url = f"/api/v1/cases/{case_need.case_id}/needs/{case_need.pk}"

    first = client.patch(
        url, {"version": 1, "status": "unmet", "barrier": "waitlist"}, content_type="application/json"
    )
    stale = client.patch(url, {"version": 1, "status": "met"}, content_type="application/json")

    assert first.status_code == 200
    assert (first.json()["status"], first.json()["barrier"]["code"]) == ("unmet", "waitlist")
    assert [step["status"] for step in first.json()["history"]] == ["identified", "unmet"]
    assert stale.status_code == 409


def test_a_need_is_changed_only_through_its_own_case(cast):
    case_need = add_need(open_case(cast.caseworker))
    other = open_case(cast.caseworker)

    response = api_client(cast.caseworker).patch(
        f"/api/v1/cases/{other.pk}/needs/{case_need.pk}",
        {"version": 1, "status": "met"},
        content_type="application/json",
    )

    assert response.status_code == 404


def test_needs_of_a_case_in_a_segment_not_granted_are_refused(cast):
    case = open_case(cast.caseworker, case_type="child_welfare", segment=Segment.CHILD_WELFARE)
    case_need = add_need(case)
    client = api_client(cast.caseworker)

    assert client.get(f"/api/v1/cases/{case.pk}/needs").status_code == 403
    patched = client.patch(
        f"/api/v1/cases/{case.pk}/needs/{case_need.pk}",
        {"version": 1, "status": "met"},
        content_type="application/json",
    )
    assert patched.status_code == 403
