"""The caseload page: my open cases, and what every area reports (overdue tasks, reviews, risk flags)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import AuditEntry, Segment
from tapestry.micro.cases import caseload as cases_caseload
from tapestry.micro.cases import selectors
from tapestry.micro.cases.hooks import CaseloadAlert
from tapestry.micro.cases.tests.support import add_need
from tapestry.testing import client_for, open_case

pytestmark = pytest.mark.django_db


def provider(*alerts: CaseloadAlert) -> SimpleNamespace:
    return SimpleNamespace(caseload_alerts=lambda *, user: list(alerts))


def test_my_open_cases_are_mine_and_open_only(cast):
    mine = open_case(cast.caseworker)
    closed = open_case(cast.caseworker, status="closed", closing_reason="moved")
    teams = open_case(cast.teammate)

    page = client_for(cast.caseworker).get(reverse("cases:caseload")).content.decode()

    assert mine.number in page and mine.person.display_name in page
    assert closed.number not in page
    assert teams.number not in page


def test_open_cases_count_the_needs_not_yet_met(cast):
    case = open_case(cast.caseworker)
    add_need(case, "unemployment")
    add_need(case, "food-insecurity", status="met")

    cases = client_for(cast.caseworker).get(reverse("cases:caseload")).context["open_cases"]

    assert [(c.pk, c.open_needs) for c in cases] == [(case.pk, 1)]


def test_a_case_in_a_segment_not_granted_stays_off_even_my_caseload(cast):
    hidden = open_case(cast.caseworker, case_type="school", segment=Segment.SCHOOL)

    page = client_for(cast.caseworker).get(reverse("cases:caseload")).content.decode()

    assert hidden.number not in page


def test_alerts_from_every_area_are_grouped_by_kind(cast, monkeypatch):
    today = timezone.localdate()
    task = CaseloadAlert("overdue_task", today - dt.timedelta(days=3), "Call the landlord", "Ana Silva")
    older = CaseloadAlert("overdue_task", today - dt.timedelta(days=9), "Send the benefits form", "Ana Silva")
    review = CaseloadAlert(
        "upcoming_review", today + dt.timedelta(days=2), "Plan review", "Ben Ode", url="/x/"
    )
    flag = CaseloadAlert("risk_flag", timezone.now(), "PHQ-9 item 9 positive", "Ben Ode")
    monkeypatch.setattr(
        selectors, "app_modules", lambda name: (provider(task, review), provider(flag, older))
    )

    response = client_for(cast.caseworker).get(reverse("cases:caseload"))

    sections = {kind: (heading, alerts) for kind, heading, alerts in response.context["sections"]}
    assert sections["overdue_task"] == ("Overdue tasks", [older, task])
    assert sections["upcoming_review"] == ("Upcoming reviews", [review])
    assert sections["risk_flag"] == ("Recent risk flags", [flag])
    assert '<a href="/x/">Plan review</a>' in response.content.decode()


def test_the_three_standard_sections_show_even_when_empty(cast, monkeypatch):
    monkeypatch.setattr(selectors, "app_modules", lambda name: ())

    page = client_for(cast.caseworker).get(reverse("cases:caseload")).content.decode()

    for heading in ("Overdue tasks", "Upcoming reviews", "Recent risk flags"):
        assert heading in page


def test_cases_on_hold_for_more_than_30_days_are_flagged(cast):
    today = timezone.localdate()
    long_held = open_case(
        cast.caseworker,
        status="on_hold",
        on_hold_since=today - dt.timedelta(days=31),
        hold_reason="Travelling",
    )
    recent = open_case(cast.caseworker, status="on_hold", on_hold_since=today - dt.timedelta(days=30))

    alerts = cases_caseload.caseload_alerts(user=cast.caseworker)
    page = client_for(cast.caseworker).get(reverse("cases:caseload")).content.decode()

    assert [alert.case_id for alert in alerts] == [long_held.pk]
    assert alerts[0].title == f"{long_held.number} on hold for 31 days: Travelling"
    assert "Cases on hold for more than 30 days" in page
    assert recent.number in page  # listed among my cases on hold, not flagged


def test_reading_the_caseload_is_audited(cast):
    open_case(cast.caseworker)

    client_for(cast.caseworker).get(reverse("cases:caseload"))

    assert AuditEntry.objects.filter(
        object_type="cases.case", purpose="caseload", actor=cast.caseworker
    ).exists()


def test_the_caseload_shows_alerts_without_cases_of_my_own_and_that_read_is_audited(cast, monkeypatch):
    alert = CaseloadAlert("overdue_task", timezone.localdate(), "Call the landlord", "Ben Ode")
    monkeypatch.setattr(selectors, "app_modules", lambda name: (provider(alert),))

    page = client_for(cast.caseworker).get(reverse("cases:caseload")).content.decode()

    assert "Ben Ode" in page
    assert AuditEntry.objects.filter(purpose="caseload", actor=cast.caseworker).count() == 1


def test_an_empty_caseload_names_no_one_and_writes_no_entry(cast, monkeypatch):
    monkeypatch.setattr(selectors, "app_modules", lambda name: ())

    client_for(cast.caseworker).get(reverse("cases:caseload"))

    assert not AuditEntry.objects.filter(purpose="caseload").exists()


def test_the_micro_level_links_the_caseload_and_the_mezzo_level_the_programs(cast):
    client = client_for(cast.caseworker)

    micro = client.get(reverse("front:level", args=["micro"])).content.decode()
    mezzo = client.get(reverse("front:level", args=["mezzo"])).content.decode()

    assert reverse("cases:caseload") in micro
    assert reverse("programs:program_list") in mezzo
