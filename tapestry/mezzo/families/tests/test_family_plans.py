"""Family plans: strengths, concerns and goals for a household, their history, and who may see them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry
from tapestry.mezzo.families import services
from tapestry.mezzo.families.models import FamilyGoal, FamilyPlan
from tapestry.mezzo.families.tests.helpers import family_case, goal_for, plan_for, today
from tapestry.needs.models import Need
from tapestry.testing import PersonFactory, client_for, open_case

pytestmark = pytest.mark.django_db


def test_a_case_without_a_household_gets_a_clear_message_and_a_way_to_add_one(cast):
    case = open_case(cast.caseworker)

    page = client_for(cast.caseworker).get(reverse("families:case_index", args=[case.pk])).content.decode()
    with pytest.raises(ValidationError) as refused:
        services.family_plan_start(actor=cast.caseworker, case=case, strengths="x", concerns="y")

    assert "not about a household yet" in page
    assert reverse("cases:case_edit", args=[case.pk]) in page
    assert "Choose the household on the case first." in refused.value.messages[0]
    assert not FamilyPlan.objects.exists()


def test_a_case_with_a_household_offers_to_start_the_plan(cast):
    case = family_case(cast.caseworker)

    page = client_for(cast.caseworker).get(reverse("families:case_index", args=[case.pk])).content.decode()

    assert "Start the family plan" in page
    assert reverse("families:plan_edit", args=[case.pk]) in page


def test_starting_the_plan_in_the_form_keeps_a_first_revision(cast):
    case = family_case(cast.caseworker)
    client = client_for(cast.caseworker)

    empty = client.post(reverse("families:plan_edit", args=[case.pk]), {"strengths": "", "concerns": "x"})
    saved = client.post(
        reverse("families:plan_edit", args=[case.pk]), {"strengths": "Close-knit", "concerns": "Arrears"}
    )

    assert empty.status_code == 400 and "This field is required." in empty.content.decode()
    assert saved.status_code == 302
    plan = FamilyPlan.objects.get(case=case)
    assert [r.reason for r in plan.revisions.all()] == ["Family plan started."]


def test_one_plan_per_case(cast):
    plan = plan_for(cast.caseworker)

    with pytest.raises(ValidationError) as refused:
        plan_for(cast.caseworker, plan.case)

    assert refused.value.messages == ["This case already has a family plan: change that one."]


def test_each_change_is_kept_as_a_revision_and_a_stale_edit_is_refused(cast):
    plan = plan_for(cast.caseworker)

    services.family_plan_revise(
        actor=cast.caseworker,
        plan=plan,
        version=1,
        strengths="They laugh together.",
        concerns="Arrears cleared; school attendance now.",
        next_review_on=None,
    )
    goal = goal_for(cast.caseworker, plan)
    with pytest.raises(StaleEdit):
        services.family_plan_revise(
            actor=cast.caseworker, plan=plan, version=1, strengths="x", concerns="y", next_review_on=None
        )

    reasons = [r.reason for r in plan.revisions.order_by("number")]
    assert reasons == ["Family plan started.", "Changed: concerns.", f"Goal added: {goal.description}"]
    latest = plan.revisions.order_by("-number").first()
    assert latest.snapshot["goals"][0]["description"] == "Keep the family's home"
    assert latest.snapshot["concerns"] == "Arrears cleared; school attendance now."


def test_goals_involve_household_members_only(cast):
    plan = plan_for(cast.caseworker)
    child = plan.case.household.memberships.get(position="child").person

    goal = goal_for(cast.caseworker, plan, members=[plan.case.person, child])
    with pytest.raises(ValidationError) as refused:
        goal_for(cast.caseworker, plan, members=[PersonFactory()])

    assert set(goal.members.all()) == {plan.case.person, child}
    assert refused.value.message_dict["members"] == ["Choose people who live in the family's household."]


def test_a_goal_met_or_not_met_needs_a_note(cast):
    goal = goal_for(cast.caseworker, plan_for(cast.caseworker))

    with pytest.raises(ValidationError) as refused:
        services.family_goal_update(actor=cast.caseworker, goal=goal, version=1, changes={"status": "met"})
    met = services.family_goal_update(
        actor=cast.caseworker,
        goal=goal,
        version=1,
        changes={"status": "met", "status_note": "Repayment plan agreed with the landlord."},
    )

    assert refused.value.message_dict["status_note"] == [
        "Say how the goal was met, or what stood in the way."
    ]
    assert (met.status, met.version) == ("met", 2)
    assert goal.plan.revisions.order_by("-number").first().reason == "Goal met: Keep the family's home"


def test_the_plan_page_shows_goals_members_and_history_and_the_open_is_audited(cast):
    plan = plan_for(cast.caseworker)
    goal_for(
        cast.caseworker, plan, need=Need.objects.get(code="housing-instability"), members=[plan.case.person]
    )

    page = client_for(cast.teammate).get(reverse("families:case_index", args=[plan.case_id])).content.decode()

    assert "Keep the family&#x27;s home" in page
    assert "Housing instability" in page
    assert plan.case.person.display_name in page
    assert "Family plan started." in page
    entry = AuditEntry.objects.filter(object_type="families.familyplan", action="view").get()
    assert (entry.actor, entry.person_id) == (cast.teammate, plan.case.person_id)


def test_an_outsider_gets_404_on_a_family_plan(cast):
    plan = plan_for(cast.caseworker)
    goal = goal_for(cast.caseworker, plan)
    client = client_for(cast.outsider)

    assert client.get(reverse("families:case_index", args=[plan.case_id])).status_code == 404
    assert client.get(reverse("families:goal_edit", args=[goal.pk])).status_code == 404
    assert client.get(f"/api/v1/cases/{plan.case_id}/family-plan").status_code == 404


def test_a_program_manager_is_refused_family_plan_routes(cast):
    plan = plan_for(cast.caseworker)
    goal = goal_for(cast.caseworker, plan)
    client = client_for(cast["program_manager"])

    assert client.get(reverse("families:case_index", args=[plan.case_id])).status_code == 403
    assert client.get(reverse("families:goal_referral_create", args=[goal.pk])).status_code == 403
    assert client.get(f"/api/v1/cases/{plan.case_id}/family-plan").status_code == 403


def test_a_goal_edited_in_the_form_with_a_stale_version_is_a_conflict(cast):
    goal = goal_for(cast.caseworker, plan_for(cast.caseworker))
    services.family_goal_update(
        actor=cast.caseworker, goal=goal, version=1, changes={"description": "Keep the home"}
    )
    form = {
        "description": "Keep the flat",
        "target_date": (today() + dt.timedelta(days=10)).isoformat(),
        "status": "active",
        "version": 1,
    }

    response = client_for(cast.caseworker).post(reverse("families:goal_edit", args=[goal.pk]), form)

    assert response.status_code == 409
    assert FamilyGoal.objects.get().description == "Keep the home"


def test_a_closed_case_keeps_its_plan_but_takes_no_changes(cast):
    plan = plan_for(cast.caseworker)
    plan.case.status = "closed"
    plan.case.closing_reason = "goals_met"
    plan.case.save()

    with pytest.raises(ValidationError) as refused:
        goal_for(cast.caseworker, plan)

    assert "This case is closed" in refused.value.messages[0]
