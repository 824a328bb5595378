"""The demo agency's grants: funders, an application in every stage, one award funding demo
programs with deliverables and reporting deadlines (one overdue, one next month); seeded once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import Role
from tapestry.demo.context import DemoContext
from tapestry.macro.grants import demo
from tapestry.macro.grants.models import Application, Award, Funder, Stage
from tapestry.macro.grants.selectors import deadlines
from tapestry.programs import demo as programs_demo
from tapestry.testing import OrganisationFactory, UserFactory, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def ctx() -> DemoContext:
    for username, role in (("grants_officer", Role.GRANTS_OFFICER), ("supervisor", Role.SUPERVISOR)):
        UserFactory(username=username, role=role)
    for name, *_ in demo.FUNDERS:
        organisation = OrganisationFactory(name=name, kind="funder")
        organisation.contacts.create(name="Ada Contact")
    programs_demo.seed(DemoContext.load("mezzo"))
    return DemoContext.load("grants")


def test_the_demo_has_every_stage_and_an_award_with_deadlines(ctx):
    summary = demo.seed(ctx)

    assert summary == "4 funders, 6 grant applications in every stage, 1 award"
    assert set(Application.objects.values_list("stage", flat=True)) == set(Stage.values)
    assert all(funder.contact is not None for funder in Funder.objects.all())
    award = Award.objects.get()
    assert {a.program.name for a in award.allocations.all()} == {"Housing Stability", "Family Support"}
    officer = ctx.staff["grants_officer"]
    owed = deadlines(user=officer)
    today = timezone.localdate()
    assert any(row.overdue for row in owed)
    assert any(row.due_on == today + dt.timedelta(days=30) for row in owed)
    assert demo.seed(ctx) == ""  # a second run adds nothing
    assert Application.objects.count() == 6

    client = client_for(officer)
    for name in ("pipeline", "funder_list", "opportunity_list", "deadline_list"):
        assert client.get(reverse(f"grants:{name}")).status_code == 200
    assert client.get(reverse("grants:application_detail", args=[award.application_id])).status_code == 200
