"""The sign-in page promises the authenticator code only where one will be asked for."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PROMISE = "you will be asked for the six-digit code"


def test_an_agency_with_the_second_factor_is_told_about_the_code(settings):
    settings.TAPESTRY_DEMO_OTP_BYPASS = False

    page = Client().get("/accounts/login/").content.decode()

    assert PROMISE in page


def test_the_demo_does_not_promise_a_code_it_will_not_ask_for(settings):
    settings.TAPESTRY_DEMO_OTP_BYPASS = True

    page = Client().get("/accounts/login/").content.decode()

    assert PROMISE not in page
    assert "signs you in with the password alone" in page
