"""The cohorts API: cohorts, members, bulk actions with a result per member, and progress; clear 4xx bodies."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tapestry.mezzo.cohorts.models import Cohort, CohortAction, CohortMember
from tapestry.mezzo.cohorts.tests.helpers import a_case, a_cohort, with_plan
from tapestry.micro.casework.models import Task
from tapestry.micro.referrals.tests.helpers import consent, directory_service
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def in_a_month():
    """Read when used, not when the module is imported: a run that passes midnight sees one day."""
    return (timezone.localdate() + dt.timedelta(days=30)).isoformat()


def post(client, path, body):
    return client.post(path, body, content_type="application/json")


def test_create_list_open_and_change_a_cohort(cast):
    client = client_for(cast.caseworker)

    created = post(client, "/api/v1/cohorts", {"name": "Recovery cafe", "situation": "recovery"})
    assert created.status_code == 201
    body = created.json()
    assert (body["name"], body["lead"]["id"], body["status"], body["members_seen"]) == (
        "Recovery cafe",
        cast.caseworker.pk,
        "open",
        0,
    )
    cohort_id = body["id"]

    assert client.get("/api/v1/cohorts").json()["items"][0]["id"] == cohort_id
    assert client.get(f"/api/v1/cohorts/{cohort_id}").json()["members"] == []

    changed = client.patch(
        f"/api/v1/cohorts/{cohort_id}", {"version": 1, "status": "closed"}, content_type="application/json"
    )
    assert changed.status_code == 200 and changed.json()["status"] == "closed"
    stale = client.patch(
        f"/api/v1/cohorts/{cohort_id}", {"version": 1, "name": "Other"}, content_type="application/json"
    )
    assert stale.status_code == 409
    assert stale.json()["errors"] == {"version": ["The current version is 2."]}


def test_bad_input_is_answered_with_the_field_at_fault(cast):
    client = client_for(cast.caseworker)

    unknown_situation = post(client, "/api/v1/cohorts", {"name": "X", "situation": "elsewhere"})
    no_program = post(client, "/api/v1/cohorts", {"name": "X", "situation": "other", "program_id": 999})

    assert unknown_situation.status_code == 422 and "situation" in unknown_situation.json()["errors"]
    assert no_program.status_code == 400
    assert no_program.json()["errors"] == {
        "program_id": ["There is no program with this number; see GET /programs."]
    }
    assert not Cohort.objects.exists()


def test_members_are_added_once_listed_and_taken_out(cast):
    case = a_case(cast.caseworker)
    cohort = a_cohort(cast.caseworker)
    client = client_for(cast.caseworker)
    path = f"/api/v1/cohorts/{cohort.pk}/members"

    added = post(client, path, {"case_id": case.pk})
    again = post(client, path, {"case_id": case.pk})
    theirs = post(client, path, {"case_id": a_case(cast.outsider).pk})

    assert added.status_code == 201 and added.json()["case_number"] == case.number
    assert again.status_code == 400
    assert again.json()["errors"] == {"case_id": [f"Case {case.number} is already in this cohort."]}
    assert theirs.status_code == 400 and "outside your caseload" in theirs.json()["errors"]["case_id"][0]
    assert [m["case_id"] for m in client.get(path).json()["items"]] == [case.pk]

    member_id = added.json()["id"]
    removed = client.delete(f"{path}/{member_id}")
    assert removed.status_code == 200 and removed.json()["removed_on"] == timezone.localdate().isoformat()
    assert client.get(path).json()["count"] == 0
    assert CohortMember.objects.filter(pk=member_id).exists()
    assert client.delete(f"{path}/{member_id}").status_code == 400


def test_an_action_returns_a_result_for_every_member(cast):
    planned = with_plan(a_case(cast.caseworker))
    unplanned = a_case(cast.caseworker)
    cohort = a_cohort(cast.caseworker, [planned, unplanned])

    response = post(
        client_for(cast.caseworker),
        f"/api/v1/cohorts/{cohort.pk}/actions",
        {
            "kind": "goal",
            "description": "Register with a family doctor",
            "measure": "Registered",
            "target": "Yes",
            "target_date": in_a_month(),
        },
    )

    assert response.status_code == 200
    body = response.json()
    assert (body["kind"], body["done"], body["skipped"]) == ("goal", 1, 1)
    results = {r["case_id"]: r for r in body["results"]}
    assert {case_id: (r["outcome"], r["reason"]) for case_id, r in results.items()} == {
        planned.pk: ("done", ""),
        unplanned.pk: ("skipped", "no care plan"),
    }
    assert results[planned.pk]["record_id"] is not None


def test_an_action_on_chosen_members_and_a_referral_without_consent(cast):
    consenting, silent, left_out = (a_case(cast.caseworker) for _ in range(3))
    consent(consenting.person)
    cohort = a_cohort(cast.caseworker, [consenting, silent, left_out])
    chosen = list(CohortMember.objects.filter(case__in=[consenting, silent]).values_list("pk", flat=True))

    body = post(
        client_for(cast.caseworker),
        f"/api/v1/cohorts/{cohort.pk}/actions",
        {
            "kind": "referral",
            "service_id": directory_service().pk,
            "reason": "Please help.",
            "member_ids": chosen,
        },
    ).json()

    assert {r["case_id"]: (r["outcome"], r["reason"]) for r in body["results"]} == {
        consenting.pk: ("done", "sent"),
        silent.pk: ("skipped", "no consent for referral on file"),
    }


def test_an_action_missing_its_fields_or_naming_strangers_is_refused(cast):
    cohort = a_cohort(cast.caseworker, [a_case(cast.caseworker)])
    client = client_for(cast.caseworker)
    path = f"/api/v1/cohorts/{cohort.pk}/actions"

    missing = post(client, path, {"kind": "task", "title": "Book orientation"})
    strangers = post(
        client, path, {"kind": "task", "title": "Call", "due_on": in_a_month(), "member_ids": [98765]}
    )
    no_kind = post(client, path, {})

    assert missing.status_code == 400
    assert missing.json()["errors"] == {"due_on": ["Needed for a shared task."]}
    assert strangers.status_code == 400
    assert strangers.json()["errors"] == {"member_ids": ["Not current members of this cohort: 98765."]}
    assert no_kind.status_code == 422 and "kind" in no_kind.json()["errors"]
    assert not Task.objects.exists() and not CohortAction.objects.exists()


def test_outsiders_and_program_managers_are_kept_out(cast):
    cohort = a_cohort(cast.caseworker, [a_case(cast.caseworker)])
    path = f"/api/v1/cohorts/{cohort.pk}"

    outsider = client_for(cast.outsider).get(path)
    manager = client_for(cast["program_manager"]).get(path)
    acting = post(client_for(cast.outsider), f"{path}/actions", {"kind": "note", "text": "x"})

    assert (
        outsider.status_code == 404 and outsider.json()["detail"] == "No cohort with this number among yours."
    )
    assert manager.status_code == 403
    assert acting.status_code == 404
