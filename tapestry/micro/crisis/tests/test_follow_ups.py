"""Urgent follow-ups: short deadlines, an owner who works with the client, an outcome when done."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django_tasks import default_task_backend

from tapestry.micro.crisis.models import FollowUp
from tapestry.micro.crisis.services import ESCALATION_GRACE, follow_up_complete, follow_up_set
from tapestry.micro.crisis.tests.factories import assess, crisis_case, follow_up
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_a_worker_sets_a_follow_up_due_within_24_hours(cast):
    case = crisis_case(cast.caseworker)
    assessment = assess(cast.caseworker, case, suicide="high")
    url = reverse("crisis:follow_up_new", kwargs={"case_pk": case.pk}) + f"?risk_assessment={assessment.pk}"
    before = timezone.now()

    response = client_for(cast.caseworker).post(
        url, {"title": "Call back", "details": "", "due_within": "24", "owner": cast.teammate.pk}, follow=True
    )

    made = FollowUp.objects.get(case=case)
    assert made.owner == cast.teammate
    assert made.risk_assessment == assessment
    assert before + timedelta(hours=24) <= made.due_at <= timezone.now() + timedelta(hours=24)
    assert "Follow-up set: Call back" in response.content.decode()


def test_a_chosen_time_must_be_given_when_asked_for(cast):
    case = crisis_case(cast.caseworker)

    response = client_for(cast.caseworker).post(
        reverse("crisis:follow_up_new", kwargs={"case_pk": case.pk}),
        {"title": "Call back", "due_within": "custom", "owner": cast.caseworker.pk},
    )

    assert response.context["form"].errors["due_at"] == ["Choose the date and time it is due."]


def test_a_deadline_more_than_a_week_away_is_not_urgent(cast):
    case = crisis_case(cast.caseworker)
    later = (timezone.localtime() + timedelta(days=9)).strftime("%Y-%m-%dT%H:%M")

    response = client_for(cast.caseworker).post(
        reverse("crisis:follow_up_new", kwargs={"case_pk": case.pk}),
        {"title": "Call back", "due_within": "custom", "due_at": later, "owner": cast.caseworker.pk},
    )

    assert response.context["form"].errors["due_at"] == [
        "An urgent follow-up is due within 7 days; use a care-plan task for later work."
    ]


def test_a_deadline_in_the_past_is_refused(cast):
    case = crisis_case(cast.caseworker)

    with pytest.raises(ValidationError) as refused:
        follow_up_set(
            actor=cast.caseworker, case=case, title="Call", due_at=timezone.now() - timedelta(hours=1)
        )

    assert refused.value.message_dict == {"due_at": ["The deadline must be later than now."]}


def test_the_owner_must_work_with_the_client(cast):
    case = crisis_case(cast.caseworker)

    with pytest.raises(ValidationError) as refused:
        follow_up(cast.caseworker, case, owner=cast.outsider)

    assert refused.value.message_dict == {"owner_id": ["Choose someone who works with this client."]}


def test_marking_done_records_the_outcome_and_who_did_it(cast):
    case = crisis_case(cast.caseworker)
    task = follow_up(cast.caseworker, case)

    response = client_for(cast.teammate).post(
        reverse("crisis:follow_up_complete", args=[task.pk]),
        {"outcome": "Spoke to her; she is safe."},
        follow=True,
    )

    task.refresh_from_db()
    assert task.done_by == cast.teammate
    assert task.outcome == "Spoke to her; she is safe."
    assert task.status() == "done"
    assert "Spoke to her; she is safe." in response.content.decode()


def test_an_outcome_is_required_and_done_is_done_once(cast):
    case = crisis_case(cast.caseworker)
    task = follow_up(cast.caseworker, case)
    url = reverse("crisis:follow_up_complete", args=[task.pk])

    empty = client_for(cast.caseworker).post(url, {"outcome": " "})
    follow_up_complete(actor=cast.caseworker, follow_up=task, outcome="Reached her.")
    with pytest.raises(ValidationError) as again:
        follow_up_complete(actor=cast.caseworker, follow_up=task, outcome="Twice.")

    assert empty.context["form"].errors["outcome"] == ["This field is required."]
    assert again.value.messages == ["This follow-up is already done."]


def test_an_outsider_cannot_complete_it(cast):
    case = crisis_case(cast.caseworker)
    task = follow_up(cast.caseworker, case)

    response = client_for(cast.outsider).post(
        reverse("crisis:follow_up_complete", args=[task.pk]), {"outcome": "x"}
    )

    assert response.status_code == 403
    task.refresh_from_db()
    assert task.done_at is None


def test_a_backend_that_can_defer_gets_a_check_just_after_the_deadline(
    cast, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    case = crisis_case(cast.caseworker)

    with django_capture_on_commit_callbacks(execute=True):
        task = follow_up(cast.caseworker, case, hours=4)

    queued = default_task_backend.results
    assert [result.task.name for result in queued] == ["escalate_overdue_followups"]
    assert queued[0].task.run_after == task.due_at + ESCALATION_GRACE


def test_a_backend_that_cannot_defer_is_not_asked_to(cast, django_capture_on_commit_callbacks):
    # The immediate backend refuses run_after (InvalidTaskError); the periodic command covers it instead.
    case = crisis_case(cast.caseworker)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        follow_up(cast.caseworker, case, hours=4)

    assert len(callbacks) == 1
    assert FollowUp.objects.filter(case=case).count() == 1
