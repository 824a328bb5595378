"""Score changes as a measure: first against latest score per person and instrument, one grouped
query, small counts suppressed, sensitive segments never broken down by instrument."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied

from tapestry.evidence.measures import CONFIDENTIAL, ask
from tapestry.micro.assessments.measures import score_changes
from tapestry.micro.assessments.models import Assessment
from tapestry.micro.assessments.tests.factories import custom_form
from tapestry.programs.tests.support import program_for
from tapestry.testing import CaseFactory

pytestmark = pytest.mark.django_db

START = date(2026, 1, 5)


def people_scored(worker, code: str, count: int, *totals: int, program=None, **fields) -> None:
    """`count` people, each on a case of their own, scored `totals` a month apart on `code`."""
    form = fields.pop("custom_form", None)
    for _ in range(count):
        case = CaseFactory(worker=worker, program=program, **fields)
        for n, total in enumerate(totals):
            Assessment.objects.create(
                case=case,
                instrument="" if form else code,
                custom_form=form,
                instrument_version="1",
                administered_on=START + timedelta(days=30 * n),
                administered_by=worker,
                total_score=total,
            )


def test_score_changes_by_instrument_in_one_query(cast, django_assert_num_queries):
    worker = cast.caseworker
    program = program_for()
    people_scored(worker, "phq-9", 14, 18, 6, program=program)
    people_scored(worker, "phq-9", 11, 10, 10, program=program)
    people_scored(worker, "phq-9", 1, 20, 5, 20, program=program)  # the first against the latest
    people_scored(worker, "phq-9", 2, 5, 12, program=program)
    people_scored(worker, "gad-7", 13, 15, 3, program=program)
    people_scored(worker, "phq-9", 5, 9, program=program)  # one score: no change to count
    people_scored(worker, "c-ssrs-screen", 12, 3, 0, program=program)  # a risk level, not charted
    people_scored(worker, "phq-9", 20, 18, 6)  # another program

    with django_assert_num_queries(1):
        table = score_changes(program=program)

    # The two who worsened are hidden, and the smallest other count with them.
    assert table.values() == {
        "GAD-7: improved": 13,
        "GAD-7: no change": 0,
        "GAD-7: worsened": 0,
        "PHQ-9: improved": 14,
        "PHQ-9: no change": None,
        "PHQ-9: worsened": None,
        CONFIDENTIAL: 0,
    }
    assert table.total.value == 41
    assert score_changes().values()["PHQ-9: improved"] == 34


def test_a_score_entered_in_error_and_one_outside_the_period_are_left_out(cast):
    worker = cast.caseworker
    people_scored(worker, "gad-7", 12, 15, 9, 21)
    Assessment.objects.filter(total_score=21).update(status=Assessment.Status.ENTERED_IN_ERROR)
    people_scored(worker, "phq-9", 12, 4, 20, 8)

    values = score_changes().values()
    assert values["GAD-7: improved"] == 12 and values["PHQ-9: worsened"] == 12

    from_february = (START + timedelta(days=30), None)
    assert score_changes(during=from_february).values()["PHQ-9: improved"] == 12
    assert score_changes(during=(START, START + timedelta(days=31))).values()["PHQ-9: worsened"] == 12


def test_custom_forms_count_by_name_and_sensitive_cases_in_one_row(cast):
    worker = cast.caseworker
    form = custom_form(cast["administrator"])
    people_scored(worker, "", 11, 5, 1, custom_form=form)
    people_scored(worker, "audit-c", 12, 8, 2, segment="substance_use")
    people_scored(worker, "phq-9", 3, 12, 2, segment="substance_use")

    table = score_changes()

    assert table.values() == {
        "Caregiver strain check: improved": 11,
        "Caregiver strain check: no change": 0,
        "Caregiver strain check: worsened": 0,
        CONFIDENTIAL: 15,
    }
    assert table.total.value == 26


def test_few_people_hide_every_count(cast):
    people_scored(cast.caseworker, "phq-9", 4, 18, 6)

    table = score_changes()

    assert table.total.value is None
    assert table.values() == {
        "PHQ-9: improved": None,
        "PHQ-9: no change": 0,
        "PHQ-9: worsened": 0,
        CONFIDENTIAL: 0,
    }


def test_who_may_ask_for_score_changes(cast):
    people_scored(cast.caseworker, "phq-9", 12, 18, 6)

    assert ask(cast["evaluator"], "assessments.score_changes").values()["PHQ-9: improved"] == 12
    with pytest.raises(PermissionDenied):
        ask(cast.caseworker, "assessments.score_changes")
