"""The builder's pages: start and change an assessment, add a survey and questions (rule errors by the
field), open and close the link, enter a response, add an asset; and the results page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.macro.community.models import Assessment, Asset, Question, Response, Survey
from tapestry.macro.community.tests.support import county, question, survey
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_an_assessment_is_started_and_changed(cast):
    client = client_for(cast["community_organiser"])
    page = client.post(reverse("community:assessment_create"), {"title": "Needs 2026", "area": county().pk})
    made = Assessment.objects.get()
    assert page.status_code == 302 and page["Location"] == reverse(
        "community:assessment_detail", args=[made.pk]
    )
    page = client.post(
        reverse("community:assessment_edit", args=[made.pk]),
        {
            "title": "Needs 2026",
            "area": made.area_id,
            "starts_on": "2026-03-01",
            "ends_on": "2026-01-01",
            "version": 1,
        },
    )
    assert page.status_code == 400
    assert "The end comes before the start." in page.context["form"].errors["ends_on"]


def test_a_survey_is_built_and_a_bad_rule_is_shown_by_its_field(cast):
    client = client_for(cast["community_organiser"])
    asked = survey()
    first = question(asked, 1)
    page = client.post(
        reverse("community:question_add", args=[asked.pk]),
        {"text": "How many?", "kind": "number", "show_if": first.pk, "show_values": "Perhaps"},
    )
    assert page.status_code == 400
    assert "Perhaps" in page.context["form"].errors["show_values"][0]
    page = client.post(
        reverse("community:question_add", args=[asked.pk]),
        {"text": "How many?", "kind": "number", "show_if": first.pk, "show_values": "Yes"},
    )
    assert page.status_code == 302
    assert Question.objects.get(position=2).show_values == ["Yes"]


def test_the_link_is_closed_and_opened(cast):
    client = client_for(cast["community_organiser"])
    asked = survey()
    client.post(reverse("community:survey_link", args=[asked.pk]), {"open": "0"})
    assert not Survey.objects.get().is_open
    client.post(reverse("community:survey_link", args=[asked.pk]), {"open": "1"})
    assert Survey.objects.get().is_open


def test_staff_enter_a_response(cast):
    client = client_for(cast["community_organiser"])
    asked = survey()
    first = question(asked, 1, required=True)
    page = client.post(reverse("community:response_enter", args=[asked.pk]), {})
    assert page.status_code == 400 and "This question needs an answer." in page.content.decode()
    page = client.post(reverse("community:response_enter", args=[asked.pk]), {f"q{first.pk}": "Yes"})
    assert page.status_code == 302
    assert Response.objects.get().entered_by == cast["community_organiser"]


def test_an_asset_is_added(cast):
    client = client_for(cast["community_organiser"])
    asked = survey()
    page = client.post(
        reverse("community:asset_add", args=[asked.assessment_id]), {"kind": "group", "name": "Choir"}
    )
    assert page.status_code == 302
    assert Asset.objects.get().name == "Choir"


def test_the_results_page_maps_an_indicator_and_the_cases(cast):
    asked = survey()
    page = client_for(cast["evaluator"]).get(
        reverse("community:assessment_results", args=[asked.assessment_id])
    )
    assert page.status_code == 200
    shown = page.content.decode()
    assert 'id="practice-map"' in shown or "practice-map" in shown
