"""The API answers every failure in its one error shape, even outside its operations."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_an_unknown_api_address_is_a_json_404(cast):
    client = Client()
    client.force_login(cast.caseworker)
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.json() == {"detail": "There is no API operation at this address.", "errors": {}}


def test_an_unknown_page_is_the_html_404_page(cast):
    client = Client()
    client.force_login(cast.caseworker)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"<h1>Not found</h1>" in response.content


def test_a_session_write_without_csrf_says_how_to_fix_it(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.caseworker)
    response = client.post("/api/v1/persons", {}, content_type="application/json")
    assert response.status_code == 403
    assert "X-CSRFToken" in response.json()["detail"]
