"""The cases API: list, open, read (audited), change with a version, hold, reopen and close."""

from __future__ import annotations

import pytest

from tapestry.access.models import AuditEntry, Segment
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.tests.support import add_need, api_client
from tapestry.programs.models import Program
from tapestry.testing import HouseholdFactory, PersonFactory, add_member, assign, grant, open_case

pytestmark = pytest.mark.django_db


def numbers(response) -> set[str]:
    return {item["number"] for item in response.json()["items"]}


def client_of(user):
    person = PersonFactory()
    assign(user, person)
    return person


# Listing ------------------------------------------------------------------------------------


def test_list_holds_the_teams_cases_but_not_an_outsiders(cast):
    mine, teams, outsiders = open_case(cast.caseworker), open_case(cast.teammate), open_case(cast.outsider)

    response = api_client(cast.caseworker).get("/api/v1/cases")

    assert response.status_code == 200
    assert numbers(response) == {mine.number, teams.number}
    assert outsiders.number not in numbers(response)
    assert response.json()["count"] == 2


def test_list_filters_by_status_type_person_and_mine(cast):
    mine = open_case(cast.caseworker, case_type="counselling")
    closed = open_case(cast.caseworker, person=mine.person, status="closed", closing_reason="moved")
    teams = open_case(cast.teammate)
    client = api_client(cast.caseworker)

    assert numbers(client.get("/api/v1/cases?status=closed")) == {closed.number}
    assert numbers(client.get("/api/v1/cases?case_type=counselling")) == {mine.number}
    assert numbers(client.get(f"/api/v1/cases?person_id={mine.person_id}")) == {mine.number, closed.number}
    assert teams.number not in numbers(client.get("/api/v1/cases?mine=true"))


def test_an_unknown_status_filter_is_a_field_error(cast):
    response = api_client(cast.caseworker).get("/api/v1/cases?status=finished")

    assert response.status_code == 422
    assert "status" in response.json()["errors"]


def test_list_leaves_out_segments_not_granted(cast):
    general = open_case(cast.caseworker)
    school = open_case(cast.caseworker, person=general.person, case_type="school", segment=Segment.SCHOOL)

    assert numbers(api_client(cast.caseworker).get("/api/v1/cases")) == {general.number}
    grant(cast.caseworker, Segment.SCHOOL)
    assert numbers(api_client(cast.caseworker).get("/api/v1/cases")) == {general.number, school.number}


# Opening ------------------------------------------------------------------------------------


def test_open_a_case_with_defaults(cast):
    person = client_of(cast.caseworker)
    program = Program.objects.create(name="Housing Stability")

    response = api_client(cast.caseworker).post(
        "/api/v1/cases",
        {
            "person_id": person.pk,
            "case_type": "case_management",
            "presenting_problem": "Eviction notice for arrears.",
            "program_id": program.pk,
        },
        content_type="application/json",
    )

    body = response.json()
    assert response.status_code == 201
    assert body["person"] == {"id": person.pk, "name": person.display_name}
    assert body["worker"]["id"] == cast.caseworker.pk
    assert (body["status"], body["segment"], body["program"]["name"]) == ("open", "", "Housing Stability")
    assert body["needs"] == []
    assert Case.objects.filter(pk=body["id"]).exists()


def test_open_a_school_case_without_the_school_grant_is_refused(cast):
    person = client_of(cast.caseworker)

    response = api_client(cast.caseworker).post(
        "/api/v1/cases",
        {"person_id": person.pk, "case_type": "school", "presenting_problem": "Truancy."},
        content_type="application/json",
    )

    assert response.status_code == 403
    assert not Case.objects.exists()


def test_open_with_missing_fields_names_each_one(cast):
    response = api_client(cast.caseworker).post("/api/v1/cases", {}, content_type="application/json")

    assert response.status_code == 422
    assert {"person_id", "case_type", "presenting_problem"} <= set(response.json()["errors"])


def test_open_with_a_household_the_person_is_not_in_is_a_rule_error(cast):
    person = client_of(cast.caseworker)
    household = HouseholdFactory()
    add_member(household, PersonFactory())

    response = api_client(cast.caseworker).post(
        "/api/v1/cases",
        {
            "person_id": person.pk,
            "case_type": "family_therapy",
            "presenting_problem": "Conflict at home.",
            "household_id": household.pk,
        },
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["errors"] == {"household_id": ["Choose a household this person lives in."]}


def test_open_for_an_unknown_person_is_an_error_on_that_field(cast):
    response = api_client(cast.caseworker).post(
        "/api/v1/cases",
        {"person_id": 999999, "case_type": "crisis", "presenting_problem": "Call at night."},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "person_id" in response.json()["errors"]


# Reading ------------------------------------------------------------------------------------


def test_read_a_case_with_its_needs_and_history_is_audited(cast):
    case = open_case(cast.caseworker)
    add_need(case, "unemployment")

    response = api_client(cast.caseworker).get(f"/api/v1/cases/{case.pk}")

    body = response.json()
    assert response.status_code == 200
    assert body["needs"][0]["need"] == {
        "code": "unemployment",
        "label": "Unemployment",
        "domain": "employment",
        "icd10": "Z56.0",
    }
    assert body["needs"][0]["history"][0]["status"] == "identified"
    assert AuditEntry.objects.filter(action="view", object_type="cases.case", object_id=str(case.pk)).exists()


def test_a_school_case_of_my_own_client_is_refused_without_the_grant(cast):
    case = open_case(cast.caseworker, case_type="school", segment=Segment.SCHOOL)

    response = api_client(cast.caseworker).get(f"/api/v1/cases/{case.pk}")

    assert response.status_code == 403
    assert "segment" in response.json()["detail"]


def test_unknown_and_unreachable_cases(cast):
    outsiders = open_case(cast.outsider)
    client = api_client(cast.caseworker)

    assert client.get("/api/v1/cases/999999").status_code == 404
    assert client.get(f"/api/v1/cases/{outsiders.pk}").status_code == 403


# Changing -----------------------------------------------------------------------------------


def test_patch_changes_only_what_is_sent(cast):
    case = open_case(cast.caseworker, referral_source="Self")

    response = api_client(cast.caseworker).patch(
        f"/api/v1/cases/{case.pk}",
        {"version": 1, "presenting_problem": "Now also food insecurity.", "worker_id": cast.teammate.pk},
        content_type="application/json",
    )

    body = response.json()
    assert response.status_code == 200
    assert body["presenting_problem"] == "Now also food insecurity."
    assert body["worker"]["id"] == cast.teammate.pk
    assert (body["referral_source"], body["version"]) == ("Self", 2)


def test_a_stale_patch_is_a_conflict(cast):
    case = open_case(cast.caseworker)
    client = api_client(cast.caseworker)
    client.patch(
        f"/api/v1/cases/{case.pk}", {"version": 1, "referral_source": "GP"}, content_type="application/json"
    )

    response = client.patch(
        f"/api/v1/cases/{case.pk}",
        {"version": 1, "referral_source": "School"},
        content_type="application/json",
    )

    case.refresh_from_db()
    assert response.status_code == 409
    assert response.json()["errors"] == {"version": ["The current version is 2."]}
    assert case.referral_source == "GP"


def test_patch_status_puts_on_hold_and_reopens(cast):
    case = open_case(cast.caseworker)
    client = api_client(cast.caseworker)

    held = client.patch(
        f"/api/v1/cases/{case.pk}",
        {"version": 1, "status": "on_hold", "hold_reason": "In hospital"},
        content_type="application/json",
    ).json()
    reopened = client.patch(
        f"/api/v1/cases/{case.pk}",
        {"version": held["version"], "status": "open"},
        content_type="application/json",
    ).json()

    assert (held["status"], held["hold_reason"]) == ("on_hold", "In hospital")
    assert (reopened["status"], reopened["on_hold_since"]) == ("open", None)


def test_patch_cannot_close_and_refuses_unknown_fields(cast):
    case = open_case(cast.caseworker)
    client = api_client(cast.caseworker)

    closing = client.patch(
        f"/api/v1/cases/{case.pk}", {"version": 1, "status": "closed"}, content_type="application/json"
    )
    unknown = client.patch(
        f"/api/v1/cases/{case.pk}", {"version": 1, "segment": ""}, content_type="application/json"
    )

    assert closing.status_code == 422
    assert unknown.status_code == 422


def test_close_with_a_reason(cast):
    case = open_case(cast.caseworker)

    response = api_client(cast.caseworker).post(
        f"/api/v1/cases/{case.pk}/close",
        {"version": 1, "reason": "goals_met", "note": "Rehoused"},
        content_type="application/json",
    )

    body = response.json()
    assert response.status_code == 200
    assert (body["status"], body["closing_reason"], body["closing_note"]) == (
        "closed",
        "goals_met",
        "Rehoused",
    )
    assert body["closed_on"] is not None


def test_close_twice_and_close_stale(cast):
    case = open_case(cast.caseworker)
    client = api_client(cast.caseworker)
    client.post(
        f"/api/v1/cases/{case.pk}/close", {"version": 1, "reason": "moved"}, content_type="application/json"
    )

    again = client.post(
        f"/api/v1/cases/{case.pk}/close", {"version": 2, "reason": "moved"}, content_type="application/json"
    )
    other = open_case(cast.caseworker)
    client.patch(
        f"/api/v1/cases/{other.pk}", {"version": 1, "referral_source": "GP"}, content_type="application/json"
    )
    stale = client.post(
        f"/api/v1/cases/{other.pk}/close", {"version": 1, "reason": "moved"}, content_type="application/json"
    )

    assert again.status_code == 400
    assert again.json()["errors"] == {"status": ["This case is already closed."]}
    assert stale.status_code == 409


def test_an_outsider_cannot_change_or_close(cast):
    case = open_case(cast.caseworker)
    client = api_client(cast.outsider)

    assert (
        client.patch(f"/api/v1/cases/{case.pk}", {"version": 1}, content_type="application/json").status_code
        == 403
    )
    closing = client.post(
        f"/api/v1/cases/{case.pk}/close", {"version": 1, "reason": "moved"}, content_type="application/json"
    )
    assert closing.status_code == 403


def test_roles_without_a_caseload_are_refused(cast):
    open_case(cast.caseworker)

    response = api_client(cast["evaluator"]).get("/api/v1/cases")

    assert response.status_code == 403


def test_open_a_general_case_in_a_granted_segment(cast):
    grant(cast.caseworker, Segment.SUBSTANCE_USE)
    person = client_of(cast.caseworker)

    response = api_client(cast.caseworker).post(
        "/api/v1/cases",
        {
            "person_id": person.pk,
            "case_type": "counselling",
            "presenting_problem": "Drinking to cope with night shifts.",
            "segment": "substance_use",
        },
        content_type="application/json",
    )

    assert response.status_code == 201
    assert response.json()["segment"] == "substance_use"


def test_a_case_cannot_be_put_in_the_psychotherapy_notes_segment(cast):
    grant(cast.caseworker, Segment.PSYCHOTHERAPY)
    person = client_of(cast.caseworker)

    response = api_client(cast.caseworker).post(
        "/api/v1/cases",
        {
            "person_id": person.pk,
            "case_type": "counselling",
            "presenting_problem": "Low mood.",
            "segment": "psychotherapy",
        },
        content_type="application/json",
    )

    assert response.status_code == 422
    assert "segment" in response.json()["errors"]
