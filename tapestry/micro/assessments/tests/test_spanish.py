"""The PHQ-9 in Spanish: its items and answers are the official published Spanish (USA) version (the Pfizer
PHQ screeners), not a translation of our English paraphrase, and it scores exactly as in English
(issue 12, item 10; docs/micro-assessments.md)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tapestry.micro.assessments.instruments import GAD7, PHQ9
from tapestry.micro.assessments.models import Assessment
from tapestry.micro.assessments.tests.factories import likert
from tapestry.testing import client_for, open_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _back_to_english():
    """A request in Spanish leaves Spanish active in the test's thread; the next test expects English."""
    yield
    translation.deactivate()


PHQ9_ITEM_1 = "Poco interés o placer en hacer cosas"
PHQ9_ITEM_9 = "Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera"
ANSWERS = ("Ningún día", "Varios días", "Más de la mitad de los días", "Casi todos los días")


def _post(client, case, answers):
    data = {**answers, "administered_on": timezone.localdate().isoformat(), "note": ""}
    url = reverse("assessments:assessment_new", kwargs={"case_pk": case.pk, "code": "phq-9"})
    return client.post(url, data, follow=True)


def test_the_phq9_form_in_spanish_shows_the_official_items_and_answers_and_scores_the_same(cast):
    cast.caseworker.language = "es"
    cast.caseworker.save(update_fields=["language"])
    case = open_case(cast.caseworker)
    client = client_for(cast.caseworker)

    url = reverse("assessments:assessment_new", kwargs={"case_pk": case.pk, "code": "phq-9"})
    page = client.get(url).content.decode()
    assert PHQ9_ITEM_1 in page
    assert PHQ9_ITEM_9 in page
    for label in ANSWERS:
        assert page.count(label) == 9  # once per item
    assert PHQ9.items[0].text not in page  # not our English paraphrase
    assert "Nearly every day" not in page
    assert "Calcular la puntuación y guardar" in page

    answers = {**likert(15, 8), "q9": "1"}  # item 9 above "not at all": the suicide-risk rule
    result = _post(client, case, answers).content.decode()
    assessment = Assessment.objects.get()
    english = PHQ9.score(answers)
    assert (assessment.total_score, assessment.flagged, assessment.crisis) == (
        english.total,
        english.flagged,
        english.crisis,
    )
    assert assessment.severity_band == english.band
    # What is stored stays as defined (English); the answers as given are shown in Spanish.
    assert assessment.responses[0]["question"] == PHQ9.items[0].text
    assert PHQ9_ITEM_1 in result
    assert "Riesgo de suicidio: actúe ahora" in result


def test_the_gad7_form_in_spanish_shows_the_official_items(cast):
    cast.caseworker.language = "es"
    cast.caseworker.save(update_fields=["language"])
    case = open_case(cast.caseworker)

    url = reverse("assessments:assessment_new", kwargs={"case_pk": case.pk, "code": "gad-7"})
    page = client_for(cast.caseworker).get(url).content.decode()
    assert "Se ha sentido nervioso(a), ansioso(a) o con los nervios de punta" in page
    assert "Ha tenido miedo de que algo terrible fuera a pasar" in page
    assert GAD7.items[0].text not in page


def test_an_instrument_without_an_official_spanish_version_keeps_its_english_items(cast):
    cast.caseworker.language = "es"
    cast.caseworker.save(update_fields=["language"])
    case = open_case(cast.caseworker)

    url = reverse("assessments:assessment_new", kwargs={"case_pk": case.pk, "code": "dast-10"})
    page = client_for(cast.caseworker).get(url).content.decode()
    # Marked as English and as not to be machine-translated, for screen readers and browsers.
    assert '<span lang="en" translate="no">Have you used drugs other than for medical reasons?</span>' in page
    assert "Sí</label>" not in page  # its answers stay in English too, though "Yes" is in a catalog
    assert "Calcular la puntuación y guardar" in page  # the page around the items is in Spanish


def test_the_phq9_form_in_english_is_unchanged(cast):
    case = open_case(cast.caseworker)
    url = reverse("assessments:assessment_new", kwargs={"case_pk": case.pk, "code": "phq-9"})
    page = client_for(cast.caseworker).get(url).content.decode()
    assert PHQ9.items[0].text in page
    assert "Nearly every day" in page
    assert PHQ9_ITEM_1 not in page


def test_the_result_page_in_spanish_shows_the_band_and_the_answers_in_spanish(cast):
    cast.caseworker.language = "es"
    cast.caseworker.save(update_fields=["language"])
    case = open_case(cast.caseworker)
    client = client_for(cast.caseworker)

    page = _post(client, case, likert(12, 9, last_zero=True)).content.decode()
    assert "Moderado" in page  # the band, stored as "Moderate"
    assert "Casi todos los días" in page  # an answer as given
    assert Assessment.objects.get().severity_band == "Moderate"
