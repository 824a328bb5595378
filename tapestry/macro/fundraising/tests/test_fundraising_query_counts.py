"""Fundraising pages and API run the same queries with few rows as with many. The pinned numbers
include the session, the user, the policy's checks and the audit entry of a donor read."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.macro.fundraising.tests.helpers import api_client, donor_with
from tapestry.testing import client_for, counted

pytestmark = pytest.mark.django_db

SIZES = [2, 25]
DONOR_LIST = 9
DONOR_PAGE = 11
RECURRING = 10
SUMMARY = 10
API_DONATIONS = 6


@pytest.mark.parametrize("rows", SIZES)
def test_donor_list(cast, rows, django_assert_num_queries):
    for n in range(rows):
        donor_with(2, family_name=f"Donor {n}")
    page = counted(
        client_for(cast["grants_officer"]),
        reverse("fundraising:donor_list"),
        DONOR_LIST,
        django_assert_num_queries,
    )
    assert page.content.decode().count('<td><a href="/macro/fundraising/donors/') == rows


@pytest.mark.parametrize("rows", SIZES)
def test_donor_page(cast, rows, django_assert_num_queries):
    donor = donor_with(rows)
    page = counted(
        client_for(cast["grants_officer"]),
        reverse("fundraising:donor_detail", args=[donor.pk]),
        DONOR_PAGE,
        django_assert_num_queries,
    )
    assert page.content.decode().count("Issue receipt") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_recurring_page(cast, rows, django_assert_num_queries):
    for n in range(rows):
        donor_with(1, family_name=f"Donor {n}")
    page = counted(
        client_for(cast["grants_officer"]),
        reverse("fundraising:recurring_list"),
        RECURRING,
        django_assert_num_queries,
    )
    assert page.content.decode().count(">Change</a>") == rows


@pytest.mark.parametrize("rows", SIZES)
def test_summary(cast, rows, django_assert_num_queries):
    for n in range(rows):
        donor_with(2, family_name=f"Donor {n}")
    counted(client_for(cast["evaluator"]), reverse("fundraising:summary"), SUMMARY, django_assert_num_queries)


@pytest.mark.parametrize("rows", SIZES)
def test_api_donations(cast, rows, django_assert_num_queries):
    donor_with(rows)
    answer = counted(
        api_client(cast["grants_officer"]),
        "/api/v1/fundraising/donations",
        API_DONATIONS,
        django_assert_num_queries,
    )
    assert len(answer.json()["items"]) == rows
