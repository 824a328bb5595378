"""Keeping a session's work: the warning's extend button, signing in again back to the page asked
for (through the code step), the friendly page for a form refused by the CSRF check."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from axes.utils import reset
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tapestry.testing import TEST_PASSWORD, client_for

pytestmark = pytest.mark.django_db

EXTEND = reverse("access:session_extend")
LOGIN = reverse("login")
VERIFY = reverse("access:otp_verify")
WANTED = reverse("access:tokens")  # any page that needs a signed-in user


@pytest.fixture(autouse=True)
def _no_lockouts_left_over() -> Iterator[None]:
    reset()
    yield
    reset()


def test_extending_the_session_answers_how_long_it_now_lasts(cast, settings):
    settings.SESSION_COOKIE_AGE = 600
    client = client_for(cast.caseworker)

    response = client.post(EXTEND)

    assert response.status_code == 200
    assert response.json()["expires_in"] == 600
    session = Session.objects.get(session_key=client.session.session_key)
    assert session.get_decoded()["_auth_user_id"] == str(cast.caseworker.pk)


def test_extending_pushes_the_end_of_the_session_back(cast, settings):
    settings.SESSION_COOKIE_AGE = 600
    client = client_for(cast.caseworker)
    key = client.session.session_key
    nearly_over = timezone.now() + timedelta(seconds=30)
    Session.objects.filter(session_key=key).update(expire_date=nearly_over)

    client.post(EXTEND)

    assert Session.objects.get(session_key=key).expire_date > nearly_over + timedelta(seconds=500)


def test_an_ended_session_cannot_be_extended_and_is_sent_to_sign_in(cast):
    client = client_for(cast.caseworker)
    Session.objects.all().delete()

    response = client.post(EXTEND)

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_signed_in_pages_carry_the_session_script_and_the_sign_in_page_does_not(cast, client):
    signed_in = client_for(cast.caseworker).get(reverse("front:home")).content.decode()
    anonymous = client.get(LOGIN).content.decode()

    assert 'src="/static/front/session.js"' in signed_in
    assert f'data-extend-url="{EXTEND}"' in signed_in
    assert "session.js" not in anonymous


def _current_code(device: TOTPDevice) -> str:
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_signing_in_again_goes_through_the_code_step_to_the_page_asked_for(cast, settings):
    settings.TAPESTRY_DEMO_OTP_BYPASS = False
    device = TOTPDevice.objects.create(user=cast.caseworker, name="phone", confirmed=True)
    client = Client()

    asked = client.get(WANTED)
    assert asked["Location"] == f"{LOGIN}?next={WANTED}"
    signed_in = client.post(LOGIN, {"username": "caseworker", "password": TEST_PASSWORD, "next": WANTED})
    assert signed_in["Location"] == WANTED
    to_code = client.get(WANTED)
    assert to_code["Location"] == f"{VERIFY}?next=%2Faccess%2Ftokens%2F"
    coded = client.post(to_code["Location"], {"code": _current_code(device)})

    assert coded["Location"] == WANTED
    assert client.get(WANTED).status_code == 200


def test_a_next_address_on_another_site_is_ignored_after_the_code(cast, settings):
    settings.TAPESTRY_DEMO_OTP_BYPASS = False
    device = TOTPDevice.objects.create(user=cast.caseworker, name="phone", confirmed=True)
    client = client_for(cast.caseworker)

    coded = client.post(f"{VERIFY}?next=https://elsewhere.example/", {"code": _current_code(device)})

    assert coded["Location"] == reverse("front:home")


def test_a_form_without_its_security_cookie_gets_the_friendly_page(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.caseworker)
    here = "http://testserver" + reverse("access:tokens")

    response = client.post(reverse("access:tokens"), {"name": "laptop"}, HTTP_REFERER=here)

    page = response.content.decode()
    assert response.status_code == 403
    assert "Your form was not accepted" in page
    assert "saved as a draft every few seconds" in page
    assert f'href="{here}"' in page
    assert 'href="/casework/drafts/"' in page
    assert "CSRF verification failed" not in page


def test_the_friendly_page_links_back_only_to_this_site(client):
    client = Client(enforce_csrf_checks=True)

    response = client.post(LOGIN, {"username": "x", "password": "y"}, HTTP_REFERER="https://evil.example/")

    assert response.status_code == 403
    assert "evil.example" not in response.content.decode()
