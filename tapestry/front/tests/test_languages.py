"""Languages (docs/languages.md): each user picks one, pages follow it, the API stays in English."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_a_signed_in_user_chooses_spanish_and_pages_follow(cast):
    client = client_for(cast.caseworker)
    response = client.post(reverse("access:language"), {"language": "es", "next": reverse("front:home")})
    assert response.status_code == 302 and response.url == reverse("front:home")
    cast.caseworker.refresh_from_db()
    assert cast.caseworker.language == "es"

    page = client.get(reverse("front:home")).content.decode()
    assert '<html lang="es" dir="ltr">' in page
    assert "Su carga de casos hoy" in page and "Your caseload today" not in page
    assert "Cerrar sesión" in page


def test_the_choice_is_kept_on_the_user_not_the_browser(cast):
    cast.caseworker.language = "es"
    cast.caseworker.save()
    page = client_for(cast.caseworker).get(reverse("front:home"), headers={"accept-language": "en"})
    assert '<html lang="es"' in page.content.decode()


def test_without_a_choice_the_browser_language_is_used(cast):
    page = client_for(cast.caseworker).get(
        reverse("front:home"), headers={"accept-language": "es-MX,es;q=0.9"}
    )
    assert '<html lang="es"' in page.content.decode()
    assert page["Content-Language"] == "es"


def test_arabic_pages_are_right_to_left(cast):
    cast.caseworker.language = "ar"
    cast.caseworker.save()
    page = client_for(cast.caseworker).get(reverse("front:home")).content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "حالاتك اليوم" in page


def test_the_api_answers_in_english_whatever_the_user_chose(cast):
    cast.caseworker.language = "es"
    cast.caseworker.save()
    response = client_for(cast.caseworker).get("/api/v1/persons/999999999")
    in_english = client_for(cast.supervisor).get("/api/v1/persons/999999999")
    assert response.status_code == in_english.status_code == 404
    assert response["Content-Language"] == "en"
    # The same words an English-speaking user gets (the Spanish catalog has this text too).
    assert response.json()["detail"] == in_english.json()["detail"]
    with translation.override("es"):
        assert translation.gettext(in_english.json()["detail"]) != in_english.json()["detail"]


def test_a_language_not_offered_is_an_error_by_the_field(cast):
    client = client_for(cast.caseworker)
    response = client.post(reverse("access:language"), {"language": "xx"})
    assert response.status_code == 200
    assert "xx" in response.content.decode() and 'aria-invalid="true"' in response.content.decode()
    cast.caseworker.refresh_from_db()
    assert cast.caseworker.language == ""


def test_before_sign_in_the_choice_is_a_cookie_and_the_sign_in_page_follows_it():
    client = Client()
    page = client.get(reverse("access:language")).content.decode()
    assert "Español" in page and "العربية" in page
    response = client.post(reverse("access:language"), {"language": "es", "next": reverse("login")})
    assert response.status_code == 302 and response.url == reverse("login")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    assert '<html lang="es"' in client.get(reverse("login")).content.decode()


def test_the_language_page_does_not_send_anyone_elsewhere():
    response = Client().post(reverse("access:language"), {"language": "es", "next": "https://example.org/"})
    assert response.status_code == 302 and response.url == reverse(settings.LOGIN_REDIRECT_URL)


def test_empty_choice_goes_back_to_the_browsers_language(cast):
    cast.caseworker.language = "es"
    cast.caseworker.save()
    client = client_for(cast.caseworker)
    client.post(reverse("access:language"), {"language": ""})
    cast.caseworker.refresh_from_db()
    assert cast.caseworker.language == ""
    page = client.get(reverse("front:home"), headers={"accept-language": "en"}).content.decode()
    assert '<html lang="en"' in page


def test_a_request_in_spanish_leaves_the_next_code_in_the_language_it_had(cast):
    cast.caseworker.language = "es"
    cast.caseworker.save()
    with translation.override("en"):
        client_for(cast.caseworker).get(reverse("front:home"))
        assert translation.get_language() == "en"
