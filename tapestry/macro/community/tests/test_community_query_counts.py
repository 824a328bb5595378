"""The community pages and API run the same number of queries with little and with much data.

Results are three queries for all surveys (questions, response counts, answers), one for the indicator
values, one for the areas, and the case map's own (the measure cases.by_place). If a number moves,
find out why before changing it here.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from tapestry.macro.community.models import Answer, Asset, IndicatorValue, Question, Response
from tapestry.macro.community.tests.support import assessment, question, survey
from tapestry.places.models import Area
from tapestry.programs.tests.support import api_client
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

SIZES = [1, 5]
PUBLIC_PAGE = 7


def world(size: int):
    """`size` surveys of three questions (one with a skip rule), 12 x size responses each, size assets,
    indicator values for every area over size periods, and size other assessments."""
    found = assessment()
    for n in range(size):
        assessment(f"Other {n}")
        asked = survey(found)
        single = question(asked, 1)
        scale = question(asked, 2, Question.Kind.SCALE, show_if=single, show_values=["Yes"])
        text = question(asked, 3, Question.Kind.TEXT)
        for r in range(12 * size):
            response = Response.objects.create(survey=asked, channel=Response.Channel.PUBLIC)
            Answer.objects.create(response=response, question=single, chosen=["Yes" if r % 3 else "No"])
            Answer.objects.create(
                response=response, question=scale, chosen=[str(r % 5 + 1)], number=r % 5 + 1
            )
            Answer.objects.create(response=response, question=text, text="Words")
        Asset.objects.create(assessment=found, kind=Asset.Kind.GROUP, name=f"Group {n}")
        for area in Area.objects.all():
            IndicatorValue.objects.create(
                area=area, indicator="Rent burden", period=str(2020 + n), value=Decimal(30 + n), source="Test"
            )
    return found, asked


def counted(client: Client, url: str, expected: int, django_assert_num_queries) -> None:
    client.get(url)  # the first request settles the session
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200, response.content[:500]


PAGES = {
    "list": (lambda found, asked: reverse("community:assessment_list"), 6),
    "detail": (lambda found, asked: reverse("community:assessment_detail", args=[found.pk]), 8),
    "survey": (lambda found, asked: reverse("community:survey_detail", args=[asked.pk]), 8),
    "response form": (lambda found, asked: reverse("community:response_enter", args=[asked.pk]), 7),
    "results": (lambda found, asked: reverse("community:assessment_results", args=[found.pk]), 16),
}
API = {
    "assessments": (lambda found, asked: "/api/v1/community/assessments", 3),
    "assessment": (lambda found, asked: f"/api/v1/community/assessments/{found.pk}", 2),
    "survey": (lambda found, asked: f"/api/v1/community/surveys/{asked.pk}", 3),
    "assets": (lambda found, asked: f"/api/v1/community/assessments/{found.pk}/assets", 3),
    "indicators": (lambda found, asked: "/api/v1/community/indicators", 3),
    "results": (lambda found, asked: f"/api/v1/community/assessments/{found.pk}/results", 12),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("page", sorted(PAGES))
def test_pages(cast, size, page, django_assert_num_queries):
    found, asked = world(size)
    url, expected = PAGES[page]
    counted(client_for(cast["community_organiser"]), url(found, asked), expected, django_assert_num_queries)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("operation", sorted(API))
def test_api(cast, size, operation, django_assert_num_queries):
    found, asked = world(size)
    url, expected = API[operation]
    counted(api_client(cast["community_organiser"]), url(found, asked), expected, django_assert_num_queries)


@pytest.mark.parametrize("size", SIZES)
def test_public_survey_page(size, django_assert_num_queries):
    _, asked = world(size)
    asked.is_open = True
    asked.save()
    url = reverse("survey_public:answer", args=[asked.token])
    # The rate-limit count in the database cache, the survey and its questions; no session is read.
    with django_assert_num_queries(PUBLIC_PAGE):
        page = Client().get(url)
    assert page.status_code == 200
