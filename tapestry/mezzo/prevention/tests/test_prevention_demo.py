"""Demo prevention programs: an anti-bullying classroom series and a youth substance-use workshop series."""

from __future__ import annotations

import pytest

from tapestry.demo.context import DemoContext
from tapestry.mezzo.prevention import demo, selectors
from tapestry.mezzo.prevention.models import Activity, OutcomeMeasure, PreventionProgram

pytestmark = pytest.mark.django_db


def test_seed_makes_two_programs_with_activities_and_measures(cast):
    summary = demo.seed(DemoContext.load("prevention-2026"))

    assert summary == "2 prevention programs, 14 activities, 5 measures"
    bullying = PreventionProgram.objects.get(focus="bullying")
    substance = PreventionProgram.objects.get(focus="substance_use")
    assert set(bullying.activities.values_list("kind", flat=True)) == {"classroom", "training"}
    assert set(substance.activities.values_list("kind", flat=True)) == {"workshop", "community_event"}
    assert all(a.banded <= a.headcount for a in Activity.objects.all())
    assert all(m.improved for m in OutcomeMeasure.objects.all())
    _, reach = selectors.prevention_program_detail(user=cast.supervisor, program_id=bullying.pk)
    assert reach.activities == 9 and reach.headcount > 150


def test_seed_is_idempotent_and_deterministic(cast):
    demo.seed(DemoContext.load("prevention-2026"))
    first = list(Activity.objects.order_by("held_on", "title").values_list("title", "headcount"))

    assert demo.seed(DemoContext.load("prevention-2026")) == ""
    assert PreventionProgram.objects.count() == 2
    PreventionProgram.objects.all().delete()
    demo.seed(DemoContext.load("prevention-2026"))
    assert list(Activity.objects.order_by("held_on", "title").values_list("title", "headcount")) == first
