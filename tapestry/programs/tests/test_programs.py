"""Programs: listed for every role with organisation access, added by those who manage programs."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.programs.models import Program, ProgramStaff
from tapestry.programs.selectors import program_choices
from tapestry.programs.tests.support import api_client
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_program_list_shows_running_and_closed_programs(cast):
    Program.objects.create(name="Housing Stability", description="Eviction prevention.")
    Program.objects.create(name="Winter Warmth 2024", is_active=False, status="closed")

    page = client_for(cast["evaluator"]).get(reverse("programs:program_list")).content.decode()
    running = (
        client_for(cast["evaluator"])
        .get(reverse("programs:program_list"), {"active": "yes"})
        .content.decode()
    )

    assert "Housing Stability" in page and "Eviction prevention." in page
    assert "Winter Warmth 2024" in page and "Closed" in page
    assert "Winter Warmth 2024" not in running


def test_a_program_manager_adds_a_program_and_becomes_its_manager(cast):
    manager = cast["program_manager"]

    response = client_for(manager).post(
        reverse("programs:program_create"),
        {
            "name": "Recovery Support",
            "description": "Peer support.",
            "status": "running",
            "target_population": "Adults cutting down on alcohol.",
            "capacity": "25",
            "starts_on": "2026-01-05",
        },
    )

    program = Program.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "programs:program_detail", args=[program.pk]
    )
    assert (program.name, program.description, program.is_active, program.capacity) == (
        "Recovery Support",
        "Peer support.",
        True,
        25,
    )
    assert ProgramStaff.objects.get(program=program).user == manager
    assert ProgramStaff.objects.get(program=program).role_in_program == "manager"
    assert AuditEntry.objects.filter(action="create", object_type="mezzo.program", actor=manager).exists()


def test_only_a_running_program_takes_new_cases(cast):
    client = client_for(cast.supervisor)
    client.post(reverse("programs:program_create"), {"name": "Pilot", "status": "design"})
    client.post(reverse("programs:program_create"), {"name": "Live", "status": "running"})

    assert [p.name for p in program_choices()] == ["Live"]
    assert Program.objects.get(name="Pilot").is_active is False


def test_a_duplicate_name_is_refused_by_the_field(cast):
    Program.objects.create(name="Family Support")

    response = client_for(cast.supervisor).post(
        reverse("programs:program_create"), {"name": "family support", "status": "running"}
    )

    assert response.context["form"].errors["name"] == ["A program with this name already exists."]
    assert Program.objects.count() == 1


def test_an_end_before_the_start_is_refused_by_the_field(cast):
    response = client_for(cast.supervisor).post(
        reverse("programs:program_create"),
        {"name": "Pilot", "status": "design", "starts_on": "2026-05-01", "ends_on": "2026-04-01"},
    )

    assert response.context["form"].errors["ends_on"] == ["A program cannot end before it starts."]


def test_who_may_list_and_add(cast):
    assert client_for(cast["auditor"]).get(reverse("programs:program_list")).status_code == 403
    assert client_for(cast["evaluator"]).get(reverse("programs:program_create")).status_code == 403
    assert client_for(cast.caseworker).get(reverse("programs:program_create")).status_code == 403
    assert (
        client_for(cast.caseworker).post(reverse("programs:program_create"), {"name": "X"}).status_code == 403
    )
    page = client_for(cast["evaluator"]).get(reverse("programs:program_list")).content.decode()
    assert reverse("programs:program_create") not in page
    assert Program.objects.count() == 0


def test_api_lists_and_adds_programs(cast):
    Program.objects.create(name="School Success")
    client = api_client(cast["program_manager"])

    created = client.post("/api/v1/programs", {"name": "Youth Mentoring"}, content_type="application/json")
    listed = client.get("/api/v1/programs?active=true")

    assert created.status_code == 201
    assert created.json()["name"] == "Youth Mentoring" and created.json()["is_active"] is True
    assert created.json()["status"] == "running"
    assert [item["name"] for item in listed.json()["items"]] == ["School Success", "Youth Mentoring"]


def test_api_refuses_a_blank_name_a_duplicate_and_a_role_without_the_capability(cast):
    Program.objects.create(name="School Success")
    client = api_client(cast["program_manager"])

    blank = client.post("/api/v1/programs", {"name": "  "}, content_type="application/json")
    duplicate = client.post("/api/v1/programs", {"name": "School Success"}, content_type="application/json")
    evaluator = api_client(cast["evaluator"]).post(
        "/api/v1/programs", {"name": "X"}, content_type="application/json"
    )
    caseworker = api_client(cast.caseworker).post(
        "/api/v1/programs", {"name": "X"}, content_type="application/json"
    )

    assert blank.status_code == 422 and "name" in blank.json()["errors"]
    assert duplicate.status_code == 400
    assert duplicate.json()["errors"] == {"name": ["A program with this name already exists."]}
    assert evaluator.status_code == 403 and caseworker.status_code == 403
