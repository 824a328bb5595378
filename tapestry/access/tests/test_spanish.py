"""Access pages speak Spanish to a user who chose it, and the sign-in page speaks the browser's language
(Spanish, and Arabic for the sign-in and second-factor pages)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tapestry.access.models import Role
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_staff_list_is_in_spanish_for_a_user_who_chose_it(cast):
    admin = cast[Role.ADMINISTRATOR]
    admin.language = "es"
    admin.save()

    page = client_for(admin).get(reverse("access:staff_list")).content.decode()

    assert "Personal y acceso" in page
    assert "Nueva cuenta de personal" in page
    assert "Staff and access" not in page


def test_the_sign_in_page_follows_the_browser_language(settings):
    settings.TAPESTRY_DEMO_OTP_BYPASS = False

    spanish = Client(HTTP_ACCEPT_LANGUAGE="es").get("/accounts/login/").content.decode()
    arabic = Client(HTTP_ACCEPT_LANGUAGE="ar").get("/accounts/login/").content.decode()

    assert "Iniciar sesión en Tapestry" in spanish
    assert "Sign in to Tapestry" not in spanish
    assert "تسجيل الدخول إلى Tapestry" in arabic
    assert "Sign in to Tapestry" not in arabic
