"""Care plans: one current plan per case, goals tied to the case's needs, revisions kept as history, reviews."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.micro.casework import services
from tapestry.micro.casework.models import CarePlan, PlanRevision
from tapestry.micro.casework.tests.factories import case_with_need, goal_for, plan_for, today
from tapestry.needs.models import Need
from tapestry.testing import client_for, open_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned(cast):
    case, need = case_with_need(cast.caseworker)
    plan = plan_for(cast.caseworker, case, next_review_on=today() + dt.timedelta(days=30))
    return case, need, plan


def test_starting_a_plan_keeps_its_first_revision(cast, planned):
    case, _, plan = planned

    revision = plan.revisions.get()

    assert (revision.number, revision.reason) == (1, "Plan started.")
    assert revision.snapshot["summary"] == plan.summary
    assert revision.snapshot["goals"] == []
    assert revision.changed_by == cast.caseworker


def test_a_case_has_one_current_plan(cast, planned):
    case, _, _ = planned

    with pytest.raises(ValidationError, match="already has a care plan"):
        plan_for(cast.caseworker, case)
    assert CarePlan.objects.filter(case=case).count() == 1


def test_a_goal_is_linked_to_the_cases_needs_and_adds_a_revision(cast, planned):
    case, need, plan = planned

    goal = goal_for(cast.caseworker, case, needs=[need])

    assert list(goal.needs.all()) == [need]
    latest = plan.revisions.first()
    assert latest.number == 2
    assert latest.reason == "Goal added: Find steady work"
    assert latest.snapshot["goals"][0]["needs"] == [
        {"id": need.pk, "code": need.need.code, "label": need.need.label}
    ]


def test_a_goal_cannot_address_another_cases_need(cast, planned):
    case, _, _ = planned
    _, elsewhere = case_with_need(cast.caseworker)

    with pytest.raises(ValidationError) as refused:
        goal_for(cast.caseworker, case, needs=[elsewhere])
    assert "needs" in refused.value.message_dict


def test_changing_a_goal_keeps_how_it_was_and_why_it_changed(cast, planned):
    case, need, plan = planned
    goal = goal_for(cast.caseworker, case, target="3")

    services.goal_update(
        actor=cast.teammate,
        goal=goal,
        version=goal.version,
        changes={"target": "5"},
        needs=[need],
        reason="Client asked for a harder target.",
    )

    revisions = list(plan.revisions.order_by("number"))
    assert [r.number for r in revisions] == [1, 2, 3]
    assert revisions[1].snapshot["goals"][0]["target"] == "3"
    assert revisions[2].snapshot["goals"][0]["target"] == "5"
    assert revisions[2].snapshot["goals"][0]["needs"][0]["id"] == need.pk
    assert (revisions[2].reason, revisions[2].changed_by) == (
        "Client asked for a harder target.",
        cast.teammate,
    )


def test_a_goal_change_needs_a_reason(cast, planned):
    case, _, _ = planned
    goal = goal_for(cast.caseworker, case)

    with pytest.raises(ValidationError) as refused:
        services.goal_update(actor=cast.caseworker, goal=goal, version=1, changes={"target": "4"}, reason=" ")
    assert "reason" in refused.value.message_dict


def test_a_stale_goal_edit_is_refused_and_leaves_no_revision(cast, planned):
    case, _, plan = planned
    goal = goal_for(cast.caseworker, case)
    services.goal_update(actor=cast.caseworker, goal=goal, version=1, changes={"target": "4"}, reason="First")

    with pytest.raises(StaleEdit):
        services.goal_update(
            actor=cast.teammate, goal=goal, version=1, changes={"target": "9"}, reason="Second"
        )

    goal.refresh_from_db()
    assert (goal.target, goal.version) == ("4", 2)
    assert plan.revisions.count() == 3


def test_revising_the_plan_is_versioned_and_kept(cast, planned):
    _, _, plan = planned

    revised = services.plan_revise(
        actor=cast.caseworker,
        plan=plan,
        version=1,
        summary="Stable housing first; work after.",
        next_review_on=None,
        reason="Agreed at the review.",
    )
    with pytest.raises(StaleEdit):
        services.plan_revise(
            actor=cast.teammate, plan=plan, version=1, summary="Other", next_review_on=None, reason="Late"
        )

    assert revised.version == 2
    assert plan.revisions.first().snapshot["summary"] == "Stable housing first; work after."


def test_a_review_rates_goals_and_sets_the_next_review(cast, planned):
    case, _, plan = planned
    goal = goal_for(cast.caseworker, case)
    next_review = today() + dt.timedelta(days=10)

    review = services.review_record(
        actor=cast.caseworker,
        plan=plan,
        reviewed_on=today(),
        narrative="Two applications sent.",
        goal_ratings=[(goal, 3, "Halfway")],
        next_review_on=next_review,
    )

    plan.refresh_from_db()
    assert plan.next_review_on == next_review
    assert [(r.goal, r.rating, r.comment) for r in review.goal_ratings.all()] == [(goal, 3, "Halfway")]


def test_a_review_must_rate_something_and_only_this_plans_goals(cast, planned):
    case, _, plan = planned
    other_case = open_case(cast.caseworker)
    plan_for(cast.caseworker, other_case)
    foreign_goal = goal_for(cast.caseworker, other_case)

    with pytest.raises(ValidationError) as unrated:
        services.review_record(actor=cast.caseworker, plan=plan, narrative="Talked.")
    with pytest.raises(ValidationError) as foreign:
        services.review_record(
            actor=cast.caseworker, plan=plan, narrative="x", goal_ratings=[(foreign_goal, 2, "")]
        )
    with pytest.raises(ValidationError) as out_of_scale:
        services.review_record(actor=cast.caseworker, plan=plan, narrative="x", overall_rating=6)

    assert "overall_rating" in unrated.value.message_dict
    assert "goal_ratings" in foreign.value.message_dict
    assert "overall_rating" in out_of_scale.value.message_dict


def test_an_outsider_cannot_plan_and_a_closed_case_takes_no_new_goals(cast, planned):
    case, _, _ = planned

    with pytest.raises(PermissionDenied):
        goal_for(cast.outsider, case)
    Case.objects.filter(pk=case.pk).update(status=Case.Status.CLOSED, closing_reason="goals_met")
    case.refresh_from_db()
    with pytest.raises(ValidationError, match="closed"):
        goal_for(cast.caseworker, case)


# Pages ---------------------------------------------------------------------------------------


def test_a_worker_starts_a_plan_and_adds_a_goal_on_a_need_through_the_pages(cast):
    case, need = case_with_need(cast.caseworker)
    client = client_for(cast.caseworker)

    started = client.post(
        reverse("casework:plan_edit", kwargs={"case_pk": case.pk}),
        {"summary": "Back to work by summer.", "next_review_on": ""},
    )
    added = client.post(
        reverse("casework:goal_create", kwargs={"case_pk": case.pk}),
        {
            "description": "Find steady work",
            "measure": "Applications per week",
            "target": "3",
            "target_date": (today() + dt.timedelta(days=60)).isoformat(),
            "needs": [need.pk],
        },
    )
    page = client.get(reverse("casework:plan_detail", kwargs={"case_pk": case.pk})).content.decode()

    assert started.status_code == 302 and added.status_code == 302
    assert "Back to work by summer." in page
    assert "Find steady work" in page and need.need.label in page
    assert "Revision 2" in page and "Goal added: Find steady work" in page


def test_the_goal_form_shows_missing_fields_by_the_field(cast):
    case, _ = case_with_need(cast.caseworker)
    plan_for(cast.caseworker, case)

    response = client_for(cast.caseworker).post(
        reverse("casework:goal_create", kwargs={"case_pk": case.pk}), {"description": "Work"}
    )

    assert response.status_code == 200
    assert 'id="id_measure_error"' in response.content.decode()
    assert 'id="id_target_date_error"' in response.content.decode()


def test_a_stale_goal_edit_in_the_page_is_refused_with_a_conflict_message(cast, planned):
    case, _, _ = planned
    goal = goal_for(cast.caseworker, case)
    services.goal_update(actor=cast.teammate, goal=goal, version=1, changes={"target": "7"}, reason="Review")

    response = client_for(cast.caseworker).post(
        reverse("casework:goal_edit", kwargs={"pk": goal.pk}),
        {
            "description": goal.description,
            "measure": goal.measure,
            "target": "4",
            "target_date": goal.target_date.isoformat(),
            "status": "active",
            "reason": "Mine",
            "version": 1,
        },
    )

    assert response.status_code == 409
    assert "Someone else changed this record" in response.content.decode()
    goal.refresh_from_db()
    assert goal.target == "7"


def test_an_earlier_revision_shows_the_plan_as_it_was(cast, planned):
    case, _, plan = planned
    goal = goal_for(cast.caseworker, case, target="3")
    services.goal_update(actor=cast.caseworker, goal=goal, version=1, changes={"target": "8"}, reason="More")

    page = client_for(cast.caseworker).get(
        reverse("casework:revision_detail", kwargs={"case_pk": case.pk, "number": 2})
    )

    assert page.status_code == 200
    assert "<strong>3</strong>" in page.content.decode()
    assert "<strong>8</strong>" not in page.content.decode()


def test_every_open_of_a_plan_is_audited(cast, planned):
    case, _, plan = planned

    client_for(cast.teammate).get(reverse("casework:plan_detail", kwargs={"case_pk": case.pk}))

    entry = AuditEntry.objects.filter(action="view", object_type="casework.careplan").get()
    assert (entry.actor, entry.object_id, entry.person_id) == (cast.teammate, str(plan.pk), case.person_id)


def test_a_case_without_a_plan_sends_the_worker_to_start_one(cast):
    case = open_case(cast.caseworker)

    response = client_for(cast.caseworker).get(reverse("casework:plan_detail", kwargs={"case_pk": case.pk}))

    assert response.status_code == 302
    assert response["Location"] == reverse("casework:plan_edit", kwargs={"case_pk": case.pk})


def test_needs_unused_by_goals_still_list_on_the_goal_form(cast):
    case, need = case_with_need(cast.caseworker)
    CaseNeed.objects.create(case=case, need=Need.objects.order_by("pk")[1])
    plan_for(cast.caseworker, case)

    page = client_for(cast.caseworker).get(reverse("casework:goal_create", kwargs={"case_pk": case.pk}))

    assert page.content.decode().count('name="needs"') == 2
    assert PlanRevision.objects.count() == 1
