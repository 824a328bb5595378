"""The measures contract: named measures collected by convention, answered suppressed, asked by role."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from tapestry.evidence import measures
from tapestry.evidence.measures import Measure, any_of, ask, measure, month_starts, named, registry, served
from tapestry.people.models import Person


@measure("tests.made_up", "Made-up counts", note="For the contract tests.")
def made_up(*, small: int = 3) -> list[tuple[str, int]]:
    return [("a", small), ("b", 20), ("c", 15), ("d", 0)]


def test_a_measure_answers_its_rows_suppressed_with_the_complementary_cell():
    table = made_up()

    assert isinstance(made_up, Measure)
    assert table.title == "Made-up counts" and table.note == "For the contract tests."
    # "a" is small; with the total shown, the next smallest ("c") is hidden too; zero is shown.
    assert table.values() == {"a": None, "b": 20, "c": None, "d": 0}
    assert table.total.value == 38


def test_a_small_total_hides_every_cell():
    tiny = measure("tests.tiny", "Tiny")(lambda: [("a", 4), ("b", 5)])
    table = tiny()

    assert table.total.value is None
    assert table.values() == {"a": None, "b": None}


def test_the_apps_measures_are_collected_by_convention():
    names = set(registry())

    assert {"cases.by_status", "cases.by_need", "cases.by_program", "cases.opened_by_month"} <= names
    assert {"groups.members_by_program", "groups.attendance_by_program"} <= names
    assert named("cases.by_need") is registry()["cases.by_need"]
    with pytest.raises(LookupError, match="no-such"):
        named("cases.no-such")


def test_every_served_source_is_found_in_installed_order():
    sources = served()

    assert [type(source).__name__ for source in sources] == ["CasesServed", "GroupsServed"]


@pytest.mark.django_db
def test_what_a_role_may_ask(cast):
    for role in (
        "evaluator",
        "program_manager",
        "supervisor",
        "community_organiser",
        "grants_officer",
        "agency_director",
    ):
        assert ask(cast[role], "cases.by_program").title == "Cases by program", role
    for role in ("caseworker", "group_facilitator", "administrator", "auditor"):
        with pytest.raises(PermissionDenied):
            ask(cast[role], "groups.members_by_program")


@pytest.mark.django_db
def test_any_of_nothing_matches_no_one():
    Person.objects.create(given_name="A", family_name="B")

    assert not Person.objects.filter(any_of([])).exists()
    assert Person.objects.filter(any_of([Person.objects.values("pk")])).count() == 1


def test_month_starts_end_with_this_month_and_cross_the_year():
    assert month_starts(date(2026, 2, 17), 3) == [date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]
    assert len(measures.month_starts(date(2026, 12, 31))) == 12
