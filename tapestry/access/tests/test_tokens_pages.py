"""The API tokens page: list one's own tokens, create one and see it once, revoke it."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import ApiToken, AuditEntry
from tapestry.access.tokens import token_create
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

TOKENS = reverse("access:tokens")


def _revoke_url(token: ApiToken) -> str:
    return reverse("access:token_revoke", args=[token.pk])


def test_page_lists_own_tokens_with_prefix_dates_and_status(cast):
    mine, _ = token_create(actor=cast.caseworker, name="Reporting script")
    token_create(actor=cast.teammate, name="Teammate's laptop")

    page = client_for(cast.caseworker).get(TOKENS).content.decode()

    assert "Reporting script" in page
    assert mine.prefix in page
    assert "never" in page  # not used yet
    assert "no expiry" in page
    assert "Active" in page
    assert "Teammate's laptop" not in page


def test_creating_a_token_shows_the_raw_value_once(cast):
    client = client_for(cast.caseworker)

    response = client.post(TOKENS, {"name": "Nightly export", "expires_in_days": ""})

    page = response.content.decode()
    token = ApiToken.objects.get(user=cast.caseworker)
    raw = page.split('id="new-token" class="token" type="text" readonly value="')[1].split('"')[0]
    assert raw.startswith(token.prefix)
    assert "shown only this once" in page
    assert raw not in client.get(TOKENS).content.decode()


def test_the_raw_token_is_not_stored_only_its_digest(cast):
    response = client_for(cast.caseworker).post(TOKENS, {"name": "Nightly export"})

    raw = response.content.decode().split('readonly value="')[1].split('"')[0]
    token = ApiToken.objects.get()
    assert token.digest == hashlib.sha256(raw.encode()).hexdigest()
    assert not ApiToken.objects.filter(Q(digest=raw) | Q(prefix=raw) | Q(name=raw)).exists()


def test_the_new_token_works_against_the_api(cast):
    response = client_for(cast.caseworker).post(TOKENS, {"name": "Script"})
    raw = response.content.decode().split('readonly value="')[1].split('"')[0]

    me = client_for(cast.outsider).get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})

    assert me.status_code == 200
    assert me.json()["username"] == cast.caseworker.username


def test_expiry_in_days_sets_the_expiry(cast):
    client_for(cast.caseworker).post(TOKENS, {"name": "Short-lived", "expires_in_days": "7"})

    token = ApiToken.objects.get()
    assert abs(token.expires_at - (timezone.now() + timedelta(days=7))) < timedelta(minutes=1)


def test_a_token_needs_a_name_and_a_sensible_expiry(cast):
    response = client_for(cast.caseworker).post(TOKENS, {"name": "", "expires_in_days": "0"})

    page = response.content.decode()
    assert 'id="id_name_error"' in page
    assert 'id="id_expires_in_days_error"' in page
    assert not ApiToken.objects.exists()


def test_creating_a_token_is_audited(cast):
    client_for(cast.caseworker).post(TOKENS, {"name": "Script"})

    assert AuditEntry.objects.filter(
        actor=cast.caseworker, action=AuditEntry.Action.CREATE, object_type="access.apitoken"
    ).exists()


def test_revoking_own_token_stops_it_working(cast):
    token, raw = token_create(actor=cast.caseworker, name="Old script")
    client = client_for(cast.caseworker)

    response = client.post(_revoke_url(token))

    assert response["Location"] == TOKENS
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert "Revoked" in client.get(TOKENS).content.decode()
    api = client_for(cast.outsider).get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    assert api.status_code == 401


def test_expired_token_is_shown_as_expired(cast):
    token_create(actor=cast.caseworker, name="Last year", expires_at=timezone.now() - timedelta(days=1))

    page = client_for(cast.caseworker).get(TOKENS).content.decode()

    assert "Expired" in page


def test_someone_elses_token_cannot_be_revoked(cast):
    token, _ = token_create(actor=cast.teammate, name="Teammate's")

    response = client_for(cast.caseworker).post(_revoke_url(token))

    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_revoking_is_post_only(cast):
    token, _ = token_create(actor=cast.caseworker, name="Script")

    response = client_for(cast.caseworker).get(_revoke_url(token))

    assert response.status_code == 405
    token.refresh_from_db()
    assert token.revoked_at is None


def test_every_role_may_manage_their_own_tokens(cast):
    for user in cast.by_role.values():
        assert client_for(user).get(TOKENS).status_code == 200


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(TOKENS)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
