"""Needs and barriers on a case: coded needs with ICD-10 codes, and their status over time."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.micro.cases.models import CaseNeed, CaseNeedChange
from tapestry.micro.cases.tests.support import add_need, barrier, need
from tapestry.testing import client_for, open_case

pytestmark = pytest.mark.django_db


def test_the_need_picker_shows_icd10_codes_grouped_by_domain(cast):
    case = open_case(cast.caseworker)

    page = client_for(cast.caseworker).get(reverse("cases:need_add", args=[case.pk])).content.decode()

    assert '<optgroup label="Housing">' in page
    assert "Food insecurity (Z59.41)" in page


def test_adding_a_need_starts_its_history_and_is_audited(cast):
    case = open_case(cast.caseworker)

    response = client_for(cast.caseworker).post(
        reverse("cases:need_add", args=[case.pk]), {"need": need("unemployment").pk, "note": "Plant closed"}
    )

    case_need = CaseNeed.objects.get(case=case)
    assert response.status_code == 302
    assert (case_need.need.code, case_need.status, case_need.note) == (
        "unemployment",
        "identified",
        "Plant closed",
    )
    assert list(case_need.changes.values_list("status", flat=True)) == ["identified"]
    assert AuditEntry.objects.filter(
        action="create", object_type="cases.caseneed", person_id=case.person_id
    ).exists()


def test_the_same_need_twice_is_refused_by_the_field(cast):
    case = open_case(cast.caseworker)
    add_need(case, "unemployment")

    response = client_for(cast.caseworker).post(
        reverse("cases:need_add", args=[case.pk]), {"need": need("unemployment").pk}
    )

    assert "already on the case" in response.context["form"].errors["need"][0]
    assert case.needs.count() == 1


def test_a_status_change_is_kept_as_history_and_audited(cast):
    case = open_case(cast.caseworker)
    case_need = add_need(case, "food-insecurity")
    client = client_for(cast.caseworker)

    client.post(
        reverse("cases:need_status", args=[case_need.pk]), {"version": 1, "status": "being_addressed"}
    )
    client.post(
        reverse("cases:need_status", args=[case_need.pk]), {"version": 2, "status": "met", "note": "Pantry"}
    )

    case_need.refresh_from_db()
    assert case_need.status == "met"
    assert list(case_need.changes.values_list("status", flat=True)) == [
        "identified",
        "being_addressed",
        "met",
    ]
    assert (
        CaseNeedChange.objects.filter(case_need=case_need, status="met").get().changed_by == cast.caseworker
    )
    assert AuditEntry.objects.filter(action="update", object_type="cases.caseneed").count() == 2


def test_unmet_requires_the_barrier_that_blocked_it(cast):
    case_need = add_need(open_case(cast.caseworker), "childcare")
    client = client_for(cast.caseworker)

    refused = client.post(
        reverse("cases:need_status", args=[case_need.pk]), {"version": 1, "status": "unmet"}
    )
    client.post(
        reverse("cases:need_status", args=[case_need.pk]),
        {"version": 1, "status": "unmet", "barrier": barrier("waitlist").pk},
    )

    case_need.refresh_from_db()
    assert "Say what stood in the way" in refused.context["form"].errors["barrier"][0]
    assert (case_need.status, case_need.barrier.code) == ("unmet", "waitlist")
    assert case_need.changes.last().barrier.code == "waitlist"


def test_a_barrier_belongs_only_to_an_unmet_need(cast):
    case_need = add_need(open_case(cast.caseworker), "childcare")

    response = client_for(cast.caseworker).post(
        reverse("cases:need_status", args=[case_need.pk]),
        {"version": 1, "status": "met", "barrier": barrier("cost").pk},
    )

    assert response.context["form"].errors["barrier"]


def test_a_stale_status_change_is_refused(cast):
    case_need = add_need(open_case(cast.caseworker), "childcare")
    client_for(cast.teammate).post(
        reverse("cases:need_status", args=[case_need.pk]), {"version": 1, "status": "being_addressed"}
    )

    response = client_for(cast.caseworker).post(
        reverse("cases:need_status", args=[case_need.pk]), {"version": 1, "status": "met"}
    )

    case_need.refresh_from_db()
    assert response.status_code == 409
    assert case_need.status == "being_addressed"


def test_a_closed_case_takes_no_new_needs(cast):
    case = open_case(cast.caseworker, status="closed", closing_reason="moved")

    response = client_for(cast.caseworker).post(
        reverse("cases:need_add", args=[case.pk]), {"need": need("unemployment").pk}
    )

    assert "Reopen it first" in response.content.decode()
    assert not case.needs.exists()


def test_needs_on_someone_elses_case_are_out_of_reach(cast):
    case_need = add_need(open_case(cast.outsider))

    response = client_for(cast.caseworker).get(reverse("cases:need_status", args=[case_need.pk]))

    assert response.status_code == 403
