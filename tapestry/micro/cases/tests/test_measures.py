"""The measures cases offer: one grouped query each, answered suppressed, sensitive needs never broken down."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tapestry.evidence.measures import CONFIDENTIAL, ask
from tapestry.micro.cases.measures import (
    ADDRESS_CONFIDENTIAL,
    NOT_PLACED,
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

    with django_assert_num_queries(3):
        table = by_place(program=program)

    assert table.values() == {
        "Area A (A)": 13,
        "Area B (B)": 12,
        "Area EMPTY (EMPTY)": 0,
        ADDRESS_CONFIDENTIAL: 11,
        NOT_PLACED: 12,
    }
    assert table.total.value == 48


def test_an_area_made_of_small_postcodes_is_shown_when_they_lie_in_the_same_areas(cast):
    # Two postcodes of 6 and 7 cases in the same areas make one atom of 13: its area is shown.
    _places(("A", ("62701", "62702")), ("B", ("62703",)))
    program = program_for()
    _live_at(serve_by_cases(program, 6), "62701")
    _live_at(serve_by_cases(program, 7), "62702")
    _live_at(serve_by_cases(program, 20), "62703")

    by_neighbourhood = by_place(program=program).values()

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


def _atoms_of_every_map(program) -> list[tuple[frozenset, int | None]]:
    """Every number the maps of every kind show, as the set of postcodes (or rows) it counts."""
    from tapestry.places.models import Area

    shown = []
    for kind in Area.Kind.values:
        table = by_place(kind=kind, program=program)
        members = {
            f"{area.name} ({area.code})": frozenset(area.postcodes.values_list("postcode", flat=True))
            for area in Area.objects.filter(kind=kind)
        }
        placed = frozenset().union(*members.values())
        everything = frozenset({"62701", "62702", "62703", "62704", "99999", "confidential"})
        members[NOT_PLACED] = everything - placed - {"confidential"}
        members[ADDRESS_CONFIDENTIAL] = frozenset({"confidential"})
        shown += [(members[cell.label], cell.value) for cell in table.cells if cell.value is not None]
        if table.total.value is not None:
            shown.append((everything, table.total.value))
    return shown


def test_no_small_count_can_be_had_by_subtracting_one_map_from_another(cast):
    """A county holds two neighbourhoods and a rural postcode of 4 cases: the county less its
    neighbourhoods would give the 4. Every difference of shown numbers is tried; none is small."""
    from tapestry.places.models import Area, AreaPostcode

    _places(("A", ("62701",)), ("B", ("62702",)))
    county = Area.objects.create(kind=Area.Kind.COUNTY, code="C", name="County")
    AreaPostcode.objects.bulk_create(
        [AreaPostcode(area=county, postcode=p) for p in ("62701", "62702", "62703", "62704")]
    )
    district = Area.objects.create(kind=Area.Kind.SCHOOL_DISTRICT, code="D", name="District")
    AreaPostcode.objects.bulk_create([AreaPostcode(area=district, postcode=p) for p in ("62702", "62703")])
    program = program_for()
    counts = {"62701": 20, "62702": 15, "62703": 4, "62704": 12, "99999": 13}
    for postcode, n in counts.items():
        _live_at(serve_by_cases(program, n), postcode)
    _live_at(serve_by_cases(program, 14), "62790", confidential=True)

    known = dict(_atoms_of_every_map(program))
    # Close the shown numbers under subtraction of a set from one that holds it, until nothing new.
    changed = True
    while changed:
        changed = False
        for big, big_n in list(known.items()):
            for small, small_n in list(known.items()):
                if small < big and (big - small) not in known:
                    known[big - small] = big_n - small_n
                    changed = True

    assert not [(sorted(cells), n) for cells, n in known.items() if 0 < n < 11]
    assert frozenset({"62703"}) not in known  # the 4 rural cases stay hidden
    county_map = by_place(kind="county", program=program).values()
    assert county_map["County (C)"] is None


def test_areas_without_small_atoms_are_all_shown(cast):
    from tapestry.places.models import Area, AreaPostcode

    _places(("A", ("62701",)), ("B", ("62702",)))
    county = Area.objects.create(kind=Area.Kind.COUNTY, code="C", name="County")
    AreaPostcode.objects.bulk_create([AreaPostcode(area=county, postcode=p) for p in ("62701", "62702")])
    program = program_for()
    _live_at(serve_by_cases(program, 20), "62701")
    _live_at(serve_by_cases(program, 15), "62702")

    assert by_place(program=program).values()["Area B (B)"] == 15
    assert by_place(kind="county", program=program).values()["County (C)"] == 35
