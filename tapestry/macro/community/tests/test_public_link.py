"""The public survey link: no session, no cookie, no read-back, rate-limited, and closed means closed."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tapestry.macro.community.models import Answer, Question, Response
from tapestry.macro.community.tests.support import question, survey

pytestmark = pytest.mark.django_db


def _url(asked) -> str:
    return reverse("survey_public:answer", args=[asked.token])


def _asked():
    asked = survey()
    first = question(asked, 1, required=True)
    text = question(asked, 2, Question.Kind.TEXT)
    return asked, first, text


def test_the_form_sets_no_cookie_and_carries_no_csrf_token():
    asked, _, _ = _asked()
    page = Client().get(_url(asked))
    assert page.status_code == 200
    assert not page.cookies
    assert "Set-Cookie" not in page.headers
    assert "csrfmiddlewaretoken" not in page.content.decode()


def test_answering_sets_no_cookie_and_shows_only_thanks():
    asked, first, text = _asked()
    client = Client(enforce_csrf_checks=True)
    page = client.post(_url(asked), {f"q{first.pk}": "Not sure", f"q{text.pk}": "A quiet secret"})
    assert page.status_code == 200
    assert "Set-Cookie" not in page.headers and not page.cookies
    shown = page.content.decode()
    assert "Thank you" in shown
    assert "Not sure" not in shown and "A quiet secret" not in shown
    assert Response.objects.get().channel == Response.Channel.PUBLIC


def test_nothing_can_be_read_back():
    asked, first, text = _asked()
    client = Client()
    client.post(_url(asked), {f"q{first.pk}": "Not sure", f"q{text.pk}": "A quiet secret"})
    again = client.get(_url(asked)).content.decode()
    assert "A quiet secret" not in again
    assert "checked" not in again


def test_no_contact_is_kept_unless_the_respondent_asks_to_be_contacted():
    asked, first, _ = _asked()
    Client().post(_url(asked), {f"q{first.pk}": "Yes", "contact_name": "Sam", "contact_detail": "555"})
    Client().post(
        _url(asked),
        {f"q{first.pk}": "Yes", "contact_me": "1", "contact_name": "Robin", "contact_detail": "556"},
    )
    kept = list(Response.objects.order_by("pk").values_list("contact_name", "contact_detail"))
    assert kept == [("", ""), ("Robin", "556")]


def test_a_missing_required_answer_is_shown_by_the_question_and_nothing_is_stored():
    asked, first, _ = _asked()
    page = Client().post(_url(asked), {})
    assert page.status_code == 400
    assert "This question needs an answer." in page.content.decode()
    assert Response.objects.count() == 0


def test_a_closed_survey_answers_410_and_stores_nothing():
    asked, first, _ = _asked()
    asked.is_open = False
    asked.save()
    client = Client()
    assert client.get(_url(asked)).status_code == 410
    page = client.post(_url(asked), {f"q{first.pk}": "Yes"})
    assert page.status_code == 410
    assert "closed" in page.content.decode()
    assert Answer.objects.count() == 0


def test_an_unknown_token_answers_404():
    page = Client().get(reverse("survey_public:answer", args=["not-a-token"]))
    assert page.status_code == 404
    assert "There is no survey at this address" in page.content.decode()


def test_over_the_address_limit_the_answer_is_429_and_nothing_is_stored(settings):
    settings.TAPESTRY_SURVEY_RATE_PER_ADDRESS = "3/h"
    asked, first, _ = _asked()
    client = Client()
    answers = [client.post(_url(asked), {f"q{first.pk}": "Yes"}).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    assert Response.objects.count() == 3
    assert client.get(_url(asked)).status_code == 429


def test_over_the_survey_limit_every_address_gets_429(settings):
    settings.TAPESTRY_SURVEY_RATE_PER_SURVEY = "2/h"
    asked, first, _ = _asked()
    answers = [
        Client(REMOTE_ADDR=f"10.0.0.{n}").post(_url(asked), {f"q{first.pk}": "Yes"}).status_code
        for n in range(3)
    ]
    assert answers == [200, 200, 429]
    assert "try again later" in Client(REMOTE_ADDR="10.0.0.9").post(_url(asked), {}).content.decode()


def test_the_staff_pages_are_not_reached_through_the_link():
    asked, _, _ = _asked()
    page = Client().get(reverse("community:assessment_results", args=[asked.assessment_id]))
    assert page.status_code == 302 and "/accounts/login/" in page["Location"]
