"""Reading cases: the case page (audited), its links to every area, a person's cases and the case list."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import AuditEntry, BreakGlass, Segment
from tapestry.micro.cases import views
from tapestry.micro.cases.tests.support import add_need, barrier
from tapestry.testing import PersonFactory, client_for, grant, open_case

pytestmark = pytest.mark.django_db


def test_case_page_shows_the_facts_and_needs_with_their_codes_and_history(cast):
    case = open_case(cast.caseworker, presenting_problem="Lost her job at the plant.", referral_source="Self")
    add_need(case, "unemployment")
    stuck = add_need(case, "food-insecurity", status="unmet", barrier=barrier("waitlist"))

    page = client_for(cast.caseworker).get(reverse("cases:case_detail", args=[case.pk])).content.decode()

    assert f"Case {case.number}" in page
    assert "Lost her job at the plant." in page
    assert "Unemployment" in page and "Z56.0" in page
    assert "Barrier: Waiting list too long" in page
    assert reverse("cases:need_status", args=[stuck.pk]) in page


def test_opening_a_case_is_audited(cast):
    case = open_case(cast.caseworker)

    client_for(cast.caseworker).get(reverse("cases:case_detail", args=[case.pk]))

    entry = AuditEntry.objects.filter(action="view", object_type="cases.case").latest("id")
    assert (entry.object_id, entry.person_id, entry.actor) == (str(case.pk), case.person_id, cast.caseworker)


def test_work_on_this_case_links_only_the_areas_that_exist(cast, monkeypatch):
    case = open_case(cast.caseworker)
    monkeypatch.setattr(
        views,
        "CASE_AREAS",
        (("Needs here", "cases:need_add", None), ("Not built yet", "nowhere:case_index", None)),
    )

    page = client_for(cast.caseworker).get(reverse("cases:case_detail", args=[case.pk])).content.decode()

    assert "Everything on this case" in page
    assert f'href="{reverse("cases:need_add", kwargs={"case_pk": case.pk})}">Needs here' in page
    assert "Not built yet" not in page


def test_areas_of_another_kind_of_case_are_not_offered(cast):
    case = open_case(cast.caseworker, case_type="case_management")

    page = client_for(cast.caseworker).get(reverse("cases:case_detail", args=[case.pk])).content.decode()

    assert "Plans, notes and services" in page
    assert "Child welfare" not in page
    assert "School</a>" not in page


def test_a_teammate_may_read_and_an_outsider_may_not(cast):
    case = open_case(cast.caseworker)

    assert client_for(cast.teammate).get(reverse("cases:case_detail", args=[case.pk])).status_code == 200
    assert client_for(cast.outsider).get(reverse("cases:case_detail", args=[case.pk])).status_code == 403


def test_an_unknown_case_is_not_found(cast):
    assert client_for(cast.caseworker).get(reverse("cases:case_detail", args=[999999])).status_code == 404


def test_emergency_access_reads_the_case_without_changing_it(cast):
    case = open_case(cast.caseworker)
    BreakGlass.objects.create(
        user=cast.outsider,
        person=case.person,
        reason="Police welfare check",
        expires_at=timezone.now() + timedelta(hours=1),
    )
    client = client_for(cast.outsider)

    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()

    assert "Presenting problem" in page
    assert reverse("cases:case_edit", args=[case.pk]) not in page
    assert client.get(reverse("cases:case_edit", args=[case.pk])).status_code == 403


def test_a_school_case_is_closed_to_a_worker_without_the_school_grant_even_for_their_own_client(cast):
    case = open_case(cast.caseworker, case_type="school", segment=Segment.SCHOOL)
    client = client_for(cast.caseworker)

    refused = client.get(reverse("cases:case_detail", args=[case.pk]))
    grant(cast.caseworker, Segment.SCHOOL)
    allowed = client.get(reverse("cases:case_detail", args=[case.pk]))

    assert refused.status_code == 403
    assert allowed.status_code == 200


def test_a_persons_cases_leave_out_segments_you_are_not_granted_without_a_trace(cast):
    general = open_case(cast.caseworker)
    hidden = open_case(
        cast.caseworker, person=general.person, case_type="substance_use", segment=Segment.SUBSTANCE_USE
    )

    page = (
        client_for(cast.caseworker)
        .get(reverse("cases:person_cases", args=[general.person_id]))
        .content.decode()
    )

    assert general.number in page
    assert hidden.number not in page
    assert "Substance" not in page
    assert reverse("cases:case_open_for", args=[general.person_id]) in page


def test_a_persons_cases_are_refused_outside_the_caseload(cast):
    case = open_case(cast.outsider)

    assert (
        client_for(cast.caseworker).get(reverse("cases:person_cases", args=[case.person_id])).status_code
        == 403
    )
    assert client_for(cast.caseworker).get(reverse("cases:person_cases", args=[999999])).status_code == 404


def test_case_list_holds_the_teams_cases_and_filters_by_status_and_type(cast):
    mine = open_case(cast.caseworker, case_type="counselling")
    teams = open_case(cast.teammate)
    closed = open_case(cast.caseworker, status="closed", closing_reason="goals_met")
    outsiders = open_case(cast.outsider)
    client = client_for(cast.caseworker)

    default = client.get(reverse("cases:case_list")).content.decode()
    everything = client.get(reverse("cases:case_list"), {"status": "all"}).content.decode()
    counselling = client.get(reverse("cases:case_list"), {"type": "counselling"}).content.decode()

    assert mine.number in default and teams.number in default
    assert closed.number not in default and closed.number in everything
    assert outsiders.number not in everything
    assert mine.number in counselling and teams.number not in counselling


def test_case_list_reads_are_audited(cast):
    open_case(cast.caseworker)

    client_for(cast.caseworker).get(reverse("cases:case_list"))

    assert AuditEntry.objects.filter(action="view", object_type="cases.case", purpose="case list").exists()


def test_case_for_another_person_in_the_caseload_is_listed_under_them_only(cast):
    first, second = open_case(cast.caseworker), open_case(cast.caseworker, person=PersonFactory())

    page = (
        client_for(cast.caseworker)
        .get(reverse("cases:person_cases", args=[first.person_id]))
        .content.decode()
    )

    assert first.number in page and second.number not in page
