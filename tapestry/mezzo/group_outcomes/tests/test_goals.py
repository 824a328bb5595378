"""A group's goals: set and reviewed by those who run the group, versioned, hidden from everyone else."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.mezzo.group_outcomes.models import GroupGoal
from tapestry.mezzo.group_outcomes.tests.factories import make_group
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(cast):
    return make_group([cast["group_facilitator"]])


def test_the_facilitator_adds_a_goal(cast, group):
    url = reverse("group_outcomes:goals", args=[group.pk])
    data = {
        "description": "Members feel less alone",
        "measure": "Check-in question",
        "target": "Most say yes",
        "status": "active",
    }

    response = client_for(cast["group_facilitator"]).post(url, data, follow=True)

    assert "Goal added." in response.content.decode()
    goal = GroupGoal.objects.get()
    assert (goal.group, goal.description, goal.status) == (group, "Members feel less alone", "active")
    assert AuditEntry.objects.filter(action="create", object_type="group_outcomes.groupgoal").exists()


def test_a_goal_without_a_description_gets_an_error_beside_the_field(cast, group):
    url = reverse("group_outcomes:goals", args=[group.pk])
    response = client_for(cast["group_facilitator"]).post(url, {"description": "", "status": "active"})
    assert response.status_code == 400
    assert response.context["form"].errors["description"] == ["This field is required."]


def test_the_supervisor_of_a_facilitator_runs_the_group_too(cast):
    group = make_group([cast.caseworker])  # supervised by cast.supervisor
    response = client_for(cast.supervisor).get(reverse("group_outcomes:goals", args=[group.pk]))
    assert response.status_code == 200


def test_the_status_is_updated_and_a_stale_edit_is_refused(cast, group):
    goal = GroupGoal.objects.create(group=group, description="Members sleep better")
    url = reverse("group_outcomes:goal_edit", args=[goal.pk])
    client = client_for(cast["group_facilitator"])
    data = {"description": goal.description, "status": "met", "reviewed_on": "2026-01-10", "version": 1}

    assert client.post(url, data).status_code == 302
    goal.refresh_from_db()
    assert (goal.status, goal.version, str(goal.reviewed_on)) == ("met", 2, "2026-01-10")

    response = client.post(url, {**data, "status": "not_met"})
    assert response.status_code == 400
    assert "Someone else changed this record" in response.content.decode()
    goal.refresh_from_db()
    assert goal.status == "met"


def test_someone_who_does_not_run_the_group_gets_not_found(cast, group):
    goal = GroupGoal.objects.create(group=group, description="Members sleep better")
    outsider = client_for(cast.outsider)  # a caseworker: holds GROUP_RUN, does not run this group
    assert outsider.get(reverse("group_outcomes:goals", args=[group.pk])).status_code == 404
    assert outsider.get(reverse("group_outcomes:goal_edit", args=[goal.pk])).status_code == 404
    # A program manager may not run groups at all.
    assert (
        client_for(cast["program_manager"]).get(reverse("group_outcomes:goals", args=[group.pk])).status_code
        == 403
    )
