"""Community in Spanish: the public survey follows the browser's language (no account, no cookie),
and the assessments read in Spanish for a worker who chose it (issue 12, item 10)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tapestry.macro.community.models import Question
from tapestry.macro.community.tests.support import question, survey
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def _asked():
    asked = survey()
    question(asked, 1, required=True)
    question(asked, 2, Question.Kind.TEXT)
    return asked


def test_the_public_survey_speaks_the_browsers_language_and_sets_no_cookie():
    asked = _asked()
    url = reverse("survey_public:answer", args=[asked.token])

    spanish = Client(HTTP_ACCEPT_LANGUAGE="es").get(url)
    english = Client(HTTP_ACCEPT_LANGUAGE="en").get(url)

    assert spanish.status_code == 200 and not spanish.cookies
    assert '<html lang="es"' in spanish.content.decode()
    assert "Enviar mis respuestas" in spanish.content.decode()
    assert "Send my answers" not in spanish.content.decode()
    assert "Send my answers" in english.content.decode()


def test_a_missing_answer_is_refused_in_spanish():
    asked = _asked()
    url = reverse("survey_public:answer", args=[asked.token])

    page = Client(HTTP_ACCEPT_LANGUAGE="es").post(url, {})

    assert page.status_code == 400
    assert "Esta pregunta necesita una respuesta." in page.content.decode()


def test_the_assessments_read_in_spanish(cast):
    organiser = cast.by_role["community_organiser"]
    organiser.language = "es"
    organiser.save(update_fields=["language"])

    page = client_for(organiser).get(reverse("community:assessment_list")).content.decode()

    assert "Evaluaciones de necesidades comunitarias" in page
    assert "Community needs assessments" not in page
