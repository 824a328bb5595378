"""The demo agency's advocacy log: actions with real partner agencies and others, with mixed outcomes."""

from __future__ import annotations

import pytest

from tapestry.demo.context import DemoContext
from tapestry.demo.generate import demo_load
from tapestry.micro.advocacy import demo
from tapestry.micro.advocacy.models import AdvocacyAction

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded() -> str:
    demo_load()
    return demo.seed(DemoContext.load("advocacy-2026"))


def test_the_demo_logs_actions_with_mixed_outcomes(seeded):
    outcomes = set(AdvocacyAction.objects.values_list("outcome", flat=True))
    assert outcomes == set(AdvocacyAction.Outcome.values)
    assert AdvocacyAction.objects.filter(organisation__isnull=False).exists()
    assert AdvocacyAction.objects.filter(organisation__isnull=True).exclude(agency="").exists()
    assert AdvocacyAction.objects.filter(rights_information_given=True).count() >= 3
    assert seeded.startswith("9 advocacy actions")


def rows() -> list[tuple]:
    return list(
        AdvocacyAction.objects.order_by("pk").values_list("case_id", "action_date", "outcome_date", "issue")
    )


def test_seeding_again_adds_nothing(seeded):
    before = rows()

    again = demo.seed(DemoContext.load("advocacy-2026"))

    assert again == ""
    assert rows() == before


def test_the_same_seed_gives_the_same_log(seeded):
    before = rows()
    AdvocacyAction.objects.all().delete()

    demo.seed(DemoContext.load("advocacy-2026"))

    assert rows() == before
