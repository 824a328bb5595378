"""Counts that could identify someone are hidden, and cannot be recovered from the total."""

from __future__ import annotations

from django.test import override_settings

from tapestry.evidence.suppression import suppress_count, suppress_table


def shown(cells):
    return {cell.label: cell.value for cell in cells}


def test_a_small_count_is_hidden_and_a_zero_or_large_one_is_shown():
    assert suppress_count("Members", 4).value is None
    assert str(suppress_count("Members", 4)) == "<11"
    assert suppress_count("Members", 0).value == 0
    assert suppress_count("Members", 11).value == 11


def test_one_small_cell_takes_the_next_smallest_with_it():
    cells, total = suppress_table({"Housing": 40, "Food": 3, "Isolation": 25, "Debt": 30})
    assert total.value == 98
    assert shown(cells) == {"Housing": 40, "Food": None, "Isolation": None, "Debt": 30}


def test_two_small_cells_need_no_extra_hiding():
    cells, total = suppress_table([("Women", 5), ("Men", 4), ("Not stated", 30)])
    assert shown(cells) == {"Women": None, "Men": None, "Not stated": 30}
    assert total.value == 39


def test_a_small_total_hides_every_non_zero_cell():
    cells, total = suppress_table({"Women": 6, "Men": 0})
    assert total.suppressed
    assert shown(cells) == {"Women": None, "Men": 0}


@override_settings(TAPESTRY_SUPPRESSION_THRESHOLD=5)
def test_the_threshold_is_the_agency_setting():
    cells, _ = suppress_table({"A": 5, "B": 20})
    assert shown(cells) == {"A": 5, "B": 20}
