"""The demo adds open housing cases through the services, once, so a need's page shows numbers."""

from __future__ import annotations

import pytest

from tapestry.demo.context import DemoContext
from tapestry.places.demo import seed as seed_places
from tapestry.thread.rollups import demo
from tapestry.thread.rollups.selectors import need_figures, subject_get
from tapestry.thread.rollups.tests.support import need

pytestmark = pytest.mark.django_db


def test_the_demo_makes_the_housing_page_show_numbers_and_runs_once(cast):
    context = DemoContext.load("rollups-test")
    seed_places(context)

    assert demo.seed(context).startswith("28 clients")
    assert demo.seed(DemoContext.load("rollups-test")) == ""

    figure = need_figures(cast["evaluator"], subject_get("need", need().pk)).figures["open_by_area"]
    shown = {row.label: row.value for row in figure.rows if row.value}
    assert figure.total.value == 28
    assert shown == {"Riverside South (N-SW)": 16, "Ashgrove (N-N)": 12}
