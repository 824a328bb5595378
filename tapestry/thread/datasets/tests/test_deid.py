"""The k-anonymity search on its own: hierarchies, the lowest generalisation, bounded suppression."""

from __future__ import annotations

import datetime as dt

from tapestry.thread.datasets import deid


def test_the_hierarchies_generalise_step_by_step_to_suppressed():
    assert [deid.AGE.at(37, level) for level in range(5)] == ["37", "35-39", "30-39", "20-39", "*"]
    assert deid.AGE.at(93, 0) == "90+"
    assert [deid.PLACE.at(("12345", "North County"), level) for level in range(4)] == [
        "12345",
        "123**",
        "North County",
        "*",
    ]
    assert deid.PLACE.at((deid.WITHHELD, ""), 0) == deid.WITHHELD
    assert [deid.HOUSEHOLD.at(4, level) for level in range(3)] == ["4", "3-4", "*"]
    assert [deid.LANGUAGE.at("Tagalog", level) for level in range(3)] == ["tagalog", "another language", "*"]
    assert [deid.DATE_MONTH.at(dt.date(2025, 5, 9), level) for level in range(4)] == [
        "2025-05",
        "2025-Q2",
        "2025",
        "*",
    ]


def test_values_shared_by_k_persons_stay_as_recorded():
    persons = list(range(12))
    outcome = deid.anonymise(
        persons=persons, quasi={"gender": (deid.GENDER, ["woman"] * 12)}, k=11, max_suppressed_share=0
    )
    assert outcome.levels == {"gender": 0}
    assert outcome.suppressed == 0 and outcome.classes == 1 and outcome.smallest_class == 12


def test_ages_are_banded_until_every_class_holds_k_persons():
    ages = [40, 41, 42, 43, 44, 44, 45, 46, 47, 48, 49, 49]  # six in each 5-year band, twelve in 40-49
    outcome = deid.anonymise(
        persons=list(range(12)), quasi={"age": (deid.AGE, ages)}, k=11, max_suppressed_share=0
    )
    assert outcome.level_names == {"age": "10-year band"}
    assert set(outcome.values["age"]) == {"40-49"}
    assert outcome.suppressed == 0 and outcome.smallest_class == 12


def test_a_class_counts_persons_not_records():
    # One person with twelve cases is one person: a class of them is too small for k = 2.
    outcome = deid.anonymise(
        persons=[7] * 12, quasi={"gender": (deid.GENDER, ["man"] * 12)}, k=2, max_suppressed_share=1
    )
    assert outcome.kept == [] and outcome.suppressed == 12


def test_a_rare_record_is_suppressed_rather_than_generalising_everyone():
    ages = [40] * 11 + [88]
    outcome = deid.anonymise(
        persons=list(range(12)), quasi={"age": (deid.AGE, ages)}, k=11, max_suppressed_share=0.1
    )
    assert outcome.levels == {"age": 0}
    assert outcome.suppressed == 1 and len(outcome.kept) == 11


def test_without_room_to_suppress_the_search_generalises_instead():
    ages = [40] * 11 + [44]
    outcome = deid.anonymise(
        persons=list(range(12)), quasi={"age": (deid.AGE, ages)}, k=11, max_suppressed_share=0
    )
    assert outcome.level_names == {"age": "5-year band"}
    assert outcome.suppressed == 0
