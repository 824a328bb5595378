"""The shell: the home page's caseload, the level pages each role sees, the health check."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry, Role
from tapestry.testing import PersonFactory, assign, client_for

pytestmark = pytest.mark.django_db


def test_home_lists_only_the_users_own_caseload_and_records_the_read(cast):
    mine, teams = PersonFactory(given_name="Ottilie"), PersonFactory(given_name="Bartholomew")
    assign(cast.caseworker, mine)
    assign(cast.teammate, teams)

    page = client_for(cast.caseworker).get(reverse("front:home")).content.decode()

    assert "Ottilie" in page
    assert "Bartholomew" not in page
    assert AuditEntry.objects.filter(actor=cast.caseworker, purpose="caseload summary").count() == 1


def test_home_for_a_role_without_a_caseload_has_no_caseload_or_search(cast):
    page = client_for(cast[Role.EVALUATOR]).get(reverse("front:home")).content.decode()

    assert "My caseload" not in page
    assert 'name="q"' not in page
    assert not AuditEntry.objects.filter(purpose="caseload summary").exists()


@pytest.mark.parametrize("rows", [5, 50])
def test_home_queries_do_not_grow_with_the_caseload(cast, rows, django_assert_num_queries):
    for _ in range(rows):
        assign(cast.caseworker, PersonFactory())
    client = client_for(cast.caseworker)
    with django_assert_num_queries(9):
        assert client.get(reverse("front:home")).status_code == 200


@pytest.mark.parametrize(
    ("role", "level", "shown", "hidden"),
    [
        (Role.CASEWORKER, "micro", "New intake", "Emergency access reviews"),
        (Role.SUPERVISOR, "micro", "Emergency access reviews", "Audit log"),
        (Role.AUDITOR, "evidence", "Audit log", "Staff and access"),
        (Role.ADMINISTRATOR, "evidence", "Staff and access", "Audit log"),
        (Role.GRANTS_OFFICER, "macro", "Funders", "New intake"),
        (Role.AGENCY_DIRECTOR, "macro", "Agency dashboard", "Funders and opportunities"),
        (Role.ADMINISTRATOR, "macro", "Compliance items", "Grant pipeline"),
    ],
)
def test_level_pages_offer_what_the_role_may_do(cast, role, level, shown, hidden):
    page = client_for(cast[role]).get(reverse("front:level", args=[level])).content.decode()
    assert shown in page
    assert hidden not in page


def test_a_level_that_does_not_exist_is_not_found(cast):
    assert client_for(cast.caseworker).get(reverse("front:level", args=["meta"])).status_code == 404


def test_the_health_check_answers_without_signing_in(db, client):
    response = client.get(reverse("front:health"))
    assert response.json() == {"status": "ok"}
