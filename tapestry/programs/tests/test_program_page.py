"""The program page: facts, the five-column logic model, staff, budget, groups, and cases as counts only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.programs.models import LogicModelItem
from tapestry.programs.tests.support import group_in, program_for, serve_by_cases
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_page_shows_facts_logic_model_staff_and_groups(cast):
    program = program_for(
        cast["program_manager"],
        target_population="Renters in arrears",
        capacity=60,
        purpose="Fewer evictions.",
    )
    for column, text in (("inputs", "Two caseworkers"), ("long_term", "Families keep their homes")):
        LogicModelItem.objects.create(program=program, column=column, text=text)
    LogicModelItem.objects.filter(column="long_term").update(
        indicator="Housed at 6 months", target_value=85, unit="%"
    )
    group_in(program, name="Tenants' rights group")

    page = (
        client_for(cast["evaluator"])
        .get(reverse("programs:program_detail", args=[program.pk]))
        .content.decode()
    )

    assert "Renters in arrears" in page and "60 people at a time" in page and "Fewer evictions." in page
    for heading in ("Inputs", "Activities", "Outputs", "Short-term outcomes", "Long-term outcomes"):
        assert heading in page
    assert "Housed at 6 months" in page and "target 85 %" in page
    assert 'class="visually-hidden"' in page and "Long-term outcomes:" in page  # the list for screen readers
    assert "Tenants&#x27; rights group" in page
    assert cast["program_manager"].get_full_name() in page


def test_cases_appear_as_suppressed_counts_never_as_rows(cast):
    program = program_for(cast["program_manager"])
    people = serve_by_cases(program, 3)
    for n, person in enumerate(people):
        person.family_name = f"Quillfeather{n}"
        person.save()
    serve_by_cases(program, 14, gender="Man")

    for viewer in (cast["evaluator"], cast.supervisor, cast.caseworker):
        page = client_for(viewer).get(reverse("programs:program_detail", args=[program.pk])).content.decode()
        assert "Cases in this program" in page
        assert "17" in page  # all open cases, a count above the threshold
        for person in people:
            assert person.display_name not in page
        assert "/cases/" not in page


def test_a_small_number_of_cases_is_hidden(cast):
    program = program_for(cast["program_manager"])
    serve_by_cases(program, 4)

    page = (
        client_for(cast["evaluator"])
        .get(reverse("programs:program_detail", args=[program.pk]))
        .content.decode()
    )

    assert "&lt;11" in page and ">4<" not in page
