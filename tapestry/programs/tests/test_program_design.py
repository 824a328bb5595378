"""Designing a program: its facts, logic model (with indicators), budget and staff."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry
from tapestry.programs import services
from tapestry.programs.models import BudgetLine, LogicModelItem, ProgramStaff
from tapestry.programs.tests.support import program_for
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_a_manager_changes_the_program_and_a_stale_edit_is_refused(cast):
    manager = cast["program_manager"]
    program = program_for(manager)

    changed = services.program_update(
        actor=manager, program=program, version=1, changes={"capacity": 40, "status": "closed"}
    )

    assert (changed.capacity, changed.status, changed.is_active, changed.version) == (40, "closed", False, 2)
    with pytest.raises(StaleEdit):
        services.program_update(actor=manager, program=program, version=1, changes={"capacity": 41})
    entry = AuditEntry.objects.filter(action="update", object_type="mezzo.program").get()
    assert sorted(entry.fields) == ["capacity", "is_active", "status"]


def test_the_edit_page_saves_and_shows_a_stale_edit(cast):
    manager = cast["program_manager"]
    program = program_for(manager, target_population="Renters")
    client = client_for(manager)
    data = {
        "name": "Housing Stability",
        "status": "running",
        "target_population": "Renters in arrears",
        "version": 1,
    }

    saved = client.post(reverse("programs:program_edit", args=[program.pk]), data)
    stale = client.post(reverse("programs:program_edit", args=[program.pk]), data | {"capacity": "5"})

    program.refresh_from_db()
    assert saved.status_code == 302 and program.target_population == "Renters in arrears"
    assert stale.status_code == 409 and "Someone else changed this record" in stale.content.decode()


def test_logic_model_items_are_added_in_order_moved_and_removed(cast):
    manager = cast["program_manager"]
    program = program_for(manager)
    first = services.logic_item_add(actor=manager, program=program, column="activities", text="Workshops")
    second = services.logic_item_add(actor=manager, program=program, column="activities", text="Home visits")
    services.logic_item_add(actor=manager, program=program, column="inputs", text="Two caseworkers")

    services.logic_item_move(actor=manager, item=second, direction="up")

    order = list(LogicModelItem.objects.filter(program=program, column="activities").order_by("position"))
    assert [item.text for item in order] == ["Home visits", "Workshops"]
    services.logic_item_remove(actor=manager, item=first)
    assert list(program.logic_items.values_list("text", flat=True).order_by("column")) == [
        "Home visits",
        "Two caseworkers",
    ]
    assert AuditEntry.objects.filter(action="delete", object_type="mezzo.logicmodelitem").count() == 1


def test_outcomes_carry_indicators_and_other_columns_do_not(cast):
    manager = cast["program_manager"]
    program = program_for(manager)

    outcome = services.logic_item_add(
        actor=manager,
        program=program,
        column="long_term",
        text="Families keep their homes",
        indicator="Still housed 6 months after exit",
        target_value=Decimal("85"),
        unit="%",
        data_source="Follow-up call",
        measured="twice_yearly",
    )
    with pytest.raises(ValidationError) as refused:
        services.logic_item_add(
            actor=manager, program=program, column="inputs", text="Staff", indicator="FTE"
        )

    assert outcome.target_value == Decimal("85") and outcome.get_measured_display() == "Twice a year"
    assert refused.value.message_dict == {"indicator": ["Only outcomes carry an indicator."]}


def test_the_logic_model_page_adds_edits_moves_and_removes(cast):
    manager = cast["program_manager"]
    program = program_for(manager)
    client = client_for(manager)
    url = reverse("programs:logic_model_edit", args=[program.pk])

    client.post(url, {"column": "outputs", "text": "Workshops held"})
    client.post(url, {"column": "outputs", "text": "People helped"})
    bad = client.post(url, {"column": "outputs", "text": "", "indicator": "x"})
    item = LogicModelItem.objects.get(text="People helped")
    client.post(reverse("programs:logic_item_move", args=[item.pk]), {"direction": "up"})
    client.post(
        reverse("programs:logic_item_edit", args=[item.pk]),
        {"column": "short_term", "text": "People helped", "indicator": "People housed", "version": 2},
    )
    page = client.get(url).content.decode()

    assert "text" in bad.context["form"].errors
    item.refresh_from_db()
    assert (item.column, item.indicator) == ("short_term", "People housed")
    assert "Workshops held" in page and "People housed" in page
    client.post(reverse("programs:logic_item_remove", args=[item.pk]))
    assert not LogicModelItem.objects.filter(pk=item.pk).exists()


def test_budget_lines_show_clear_field_errors_and_totals(cast):
    manager = cast["program_manager"]
    program = program_for(manager)
    client = client_for(manager)
    url = reverse("programs:program_budget", args=[program.pk])

    bad = client.post(
        url, {"category": "personnel", "description": "", "amount": "-5", "fiscal_year": "1990"}
    )
    for amount, category in (("1000.50", "personnel"), ("500.00", "personnel"), ("250.25", "travel")):
        client.post(
            url,
            {
                "category": category,
                "description": "Line",
                "amount": amount,
                "funder": "City",
                "fiscal_year": "2026",
            },
        )
    page = client.get(url).content.decode()
    detail = client.get(reverse("programs:program_detail", args=[program.pk])).content.decode()

    errors = bad.context["form"].errors
    assert errors["amount"] == ["Enter an amount above zero."]
    assert errors["fiscal_year"] == ["Enter a year from 2000 to 2100."]
    assert "description" in errors
    assert BudgetLine.objects.filter(program=program).count() == 3
    assert "1,500.50" in page and "250.25" in page and "1,750.75" in page
    assert "1,750.75" in detail


def test_a_budget_line_is_changed_and_removed(cast):
    manager = cast["program_manager"]
    program = program_for(manager)
    line = services.budget_line_add(
        actor=manager,
        program=program,
        category="supplies",
        description="Paper",
        amount=Decimal("10"),
        fiscal_year=2026,
    )

    changed = services.budget_line_update(
        actor=manager, line=line, version=1, changes={"amount": Decimal("12.50")}
    )
    services.budget_line_remove(actor=manager, line=changed)

    assert changed.amount == Decimal("12.50") and changed.version == 2
    assert not BudgetLine.objects.exists()


def test_staff_are_added_once_and_a_program_keeps_a_manager(cast):
    manager = cast["program_manager"]
    program = program_for(manager)
    client = client_for(manager)
    url = reverse("programs:program_staff", args=[program.pk])

    added = client.post(
        url,
        {"user": cast.caseworker.pk, "role_in_program": "staff", "fte": "0.5", "started_on": "2026-02-01"},
    )
    again = client.post(
        url,
        {"user": cast.caseworker.pk, "role_in_program": "staff", "fte": "0.5", "started_on": "2026-02-01"},
    )
    too_much = client.post(
        url, {"user": cast.teammate.pk, "role_in_program": "staff", "fte": "1.5", "started_on": "2026-02-01"}
    )
    only_manager = ProgramStaff.objects.get(program=program, user=manager)
    client.post(reverse("programs:staff_remove", args=[only_manager.pk]))

    assert added.status_code == 302
    assert ProgramStaff.objects.get(program=program, user=cast.caseworker).fte == Decimal("0.50")
    assert "is already on this program" in again.context["form"].errors["user"][0]
    assert too_much.context["form"].errors["fte"] == ["A share is at most 1.00 (full time)."]
    assert ProgramStaff.objects.filter(pk=only_manager.pk).exists()
