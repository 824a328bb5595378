"""Who may change a program and see its reach: the capability (403), then the program itself (404)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.programs.models import LogicModelItem, ProgramStaff
from tapestry.programs.tests.support import api_client, program_for
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def programs(cast):
    mine = program_for(cast["program_manager"], name="Housing Stability")
    theirs = program_for(cast.supervisor, name="Family Support")
    return mine, theirs


def test_a_program_manager_reaches_their_program_and_gets_404_on_another(cast, programs):
    mine, theirs = programs
    client = client_for(cast["program_manager"])

    for name in ("program_edit", "logic_model_edit", "program_budget", "program_staff", "program_reach"):
        assert client.get(reverse(f"programs:{name}", args=[mine.pk])).status_code == 200, name
        assert client.get(reverse(f"programs:{name}", args=[theirs.pk])).status_code == 404, name
    assert client.get(reverse("programs:program_detail", args=[theirs.pk])).status_code == 200


def test_a_program_manager_cannot_change_parts_of_another_program(cast, programs):
    _, theirs = programs
    item = LogicModelItem.objects.create(program=theirs, column="inputs", text="Staff")
    client = client_for(cast["program_manager"])
    api = api_client(cast["program_manager"])

    assert client.post(reverse("programs:logic_item_remove", args=[item.pk])).status_code == 404
    assert api.delete(f"/api/v1/logic-model-items/{item.pk}").status_code == 404
    patch = api.patch(
        f"/api/v1/programs/{theirs.pk}", {"version": 1, "capacity": 3}, content_type="application/json"
    )
    assert patch.status_code == 404 and patch.json()["detail"]
    assert api.get(f"/api/v1/programs/{theirs.pk}/reach").status_code == 404
    assert LogicModelItem.objects.filter(pk=item.pk).exists()


def test_being_plain_staff_shows_the_reach_but_does_not_let_a_program_manager_edit(cast, programs):
    _, theirs = programs
    ProgramStaff.objects.create(program=theirs, user=cast["program_manager"], role_in_program="staff")
    client = client_for(cast["program_manager"])

    assert client.get(reverse("programs:program_reach", args=[theirs.pk])).status_code == 200
    assert client.get(reverse("programs:program_edit", args=[theirs.pk])).status_code == 404


def test_a_supervisor_manages_any_program(cast, programs):
    mine, _ = programs
    client = client_for(cast.supervisor)

    assert client.get(reverse("programs:program_edit", args=[mine.pk])).status_code == 200
    assert client.get(reverse("programs:program_reach", args=[mine.pk])).status_code == 200


def test_a_caseworker_cannot_create_or_change_programs(cast, programs):
    mine, _ = programs
    client = client_for(cast.caseworker)

    assert client.get(reverse("programs:program_create")).status_code == 403
    assert client.get(reverse("programs:program_edit", args=[mine.pk])).status_code == 403
    assert (
        client.post(
            reverse("programs:logic_model_edit", args=[mine.pk]), {"column": "inputs", "text": "x"}
        ).status_code
        == 403
    )
    assert client.get(reverse("programs:program_reach", args=[mine.pk])).status_code == 403
    page = client.get(reverse("programs:program_detail", args=[mine.pk])).content.decode()
    assert reverse("programs:program_edit", args=[mine.pk]) not in page
    assert not mine.logic_items.exists()


def test_an_evaluator_sees_the_reach_of_any_program_but_changes_nothing(cast, programs):
    mine, theirs = programs
    client = client_for(cast["evaluator"])

    assert client.get(reverse("programs:program_reach", args=[mine.pk])).status_code == 200
    assert client.get(reverse("programs:program_reach", args=[theirs.pk])).status_code == 200
    assert client.get(reverse("programs:program_edit", args=[mine.pk])).status_code == 403
    page = client.get(reverse("programs:program_detail", args=[mine.pk])).content.decode()
    assert reverse("programs:program_reach", args=[mine.pk]) in page
