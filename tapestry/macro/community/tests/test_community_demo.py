"""The demo agency's assessment: a survey with a skip rule and enough responses to show results,
indicators for the demo areas, and a few assets; seeded once."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from tapestry.access.models import User
from tapestry.macro.community import demo, selectors
from tapestry.macro.community.models import Assessment, IndicatorValue, Question

pytestmark = pytest.mark.django_db


def test_the_demo_assessment_shows_results_and_seeds_once():
    call_command("seed_demo", stdout=StringIO())
    again = StringIO()
    call_command("seed_demo", stdout=again)

    assert "tapestry.macro.community" not in again.getvalue()
    assessment = Assessment.objects.get(title=demo.TITLE)
    surveys = selectors.surveys_of(assessment)
    assert len(surveys) == 1 and surveys[0].is_open and surveys[0].response_count >= 40
    assert Question.objects.filter(survey=surveys[0], show_if__isnull=False).count() == 1
    assert IndicatorValue.objects.count() == len(demo.INDICATORS) * 7
    assert assessment.assets.count() >= 3
    result = selectors.survey_results(user=User.objects.get(username="evaluator"), surveys=surveys)[0]
    assert result.responses.value == demo.RESPONSES
    shown = [cell for found in result.questions for cell in found.cells if cell.value]
    assert len(shown) >= 6
