"""What casework adds to the caseload page (overdue tasks, reviews due) and to a person's timeline."""

from __future__ import annotations

import datetime as dt

import pytest

from tapestry.micro.cases.models import Case
from tapestry.micro.casework import services
from tapestry.micro.casework.caseload import caseload_alerts
from tapestry.micro.casework.tests.factories import note_for, plan_for, service_for, task_for, today
from tapestry.micro.casework.timeline import timeline_events
from tapestry.testing import open_case

pytestmark = pytest.mark.django_db


def days(n: int) -> dt.date:
    return today() + dt.timedelta(days=n)


def test_overdue_tasks_are_alerts_for_their_owner_only(cast):
    case = open_case(cast.caseworker)
    task_for(cast.caseworker, case, title="Send the form", due_on=days(-1))
    task_for(cast.caseworker, case, title="Not yet due", due_on=days(2))
    task_for(cast.caseworker, case, title="Teammate's job", owner=cast.teammate, due_on=days(-3))
    done = task_for(cast.caseworker, case, title="Done late", due_on=days(-5))
    services.task_update(actor=cast.caseworker, task=done, version=1, changes={"status": "done"})

    alerts = [a for a in caseload_alerts(user=cast.caseworker) if a.kind == "overdue_task"]

    assert [(a.title, a.when, a.person_name) for a in alerts] == [
        ("Overdue task: Send the form", days(-1), case.person.display_name)
    ]
    assert alerts[0].url == f"/casework/case/{case.pk}/"


def test_tasks_due_today_and_within_the_week_are_alerts_for_their_owner(cast):
    case = open_case(cast.caseworker)
    task_for(cast.caseworker, case, title="Call today", due_on=days(0))
    task_for(cast.caseworker, case, title="Call Friday", due_on=days(7))
    task_for(cast.caseworker, case, title="Next month", due_on=days(8))
    task_for(cast.caseworker, case, title="Late", due_on=days(-1))
    task_for(cast.caseworker, case, title="Teammate's", owner=cast.teammate, due_on=days(1))

    due = [a.title for a in caseload_alerts(user=cast.caseworker) if a.kind == "due_task"]

    assert due == ["Due today: Call today", f"Due {days(7):%Y-%m-%d}: Call Friday"]


def test_reviews_due_within_fourteen_days_on_open_cases_are_alerts(cast):
    soon, far, closed = (open_case(cast.caseworker) for _ in range(3))
    plan_for(cast.caseworker, soon, next_review_on=days(10))
    plan_for(cast.caseworker, far, next_review_on=days(30))
    plan_for(cast.caseworker, closed, next_review_on=days(3))
    Case.objects.filter(pk=closed.pk).update(status=Case.Status.CLOSED, closing_reason="goals_met")

    alerts = [a for a in caseload_alerts(user=cast.caseworker) if a.kind == "upcoming_review"]

    assert [(a.case_id, a.when) for a in alerts] == [(soon.pk, days(10))]
    assert alerts[0].title == f"Care plan review due {days(10):%Y-%m-%d}"
    assert caseload_alerts(user=cast.teammate) == []


def test_the_timeline_lists_notes_by_title_reviews_and_services_without_content(cast):
    case = open_case(cast.caseworker)
    plan = plan_for(cast.caseworker, case)
    note_for(cast.caseworker, case, title="Session 3", signed=True)
    services.review_record(actor=cast.caseworker, plan=plan, narrative="Steady progress.", overall_rating=4)
    service_for(cast.caseworker, case, minutes=45, modality="phone")

    events = timeline_events(user=cast.teammate, person=case.person)

    shown = {(e.kind, e.title, e.detail) for e in events}
    assert shown == {
        ("note", "DAP note: Session 3", "signed"),
        ("review", "Care plan review", "Overall progress 4 of 5"),
        ("service", "Counselling", "45 minutes, phone"),
    }
    assert not any("Came on time" in e.title + e.detail for e in events)


def test_the_timeline_shows_nothing_to_an_outsider(cast):
    case = open_case(cast.caseworker)
    note_for(cast.caseworker, case)
    service_for(cast.caseworker, case)

    assert timeline_events(user=cast.outsider, person=case.person) == []
