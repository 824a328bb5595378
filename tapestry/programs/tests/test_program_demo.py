"""The demo agency's programs: logic models with indicators, budgets, staff and capacity, seeded once."""

from __future__ import annotations

import random

import pytest

from tapestry.access.models import Role
from tapestry.demo.context import DemoContext
from tapestry.programs import demo
from tapestry.programs.models import BudgetLine, LogicModelItem, Program, ProgramStaff
from tapestry.programs.selectors import programs_manageable
from tapestry.testing import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ctx() -> DemoContext:
    for username, role in (
        ("program_manager", Role.PROGRAM_MANAGER),
        ("supervisor", Role.SUPERVISOR),
        ("caseworker", Role.CASEWORKER),
        ("group_facilitator", Role.GROUP_FACILITATOR),
    ):
        UserFactory(username=username, role=role)
    return DemoContext.load("mezzo")


def test_programs_get_logic_models_budgets_staff_and_capacity(ctx):
    summary = demo.seed(ctx)

    assert summary.startswith("5 programs")
    assert Program.objects.filter(capacity__isnull=False).count() == 5
    assert not Program.objects.filter(target_population="").exists()
    for program in Program.objects.all():
        columns = set(program.logic_items.values_list("column", flat=True))
        assert columns == {choice for choice, _ in LogicModelItem.Column.choices}, program
        assert (
            program.logic_items.exclude(indicator="").filter(column__in=["short_term", "long_term"]).exists()
        )
        assert program.budget_lines.exists()
    manager = ctx.staff["program_manager"]
    assert programs_manageable(manager).count() >= 2
    assert ProgramStaff.objects.filter(user=ctx.staff["caseworker"]).exists()
    assert ProgramStaff.objects.filter(
        user=ctx.staff["group_facilitator"], role_in_program="facilitator"
    ).exists()


def test_seeding_twice_adds_nothing(ctx):
    demo.seed(ctx)
    counts = (LogicModelItem.objects.count(), BudgetLine.objects.count(), ProgramStaff.objects.count())

    again = demo.seed(DemoContext(rng=random.Random("mezzo"), staff=ctx.staff))

    assert again == ""
    assert (
        LogicModelItem.objects.count(),
        BudgetLine.objects.count(),
        ProgramStaff.objects.count(),
    ) == counts
    assert Program.objects.count() == 5


def test_programs_seeded_before_this_version_are_filled_in(ctx):
    Program.objects.create(name="Housing Stability", description="Older text.")

    demo.seed(ctx)

    program = Program.objects.get(name="Housing Stability")
    assert program.description == "Older text." and program.capacity == 60
    assert Program.objects.count() == 5
