"""The second sign-in step: enrolling an authenticator app and entering its six-digit codes."""

from __future__ import annotations

import re
from base64 import b32encode

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tapestry.access.models import AuditEntry
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

HOME = reverse("front:home")
VERIFY = reverse("access:otp_verify")
ENROL = reverse("access:otp_enrol")


@pytest.fixture(autouse=True)
def _second_factor_required(settings) -> None:
    settings.TAPESTRY_DEMO_OTP_BYPASS = False


def current_code(device: TOTPDevice) -> str:
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def wrong_code(device: TOTPDevice) -> str:
    return f"{(int(current_code(device)) + 500_000) % 1_000_000:06d}"


@pytest.fixture
def device(cast) -> TOTPDevice:
    return TOTPDevice.objects.create(user=cast.caseworker, name="phone", confirmed=True)


def test_signed_in_without_an_authenticator_is_sent_to_set_one_up(cast):
    response = client_for(cast.caseworker).get(HOME)

    assert response.status_code == 302
    assert response["Location"] == ENROL


def test_signed_in_with_an_authenticator_is_asked_for_a_code(cast, device):
    response = client_for(cast.caseworker).get(HOME)

    assert response.status_code == 302
    assert response["Location"] == VERIFY


def test_every_page_waits_for_the_code_not_just_home(cast, device):
    response = client_for(cast.caseworker).get(reverse("access:tokens"))

    # The page asked for rides along, so the code step leads on to it.
    assert response["Location"] == f"{VERIFY}?next=%2Faccess%2Ftokens%2F"


def test_wrong_code_is_refused_and_the_user_stays_outside(cast, device):
    client = client_for(cast.caseworker)

    response = client.post(VERIFY, {"code": wrong_code(device)})

    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert client.get(HOME)["Location"] == VERIFY


def test_code_that_is_not_six_digits_gets_a_plain_error(cast, device):
    response = client_for(cast.caseworker).post(VERIFY, {"code": "12ab"})

    assert "Enter the six digits your authenticator app shows." in response.content.decode()


def test_right_code_lets_the_user_in(cast, device):
    client = client_for(cast.caseworker)

    response = client.post(VERIFY, {"code": current_code(device)})

    assert response.status_code == 302
    assert response["Location"] == HOME
    assert client.get(HOME).status_code == 200


def test_code_with_a_space_in_the_middle_is_accepted(cast, device):
    code = current_code(device)

    response = client_for(cast.caseworker).post(VERIFY, {"code": f"{code[:3]} {code[3:]}"})

    assert response["Location"] == HOME


def test_a_code_cannot_be_used_twice(cast, device):
    code = current_code(device)
    client_for(cast.caseworker).post(VERIFY, {"code": code})

    response = client_for(cast.caseworker).post(VERIFY, {"code": code})

    assert response.status_code == 200
    assert "That code is not right or was already used" in response.content.decode()


def test_after_a_wrong_code_guessing_is_throttled(cast, device):
    client = client_for(cast.caseworker)
    client.post(VERIFY, {"code": wrong_code(device)})

    # Straight after a failure even the right code waits: django-otp doubles the delay each time.
    response = client.post(VERIFY, {"code": current_code(device)})

    assert "Too many wrong codes" in response.content.decode()
    assert client.get(HOME)["Location"] == VERIFY


def test_wrong_and_right_codes_are_audited(cast, device):
    client = client_for(cast.caseworker)
    client.post(VERIFY, {"code": wrong_code(device)})
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )
    client.post(VERIFY, {"code": current_code(device)})

    # (force_login wrote the password sign-in entry, with no purpose.)
    actions = list(
        AuditEntry.objects.filter(actor=cast.caseworker)
        .exclude(purpose="")
        .order_by("id")
        .values_list("action", "purpose")
    )
    assert actions == [
        (AuditEntry.Action.LOGIN_FAILED, "wrong authenticator code"),
        (AuditEntry.Action.LOGIN, "second factor"),
    ]


def test_verify_page_sends_someone_without_an_authenticator_to_enrol(cast):
    response = client_for(cast.caseworker).get(VERIFY)

    assert response["Location"] == ENROL


def test_enrol_page_shows_a_qr_code_drawn_on_the_server_and_the_key(cast):
    response = client_for(cast.caseworker).get(ENROL)

    page = response.content.decode()
    device = TOTPDevice.objects.get(user=cast.caseworker)
    assert not device.confirmed
    assert re.search(r"<svg[^>]*viewBox", page)
    assert "<path" in page
    # The key is shown in groups of four for typing by hand.
    secret = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', page).group(1)
    assert secret.replace(" ", "") == b32encode(device.bin_key).decode()
    # No inline script: every script tag loads a file.
    assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", page))


def test_reloading_the_enrol_page_keeps_the_same_key(cast):
    client = client_for(cast.caseworker)
    client.get(ENROL)
    client.get(ENROL)

    assert TOTPDevice.objects.filter(user=cast.caseworker).count() == 1


def test_enrolment_with_a_wrong_code_is_refused_and_not_confirmed(cast):
    client = client_for(cast.caseworker)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=cast.caseworker)

    response = client.post(ENROL, {"code": wrong_code(device)})

    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed


def test_enrolment_with_the_right_code_confirms_the_device_and_lets_the_user_in(cast):
    client = client_for(cast.caseworker)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=cast.caseworker)

    response = client.post(ENROL, {"code": current_code(device)})

    assert response["Location"] == HOME
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(HOME).status_code == 200
    assert AuditEntry.objects.filter(actor=cast.caseworker, purpose="authenticator enrolled").exists()


def test_someone_with_an_authenticator_cannot_enrol_another_before_verifying(cast, device):
    response = client_for(cast.caseworker).get(ENROL)

    assert response["Location"] == VERIFY
    assert TOTPDevice.objects.filter(user=cast.caseworker).count() == 1


def test_api_without_the_second_step_answers_401(cast, device):
    response = client_for(cast.caseworker).get("/api/v1/me")

    assert response.status_code == 401
