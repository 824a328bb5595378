"""Permanency for a child in care: the goal with its concurrent plan, the TPR decision, the clocks shown."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tapestry.micro.child_welfare import services
from tapestry.micro.child_welfare.models import PermanencyGoal, Placement, TerminationReview
from tapestry.micro.child_welfare.tests.support import api_client, child_of, granted, removal_case
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture
def worker(cast):
    return granted(cast.caseworker)


@pytest.fixture
def placement(worker):
    case = removal_case(worker, assessed_days_ago=101)
    return services.placement_start(
        actor=worker,
        case=case,
        child=case.person,
        placement_type=Placement.Type.FOSTER,
        carer_person=child_of(worker),
        started_on=TODAY() - timedelta(days=100),
        reason="Unsafe at home.",
        legal_authority=Placement.Authority.COURT_ORDER,
        authority_on=TODAY() - timedelta(days=100),
        authority_reference="Order FC-118",
    )


def set_goal(worker, placement, **extra):
    extra.setdefault("goal", PermanencyGoal.Goal.REUNIFICATION)
    return services.permanency_goal_set(
        actor=worker,
        case=placement.case,
        child=placement.child,
        reason="Mother engaging in treatment.",
        **extra,
    )


def test_a_goal_with_a_concurrent_plan(worker, placement):
    goal = set_goal(worker, placement, concurrent_goal=PermanencyGoal.Goal.ADOPTION)

    assert str(goal) == "Permanency goal reunification with the parent(s), concurrent plan adoption"


def test_the_concurrent_plan_must_differ(worker, placement):
    with pytest.raises(ValidationError) as refused:
        set_goal(worker, placement, concurrent_goal=PermanencyGoal.Goal.REUNIFICATION)

    assert "different goal" in refused.value.message_dict["concurrent_goal"][0]


def test_appla_only_from_16(worker, placement):
    with pytest.raises(ValidationError) as refused:
        set_goal(worker, placement, goal=PermanencyGoal.Goal.APPLA)

    assert "aged 16 or over" in refused.value.message_dict["goal"][0]
    placement.child.date_of_birth = TODAY() - timedelta(days=17 * 366)
    placement.child.save()
    assert set_goal(worker, placement, goal=PermanencyGoal.Goal.APPLA).goal == "appla"


def test_a_goal_is_for_a_child_in_care(worker, placement):
    services.placement_end(actor=worker, placement=placement, version=1, ended_on=TODAY(), end_reason="Home.")

    with pytest.raises(ValidationError) as refused:
        set_goal(worker, placement)

    assert "has no current placement" in refused.value.message_dict["child"][0]


def test_the_relative_exception_needs_kinship_care(worker, placement):
    with pytest.raises(ValidationError) as refused:
        services.termination_review_record(
            actor=worker,
            case=placement.case,
            child=placement.child,
            decision=TerminationReview.Decision.RELATIVE_CARE,
            explanation="Grandmother.",
        )

    assert "cared for by a relative" in refused.value.message_dict["decision"][0]


def test_the_childs_page_shows_authority_goal_and_clocks(worker, placement):
    set_goal(worker, placement, concurrent_goal=PermanencyGoal.Goal.RELATIVE)

    page = (
        client_for(worker).get(reverse("child_welfare:case_index", args=[placement.case_id])).content.decode()
    )

    entered = placement.started_on + timedelta(days=60)
    assert "Children in care: permanency and the federal clocks" in page
    assert "Court order" in page and "Order FC-118" in page
    assert f"Entered care {entered:%Y-%m-%d} (removal + 60 days)" in page
    assert "Concurrent: Placement with a fit and willing relative" in page
    assert f"Due by {entered.replace(year=entered.year + 1):%Y-%m-%d}" in page


def test_the_goal_form_shows_errors_by_the_field(worker, placement):
    url = reverse("child_welfare:permanency_goal_create", args=[placement.case_id])
    data = {
        "child": placement.child_id,
        "goal": "adoption",
        "concurrent_goal": "adoption",
        "set_on": TODAY().isoformat(),
        "reason": "TPR granted.",
    }

    refused = client_for(worker).post(url, data)
    saved = client_for(worker).post(url, {**data, "concurrent_goal": "legal_guardianship"})

    assert 'id="id_concurrent_goal_error"' in refused.content.decode()
    assert saved.status_code == 302


def test_the_api_sets_goals_records_the_decision_and_shows_the_clocks(worker, placement):
    api = api_client(worker)
    base = f"/api/v1/cases/{placement.case_id}/child-welfare"

    bad = api.post(
        f"{base}/permanency-goals",
        {"child_id": placement.child_id, "goal": "appla", "reason": "Older youth."},
        content_type="application/json",
    )
    made = api.post(
        f"{base}/permanency-goals",
        {
            "child_id": placement.child_id,
            "goal": "reunification",
            "concurrent_goal": "adoption",
            "reason": "Plan.",
        },
        content_type="application/json",
    )
    decided = api.post(
        f"{base}/termination-reviews",
        {
            "child_id": placement.child_id,
            "decision": "compelling_reason",
            "explanation": "Reunification close.",
        },
        content_type="application/json",
    )
    clocks = api.get(f"{base}/children-in-care")

    assert bad.status_code == 400 and "goal" in bad.json()["errors"]
    assert made.status_code == 201 and made.json()["concurrent_goal"] == "adoption"
    assert decided.status_code == 201
    (child,) = clocks.json()
    assert child["legal_authority"] == "court_order"
    assert child["entered_care_on"] == (placement.started_on + timedelta(days=60)).isoformat()
    assert child["days_in_care_last_22_months"] == 40
    assert child["goal"]["goal"] == "reunification"
    assert child["termination_review"]["decision"] == "compelling_reason"
    assert child["tpr_status"] == ""
    assert api.get(f"{base}/permanency-goals").json()["count"] == 1
