"""Housing needs per period, for indicators: identified, and met within 90 days of being identified."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tapestry.evidence.measures import Periods, rates
from tapestry.micro.cases.measures import (
    ADDRESS_CONFIDENTIAL,
    NO_ADDRESS,
    housing_needs_identified,
    housing_needs_met_within_90_days,
)
from tapestry.micro.cases.models import CaseNeed, CaseNeedChange
from tapestry.needs.models import Need
from tapestry.people.models import Address
from tapestry.programs.tests.support import program_for
from tapestry.testing import open_case

pytestmark = pytest.mark.django_db

QUARTERS = Periods("quarter", date(2026, 1, 1), date(2026, 6, 30))


def need(worker, code: str, identified_on: date, *, met_after: int | None = None, **case_fields) -> CaseNeed:
    case = open_case(worker, **case_fields)
    found = CaseNeed.objects.create(case=case, need=Need.objects.get(code=code), identified_on=identified_on)
    if met_after is not None:
        moment = datetime.combine(identified_on + timedelta(days=met_after), datetime.min.time(), UTC)
        CaseNeedChange.objects.create(
            case_need=found, status=CaseNeed.Status.MET, changed_at=moment.replace(hour=12)
        )
        found.status = CaseNeed.Status.MET
        found.save()
    return found


def raw(found, **params) -> dict[str, int]:
    return {QUARTERS.label(start): n for start, _, n in found.rows(periods=QUARTERS, by="", **params)}


def test_housing_needs_identified_and_met_in_time_by_the_quarter_identified(cast, django_assert_num_queries):
    worker = cast.caseworker
    need(worker, "homelessness", date(2026, 1, 10), met_after=90)  # met on day 90: in time
    need(worker, "inadequate-housing", date(2026, 2, 1), met_after=91)  # a day late
    need(worker, "risk-of-homelessness", date(2026, 3, 31))  # not met
    need(worker, "housing-instability", date(2026, 4, 1), met_after=5)
    need(worker, "food-insecurity", date(2026, 1, 5), met_after=3)  # not housing
    need(worker, "homelessness", date(2025, 12, 31), met_after=3)  # before the periods
    need(
        worker,
        "homelessness",
        date(2026, 1, 20),
        met_after=3,
        segment="substance_use",
        case_type="substance_use",
    )

    with django_assert_num_queries(1):
        identified = raw(housing_needs_identified)
    with django_assert_num_queries(1):
        met = raw(housing_needs_met_within_90_days)

    assert identified == {"2026-Q1": 3, "2026-Q2": 1}
    assert met == {"2026-Q1": 1, "2026-Q2": 1}


def test_a_program_counts_only_its_cases(cast):
    program = program_for(name="Housing First")
    need(cast.caseworker, "homelessness", date(2026, 1, 10), met_after=10, program=program)
    need(cast.caseworker, "homelessness", date(2026, 1, 11), met_after=10)

    assert raw(housing_needs_met_within_90_days, program=program.pk) == {"2026-Q1": 1}


def test_the_share_met_in_time_is_shown_only_when_neither_part_nor_the_rest_is_small(cast):
    for day in range(1, 21):
        need(cast.caseworker, "homelessness", date(2026, 1, day), met_after=30 if day <= 12 else None)
    for day in range(1, 15):
        need(cast.caseworker, "homelessness", date(2026, 4, day), met_after=30)

    q1, q2 = rates(housing_needs_met_within_90_days, housing_needs_identified, periods=QUARTERS, factor=100)

    # 12 of 20 met: the 8 not met are small, so the 12 is hidden beside the 20 that would give them.
    assert (q1.total.numerator, q1.total.denominator, q1.total.value) == (None, 20, None)
    assert "not the numerator" in q1.total.hidden
    assert (q2.total.numerator, q2.total.denominator, q2.total.value) == (14, 14, 100.0)


def test_housing_needs_by_area_place_no_confidential_address(cast, django_assert_num_queries):
    for postcode, confidential, count in (("62701", False, 3), ("62702", False, 1), ("62703", True, 2)):
        for day in range(1, count + 1):
            case_need = need(cast.caseworker, "homelessness", date(2026, 2, day))
            Address.objects.create(
                person=case_need.case.person,
                line1="1 Main St",
                city="Springfield",
                postcode=postcode,
                confidential=confidential,
            )
    need(cast.caseworker, "homelessness", date(2026, 5, 1))  # no address on file

    with django_assert_num_queries(1):
        rows = {
            (QUARTERS.label(start), row): n
            for start, row, n in housing_needs_identified.rows(periods=QUARTERS, by="area")
        }

    assert rows == {
        ("2026-Q1", "62701"): 3,
        ("2026-Q1", "62702"): 1,
        ("2026-Q1", ADDRESS_CONFIDENTIAL): 2,
        ("2026-Q2", NO_ADDRESS): 1,
    }
