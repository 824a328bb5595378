"""Signing in with a password: clear errors, throttling after repeated failures, and an audit trail."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axes.utils import reset
from django.test import Client
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.testing import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")


@pytest.fixture(autouse=True)
def _no_lockouts_left_over() -> Iterator[None]:
    reset()
    yield
    reset()


@pytest.fixture
def worker():
    return UserFactory(username="rivera", role="caseworker")


def _sign_in(client: Client, username: str, password: str):
    return client.post(LOGIN, {"username": username, "password": password})


def test_login_page_has_labelled_username_and_password_fields(client):
    response = client.get(LOGIN)

    assert response.status_code == 200
    page = response.content.decode()
    assert '<label for="id_username">' in page
    assert '<label for="id_password">' in page
    assert page.count("<h1>") == 1


def test_wrong_password_shows_a_clear_error_and_does_not_sign_in(client, worker):
    response = _sign_in(client, "rivera", "not the password")

    assert response.status_code == 200
    assert "That username and password do not match an active account" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_right_password_signs_in_and_goes_home(client, worker):
    response = _sign_in(client, "rivera", TEST_PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == reverse("front:home")
    assert client.session["_auth_user_id"] == str(worker.pk)


def test_successful_sign_in_is_written_to_the_audit_log(client, worker):
    _sign_in(client, "rivera", TEST_PASSWORD)

    entry = AuditEntry.objects.filter(action=AuditEntry.Action.LOGIN).get()
    assert entry.actor == worker
    assert entry.ip_address == "127.0.0.1"


def test_failed_sign_in_is_written_to_the_audit_log_with_the_username_tried(client, worker):
    _sign_in(client, "rivera", "not the password")

    entry = AuditEntry.objects.filter(action=AuditEntry.Action.LOGIN_FAILED).get()
    assert entry.actor is None
    assert entry.object_id == "rivera"


def test_sign_in_goes_to_the_next_page_asked_for(client, worker):
    tokens = reverse("access:tokens")

    response = client.post(
        f"{LOGIN}?next={tokens}", {"username": "rivera", "password": TEST_PASSWORD, "next": tokens}
    )

    assert response["Location"] == tokens


def test_repeated_failures_lock_the_account_out(client, worker, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = _sign_in(client, "rivera", "not the password")
        assert response.status_code == 200

    response = _sign_in(client, "rivera", "not the password")

    assert response.status_code in (403, 429)
    assert "access/locked_out.html" in [t.name for t in response.templates]
    assert "Sign-in is locked for now" in response.content.decode()


def test_locked_out_account_cannot_sign_in_even_with_the_right_password(client, worker, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "rivera", "not the password")

    response = _sign_in(client, "rivera", TEST_PASSWORD)

    assert response.status_code in (403, 429)
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_username_so_colleagues_can_still_sign_in(client, worker, settings):
    UserFactory(username="okafor")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "rivera", "not the password")

    response = _sign_in(client, "okafor", TEST_PASSWORD)

    assert response.status_code == 302


def test_sign_out_is_a_post_and_ends_the_session(client, worker):
    _sign_in(client, "rivera", TEST_PASSWORD)

    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))

    assert response["Location"] == LOGIN
    assert "_auth_user_id" not in client.session
