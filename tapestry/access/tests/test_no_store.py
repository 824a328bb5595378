"""Pages and API answers shown to a signed-in user carry Cache-Control: no-store."""

from __future__ import annotations

import pytest
from django.test import Client

from tapestry.access.tokens import token_create


@pytest.mark.django_db
def test_a_signed_in_page_is_not_stored(cast):
    client = Client()
    client.force_login(cast.caseworker)
    response = client.get("/people/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_an_api_answer_to_a_token_is_not_stored(cast):
    _, secret = token_create(actor=cast.caseworker, name="cache")
    response = Client().get("/api/v1/persons", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_refusal_to_a_signed_in_user_is_not_stored(cast):
    client = Client()
    client.force_login(cast["evaluator"])
    response = client.get("/people/")
    assert response.status_code == 403
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_public_health_page_is_left_alone():
    response = Client().get("/health/")
    assert "no-store" not in response.get("Cache-Control", "")
