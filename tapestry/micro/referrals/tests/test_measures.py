"""Referral outcomes as a measure: one grouped query, counts by status, small counts suppressed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tapestry.evidence.measures import ask
from tapestry.micro.referrals.measures import by_outcome
from tapestry.micro.referrals.models import Referral
from tapestry.micro.referrals.tests.helpers import directory_service, record
from tapestry.programs.tests.support import program_for
from tapestry.testing import open_case

pytestmark = pytest.mark.django_db


def referrals_at(cast, program, **statuses: int) -> None:
    """Referrals from one case in the program, recorded through the service, then set to `statuses`."""
    case = open_case(cast.caseworker, program=program)
    service = directory_service()
    for status, count in statuses.items():
        made = [record(cast.caseworker, case, service).pk for _ in range(count)]
        Referral.objects.filter(pk__in=made).update(status=status)


def test_referral_outcomes_of_a_program_in_one_query(cast, django_assert_num_queries):
    program = program_for(name="Housing Stability")
    referrals_at(cast, program, completed=12, declined=14, no_response=3)
    referrals_at(cast, program_for(name="Other"), sent=20)

    with django_assert_num_queries(1):
        table = by_outcome(program=program)

    # The three without an answer are hidden, and the smallest other count with them.
    assert table.values() == {
        "Recorded, not sent": 0,
        "Sent": 0,
        "Received": 0,
        "Accepted": 0,
        "Declined": 14,
        "Completed": None,
        "No response by the deadline": None,
    }
    assert table.total.value == 29


def test_referral_outcomes_across_programs_and_in_a_period(cast):
    referrals_at(cast, program_for(name="Housing Stability"), completed=12, accepted=11)
    referrals_at(cast, program_for(name="Food Access"), completed=13)
    Referral.objects.filter(status="accepted").update(created_at=dt.datetime(2024, 3, 1, 12, tzinfo=dt.UTC))

    assert by_outcome().values()["Completed"] == 25
    assert by_outcome().total.value == 36
    this_year = (timezone.localdate().replace(month=1, day=1), None)
    assert by_outcome(during=this_year).values()["Accepted"] == 0
    assert by_outcome(during=this_year).total.value == 25
    in_2024 = (dt.date(2024, 1, 1), dt.date(2025, 1, 1))
    assert by_outcome(during=in_2024).values() == {
        "Recorded, not sent": 0,
        "Sent": 0,
        "Received": 0,
        "Accepted": 11,
        "Declined": 0,
        "Completed": 0,
        "No response by the deadline": 0,
    }


def test_few_referrals_hide_every_count(cast):
    referrals_at(cast, program_for(), completed=4, declined=2)

    table = by_outcome()

    assert table.total.value is None
    assert table.values()["Completed"] is None and table.values()["Sent"] == 0


def test_who_may_ask_for_referral_outcomes(cast):
    referrals_at(cast, program_for(), completed=12)

    assert ask(cast["evaluator"], "referrals.by_outcome").values()["Completed"] == 12
    with pytest.raises(PermissionDenied):
        ask(cast.caseworker, "referrals.by_outcome")
