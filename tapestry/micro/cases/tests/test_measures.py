"""The measures cases offer: one grouped query each, answered suppressed, sensitive needs never broken down."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tapestry.evidence.measures import CONFIDENTIAL, ask
from tapestry.micro.cases.measures import (
    ADDRESS_CONFIDENTIAL,
    NO_ADDRESS,
    NOT_PLACED,
    by_area,
    by_need,
    by_place,
    by_program,
    by_status,
    opened_by_month,
)
from tapestry.micro.cases.models import Case
from tapestry.people.models import Address
from tapestry.programs.tests.support import program_for, serve_by_cases

pytestmark = pytest.mark.django_db


def test_cases_by_status_of_a_program(cast, django_assert_num_queries):
    program = program_for(name="Housing Stability")
    serve_by_cases(program, 14)
    serve_by_cases(program_for(name="Other"), 30)
    closing = list(Case.objects.filter(program=program).values_list("pk", flat=True)[:2])
    Case.objects.filter(pk__in=closing).update(status=Case.Status.CLOSED)

    with django_assert_num_queries(1):
        table = by_status(program=program)

    # Two closed cases are hidden, and the open count with them (it would give them back).
    assert table.values() == {"Open": None, "On hold": 0, "Closed": None}
    assert table.total.value == 14


def test_cases_by_need_count_cases_and_keep_sensitive_needs_in_one_row(cast, django_assert_num_queries):
    program = program_for()
    serve_by_cases(program, 20, need="food-insecurity")
    serve_by_cases(program, 12, need="housing-instability")
    serve_by_cases(program, 12, need="family-substance-use", segment="substance_use")
    serve_by_cases(program, 3, need="food-insecurity", segment="substance_use")

    with django_assert_num_queries(1):
        table = by_need(program=program)

    values = table.values()
    assert values["Food insecurity"] == 20 and values[CONFIDENTIAL] == 15
    assert len(values) == 3 and "Alcohol or drug use in the family" not in values
    assert values["Housing instability, housed"] == 12
    assert table.total.value == 47


def test_a_small_need_is_suppressed_with_its_complement(cast):
    program = program_for()
    serve_by_cases(program, 20, need="food-insecurity")
    serve_by_cases(program, 12, need="housing-instability")
    serve_by_cases(program, 4, need="social-isolation")

    values = by_need(program=program).values()

    assert values["Social exclusion and isolation"] is None
    assert values["Housing instability, housed"] is None
    assert values["Food insecurity"] == 20 and values[CONFIDENTIAL] == 0


def test_cases_by_program_in_one_query(cast, django_assert_num_queries):
    serve_by_cases(program_for(name="Housing Stability"), 12)
    serve_by_cases(program_for(name="Food Access"), 25)
    serve_by_cases(program_for(name="Tiny"), 2)

    with django_assert_num_queries(1):
        table = by_program()

    assert [(cell.label, cell.value) for cell in table.cells] == [
        ("Food Access", 25),
        ("Housing Stability", None),  # the complement of the hidden two
        ("Tiny", None),
    ]
    assert table.total.value == 39


def test_cases_opened_by_month(cast, django_assert_num_queries):
    today = timezone.localdate()
    program = program_for()
    serve_by_cases(program, 12, opened_on=today.replace(day=1))
    serve_by_cases(program, 2, opened_on=today.replace(year=today.year - 3))  # out of the window

    with django_assert_num_queries(1):
        table = opened_by_month(program=program, today=today)

    assert len(table.cells) == 12
    assert table.cells[-1].label == f"{today:%b %Y}" and table.cells[-1].value == 12
    assert table.total.value == 12


def test_who_may_ask_for_case_counts(cast):
    serve_by_cases(program_for(), 12)

    assert ask(cast["evaluator"], "cases.by_program").total.value == 12
    with pytest.raises(PermissionDenied):
        ask(cast.caseworker, "cases.by_need")


def _live_at(people, postcode: str, *, confidential: bool = False) -> None:
    for person in people:
        Address.objects.create(
            person=person, line1="1 Main St", city="Springfield", postcode=postcode, confidential=confidential
        )


def test_cases_by_area_place_each_case_at_its_client_current_postcode(cast, django_assert_num_queries):
    program = program_for()
    _live_at(serve_by_cases(program, 15), "62701")
    moved = serve_by_cases(program, 12)
    _live_at(moved, "62702")
    for person in moved:  # an older address, no longer current, does not place the case
        Address.objects.create(
            person=person, line1="9 Old Rd", city="Springfield", postcode="62799", is_current=False
        )
    _live_at(serve_by_cases(program, 13), "62703", confidential=True)  # a shelter: never placed
    serve_by_cases(program, 11)  # no address on record
    _live_at(serve_by_cases(program_for(name="Other"), 20), "62701")

    with django_assert_num_queries(1):
        table = by_area(program=program)

    assert table.values() == {"62701": 15, "62702": 12, ADDRESS_CONFIDENTIAL: 13, NO_ADDRESS: 11}
    assert "62799" not in table.values() and "62703" not in table.values()
    assert table.total.value == 51


def test_a_small_area_is_suppressed_with_its_complement(cast):
    program = program_for()
    _live_at(serve_by_cases(program, 20), "62701")
    _live_at(serve_by_cases(program, 14), "62702")
    _live_at(serve_by_cases(program, 3), "62704")

    values = by_area(program=program).values()

    assert values["62704"] is None
    assert values["62702"] is None  # the smallest other cell, or 62704 could be worked out
    assert values["62701"] == 20 and values[ADDRESS_CONFIDENTIAL] == 0 and values[NO_ADDRESS] == 0


def test_cases_by_area_asked_by_name(cast):
    _live_at(serve_by_cases(program_for(), 12), "62701")

    assert ask(cast["evaluator"], "cases.by_area").values()["62701"] == 12
    with pytest.raises(PermissionDenied):
        ask(cast.caseworker, "cases.by_area")


def _places(*neighbourhoods: tuple[str, tuple[str, ...]]) -> None:
    from tapestry.places.models import Area, AreaPostcode

    for code, postcodes in neighbourhoods:
        area = Area.objects.create(kind=Area.Kind.NEIGHBOURHOOD, code=code, name=f"Area {code}")
        AreaPostcode.objects.bulk_create([AreaPostcode(area=area, postcode=p) for p in postcodes])


def test_cases_by_place_count_each_case_in_the_area_holding_its_postcode(cast, django_assert_num_queries):
    _places(("A", ("62701", "62702")), ("B", ("62703",)), ("EMPTY", ("62709",)))
    program = program_for()
    _live_at(serve_by_cases(program, 7), "62701")
    _live_at(serve_by_cases(program, 6), " 62702 ")  # stored with spaces: still placed
    _live_at(serve_by_cases(program, 12), "62703")
    _live_at(serve_by_cases(program, 11), "62701", confidential=True)  # a shelter: never placed
    _live_at(serve_by_cases(program, 12), "99999")  # in no neighbourhood
    _live_at(serve_by_cases(program_for(name="Other"), 30), "62703")

    with django_assert_num_queries(2):
        table = by_place(program=program)

    assert table.values() == {
        "Area A (A)": 13,
        "Area B (B)": 12,
        "Area EMPTY (EMPTY)": 0,
        ADDRESS_CONFIDENTIAL: 11,
        NOT_PLACED: 12,
    }
    assert table.total.value == 48


def test_an_area_made_of_small_postcodes_is_counted_from_the_cases_not_from_hidden_cells(cast):
    # Two postcodes of 6 and 7 cases: each is hidden by postcode, but their area of 13 is shown,
    # because the area's count is grouped in SQL, not summed from suppressed cells.
    _places(("A", ("62701", "62702")), ("B", ("62703",)))
    program = program_for()
    _live_at(serve_by_cases(program, 6), "62701")
    _live_at(serve_by_cases(program, 7), "62702")
    _live_at(serve_by_cases(program, 20), "62703")

    by_postcode = by_area(program=program).values()
    by_neighbourhood = by_place(program=program).values()

    assert by_postcode["62701"] is None and by_postcode["62702"] is None
    assert by_neighbourhood["Area A (A)"] == 13 and by_neighbourhood["Area B (B)"] == 20


def test_a_small_area_is_hidden_with_its_complement_and_cannot_be_had_from_the_total(cast):
    _places(("A", ("62701",)), ("B", ("62702",)), ("C", ("62703",)))
    program = program_for()
    _live_at(serve_by_cases(program, 4), "62701")
    _live_at(serve_by_cases(program, 15), "62702")
    _live_at(serve_by_cases(program, 30), "62703")

    table = by_place(program=program)
    values = table.values()

    assert values["Area A (A)"] is None and values["Area B (B)"] is None
    assert values["Area C (C)"] == 30 and table.total.value == 49
    # The total less every shown cell leaves the two hidden areas together, never one alone.
    assert table.total.value - sum(v for v in values.values() if v) == 19


def test_cases_by_place_asked_by_name_for_a_kind(cast):
    from tapestry.places.models import Area, AreaPostcode

    district = Area.objects.create(kind=Area.Kind.SCHOOL_DISTRICT, code="SD", name="District")
    AreaPostcode.objects.create(area=district, postcode="62701")
    _live_at(serve_by_cases(program_for(), 12), "62701")

    assert ask(cast["evaluator"], "cases.by_place", kind="school_district").values()["District (SD)"] == 12
    assert ask(cast["evaluator"], "cases.by_place", kind="county").values() == {
        ADDRESS_CONFIDENTIAL: 0,
        NOT_PLACED: 12,
    }
    with pytest.raises(PermissionDenied):
        ask(cast.caseworker, "cases.by_place")
