"""Referrals sent and completed per period, for indicators, by the type of service if asked."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tapestry.evidence.measures import CONFIDENTIAL, Periods, rates
from tapestry.micro.referrals.measures import NOT_TYPED, sent, sent_completed
from tapestry.micro.referrals.models import Referral
from tapestry.micro.referrals.tests.helpers import a_case, directory_service, record

pytestmark = pytest.mark.django_db

YEARS = Periods("year", date(2025, 1, 1), date(2026, 1, 1))


def referrals(cast, service, count: int, *, sent_on: date | None, status: str, segment: str = "") -> None:
    case = a_case(cast.caseworker, segment=segment)
    made = [record(cast.caseworker, case, service).pk for _ in range(count)]
    moment = datetime.combine(sent_on, datetime.min.time(), UTC).replace(hour=10) if sent_on else None
    Referral.objects.filter(pk__in=made).update(status=status, sent_at=moment)


def raw(found, by: str = "") -> dict[tuple[str, str], int]:
    return {(YEARS.label(start), row): n for start, row, n in found.rows(periods=YEARS, by=by)}


def test_sent_and_completed_by_year_and_service_type(cast, django_assert_num_queries):
    housing = directory_service("Rapid rehousing", needs=("homelessness", "food-insecurity"))
    food = directory_service("Pantry", needs=("food-insecurity",))
    untyped = directory_service("Advice line", needs=())
    referrals(cast, housing, 3, sent_on=date(2025, 6, 1), status=Referral.Status.COMPLETED)
    referrals(cast, housing, 2, sent_on=date(2026, 2, 1), status=Referral.Status.DECLINED)
    referrals(cast, food, 4, sent_on=date(2026, 3, 1), status=Referral.Status.COMPLETED)
    referrals(cast, untyped, 1, sent_on=date(2026, 3, 1), status=Referral.Status.SENT)
    referrals(cast, food, 2, sent_on=None, status=Referral.Status.DRAFT)  # never sent
    referrals(
        cast, food, 1, sent_on=date(2026, 3, 1), status=Referral.Status.COMPLETED, segment="substance_use"
    )

    with django_assert_num_queries(1):
        assert raw(sent) == {("2025", ""): 3, ("2026", ""): 8}
    assert raw(sent_completed) == {("2025", ""): 3, ("2026", ""): 5}
    with django_assert_num_queries(1):
        by_type = raw(sent, "service_type")
    # The service's first need gives its type; a sensitive case's referral is never broken down.
    assert by_type == {
        ("2025", "Housing"): 3,
        ("2026", "Housing"): 2,
        ("2026", "Food"): 4,
        ("2026", NOT_TYPED): 1,
        ("2026", CONFIDENTIAL): 1,
    }
    assert raw(sent_completed, "service_type") == {
        ("2025", "Housing"): 3,
        ("2026", "Food"): 4,
        ("2026", CONFIDENTIAL): 1,
    }


def test_completion_rates_by_service_type_are_suppressed_row_by_row(cast):
    food = directory_service("Pantry", needs=("food-insecurity",))
    legal = directory_service("Tenant law clinic", needs=("legal-problems",))
    referrals(cast, food, 12, sent_on=date(2026, 2, 1), status=Referral.Status.COMPLETED)
    referrals(cast, food, 12, sent_on=date(2026, 2, 1), status=Referral.Status.DECLINED)
    referrals(cast, legal, 3, sent_on=date(2026, 2, 1), status=Referral.Status.COMPLETED)
    referrals(cast, legal, 20, sent_on=date(2026, 2, 1), status=Referral.Status.SENT)

    _, this_year = rates(sent_completed, sent, periods=YEARS, factor=100, by="service_type")
    rows = {rate.row: rate for rate in this_year.rows}

    assert this_year.total.denominator == 47
    assert rows["Food"].denominator == 24 and rows["Legal"].denominator == 23
    # Legal's 3 completed is small; Food's 12 is hidden with it, or 15 - 12 would give the 3.
    assert rows["Legal"].value is None and rows["Food"].value is None
    assert rows["Legal"].numerator is None and rows["Food"].numerator is None
    assert this_year.total.numerator == 15 and this_year.total.value == 31.9
