"""Signing in to the API: personal access tokens, sessions with CSRF, the error format, /me and the OpenAPI document."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from tapestry.access.models import Role, User
from tapestry.access.policy import Capability
from tapestry.access.routes import ROUTES
from tapestry.access.tokens import token_create, token_revoke
from tapestry.people.models import Person
from tapestry.testing import PersonFactory, assign, client_for

pytestmark = pytest.mark.django_db

NEW_PERSON = {"given_name": "Tamsin", "family_name": "Okonkwo-Hale", "date_of_birth": "1990-05-17"}


def api_client(user: User, **kwargs: object) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}", **kwargs)


def assert_error_shape(response: object, status: int) -> dict:
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert isinstance(body["detail"], str) and body["detail"]
    assert isinstance(body["errors"], dict)
    return body


# Tokens -------------------------------------------------------------------------------------


def test_a_token_signs_in_as_its_owner(cast):
    response = api_client(cast.caseworker).get("/api/v1/me")

    assert response.status_code == 200
    assert response.json()["username"] == cast.caseworker.username


def test_using_a_token_records_when_it_was_last_used(cast):
    token, raw = token_create(actor=cast.caseworker, name="tests")

    Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/v1/me")

    token.refresh_from_db()
    assert token.last_used_at is not None


def test_an_unknown_token_is_a_401(cast):
    response = Client(HTTP_AUTHORIZATION="Bearer tap_not-a-real-token").get("/api/v1/persons")

    body = assert_error_shape(response, 401)
    assert "token" in body["detail"]


def test_a_revoked_token_is_a_401(cast):
    token, raw = token_create(actor=cast.caseworker, name="laptop")
    token_revoke(actor=cast.caseworker, token=token)

    response = Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/v1/me")

    assert_error_shape(response, 401)


def test_an_expired_token_is_a_401(cast):
    _, raw = token_create(actor=cast.caseworker, name="old", expires_at=timezone.now() - timedelta(minutes=1))

    response = Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/v1/me")

    assert_error_shape(response, 401)


def test_a_deactivated_staff_members_token_stops_working(cast):
    _, raw = token_create(actor=cast.caseworker, name="laptop")
    User.objects.filter(pk=cast.caseworker.pk).update(is_active=False)

    response = Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/v1/me")

    assert_error_shape(response, 401)


def test_no_credentials_is_a_401(db):
    assert_error_shape(Client().get("/api/v1/persons"), 401)
    assert_error_shape(Client().post("/api/v1/persons", NEW_PERSON, content_type="application/json"), 401)
    assert not Person.objects.exists()


def test_a_token_needs_no_csrf_token_to_write(cast):
    client = api_client(cast.caseworker, enforce_csrf_checks=True)

    response = client.post("/api/v1/persons", NEW_PERSON, content_type="application/json")

    assert response.status_code == 201


def test_a_token_is_not_stopped_by_the_second_factor(cast, settings):
    settings.TAPESTRY_DEMO_OTP_BYPASS = False

    assert api_client(cast.caseworker).get("/api/v1/me").status_code == 200


# Sessions -----------------------------------------------------------------------------------


def test_a_signed_in_session_reads_the_api(cast):
    person = PersonFactory()
    assign(cast.caseworker, person)

    response = client_for(cast.caseworker).get("/api/v1/persons")

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [person.pk]


def test_a_session_write_without_a_csrf_token_is_refused(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.caseworker)

    response = client.post("/api/v1/persons", NEW_PERSON, content_type="application/json")

    assert_error_shape(response, 403)
    assert not Person.objects.exists()


def test_a_session_write_with_the_csrf_token_is_accepted(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.caseworker)
    secret = "a" * 32  # an unmasked secret, as a browser would send back from the cookie
    client.cookies[settings.CSRF_COOKIE_NAME] = secret

    response = client.post(
        "/api/v1/persons", NEW_PERSON, content_type="application/json", HTTP_X_CSRFTOKEN=secret
    )

    assert response.status_code == 201
    assert Person.objects.filter(family_name="Okonkwo-Hale").exists()


def test_a_session_without_the_second_factor_is_refused(cast, settings):
    settings.TAPESTRY_DEMO_OTP_BYPASS = False

    body = assert_error_shape(client_for(cast.caseworker).get("/api/v1/me"), 401)
    assert "second" in body["detail"]


# The error format ---------------------------------------------------------------------------


def test_every_refusal_has_the_same_shape(cast):
    stranger = PersonFactory()
    assign(cast.outsider, stranger)
    client = api_client(cast.caseworker)

    assert_error_shape(client.get(f"/api/v1/persons/{stranger.pk}"), 403)
    assert_error_shape(client.get("/api/v1/persons/999999"), 404)
    assert_error_shape(client.get("/api/v1/persons/not-a-number"), 422)
    invalid = assert_error_shape(client.post("/api/v1/persons", {}, content_type="application/json"), 422)
    assert set(invalid["errors"]) == {"given_name", "family_name"}
    assert_error_shape(api_client(cast[Role.EVALUATOR]).get("/api/v1/persons"), 403)


def test_a_role_without_caseloads_is_refused_persons_but_not_organisations(cast):
    client = api_client(cast[Role.EVALUATOR])

    assert_error_shape(client.get("/api/v1/persons"), 403)
    assert_error_shape(client.get("/api/v1/households"), 403)
    assert client.get("/api/v1/organisations").status_code == 200


# /me ----------------------------------------------------------------------------------------


def test_me_lists_the_callers_role_capabilities_and_teams(cast):
    response = api_client(cast.caseworker).get("/api/v1/me")

    me = response.json()
    assert me["role"] == Role.CASEWORKER
    assert me["role_label"] == Role.CASEWORKER.label
    assert Capability.PERSON_READ in me["capabilities"]
    assert Capability.PERSON_MERGE not in me["capabilities"]
    assert me["teams"] == ["North team"]
    assert me["segments"] == []


def test_me_shows_an_evaluator_cannot_read_persons(cast):
    me = api_client(cast[Role.EVALUATOR]).get("/api/v1/me").json()

    assert Capability.PERSON_READ not in me["capabilities"]
    assert Capability.AGGREGATE_READ in me["capabilities"]


# The OpenAPI document -----------------------------------------------------------------------


def test_the_openapi_document_lists_every_declared_operation(db):
    response = Client().get("/api/v1/openapi.json")

    assert response.status_code == 200
    document = response.json()
    published = {
        f"{method.upper()} {path.rstrip('/')}"
        for path, operations in document["paths"].items()
        for method in operations
    }
    declared = {key for key in ROUTES if key.split(" ", 1)[0] in {"GET", "POST", "PATCH", "PUT", "DELETE"}}
    assert published == declared


def test_every_operation_has_a_summary_a_unique_id_and_typed_errors(db):
    document = Client().get("/api/v1/openapi.json").json()
    operations = [op for methods in document["paths"].values() for op in methods.values()]

    assert all(op.get("summary") for op in operations)
    operation_ids = [op["operationId"] for op in operations]
    assert len(operation_ids) == len(set(operation_ids))
    guarded = [
        op for path, methods in document["paths"].items() if path != "/api/v1/me" for op in methods.values()
    ]
    assert all({"401", "403"} <= set(op["responses"]) for op in guarded)


def test_lists_are_paginated_with_page_and_page_size(db):
    document = Client().get("/api/v1/openapi.json").json()

    for path in ("/api/v1/persons", "/api/v1/households", "/api/v1/relationships", "/api/v1/organisations"):
        parameters = {p["name"]: p for p in document["paths"][path]["get"]["parameters"]}
        assert parameters["page_size"]["schema"]["maximum"] == 100
        assert "page" in parameters
        paged = document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        name = paged["$ref"].rsplit("/", 1)[1]
        assert set(document["components"]["schemas"][name]["properties"]) == {"items", "count"}
