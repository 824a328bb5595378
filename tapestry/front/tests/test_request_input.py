"""Input no record can hold is refused with a clear 4xx, on pages and on the API, before any view runs."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pydantic import TypeAdapter
from pydantic import ValidationError as PydanticValidationError

from tapestry.access.tokens import token_create
from tapestry.people.models import Person
from tapestry.people.schemas import LocalTime
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

LIMIT = 2_000  # bytes; the tests lower DATA_UPLOAD_MAX_MEMORY_SIZE so the bodies stay small


@pytest.fixture
def small_limit(settings) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = LIMIT


def _api(user) -> Client:
    _, raw = token_create(actor=user, name="test")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def _person_json(given_name_json: str) -> str:
    """A person body with the given name written as raw JSON (so it can hold a `\\ud800` escape)."""
    return '{"given_name": ' + given_name_json + ', "family_name": "Okafor", "confirm_not_duplicate": true}'


# Bodies over the upload limit -------------------------------------------------------------------


def test_an_api_body_over_the_limit_is_a_413_in_the_api_format(cast, small_limit):
    body = _person_json('"' + "a" * LIMIT + '"')
    response = _api(cast.caseworker).post("/api/v1/persons", body, content_type="application/json")
    assert response.status_code == 413
    assert response.json() == {
        "detail": "The request is too large: at most 2 KB is accepted at once.",
        "errors": {},
    }


def test_the_default_limit_is_named_in_megabytes(cast):
    body = _person_json('"' + "a" * 2_700_000 + '"')
    response = _api(cast.caseworker).post("/api/v1/persons", body, content_type="application/json")
    assert response.status_code == 413
    assert "at most 2.6 MB" in response.json()["detail"]


def test_a_form_over_the_limit_is_a_413_page(cast, small_limit):
    response = client_for(cast.caseworker).post(
        reverse("people:person_create"), {"given_name": "a" * LIMIT, "family_name": "Okafor"}
    )
    assert response.status_code == 413
    assert b"The request is too large" in response.content
    assert b"Nothing was saved" in response.content
    assert not Person.objects.exists()


def test_a_multipart_form_whose_fields_pass_the_limit_is_a_413(cast, small_limit):
    response = client_for(cast.caseworker).post(
        reverse("people:person_create"),
        {"given_name": "a" * LIMIT, "family_name": "Okafor"},
        format="multipart",
    )
    assert response.status_code == 413


def test_a_file_larger_than_the_limit_is_not_counted_against_it(cast, small_limit):
    upload = SimpleUploadedFile("services.csv", b"x" * (LIMIT * 5), content_type="text/csv")
    response = client_for(cast.caseworker).post(reverse("people:person_create"), {"file": upload})
    assert response.status_code == 200  # the form, with its errors; not refused for size


# Text a database cannot store --------------------------------------------------------------------


@pytest.mark.parametrize("value", [r'"\ud800"', r'"Ada\u0000"', r'"\udfff and more"'])
def test_an_unstorable_json_string_is_a_422_naming_the_field(cast, value):
    response = _api(cast.caseworker).post(
        "/api/v1/persons", _person_json(value), content_type="application/json"
    )
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "The request has a value that cannot be stored."
    assert list(body["errors"]) == ["given_name"]
    assert "NUL character or a lone UTF-16 surrogate" in body["errors"]["given_name"][0]
    assert not Person.objects.exists()


def test_nested_strings_and_keys_are_checked_too(cast):
    body = '{"name": "Rossi household", "members": [{"person_id": 1, "position": "\\u0000"}], "\\ud800": 1}'
    response = _api(cast.caseworker).post("/api/v1/households", body, content_type="application/json")
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"members.0.position", "(key)"}


def test_an_integer_no_database_column_can_hold_is_a_422(cast):
    body = '{"name": "Rossi household", "members": [{"person_id": 9223372036854775808, "position": "head"}]}'
    response = _api(cast.caseworker).post("/api/v1/households", body, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"] == {"members.0.person_id": ["This number is too large to store."]}


def test_a_page_number_beyond_any_offset_is_a_422(cast):
    response = _api(cast.caseworker).get("/api/v1/persons?page=34322929103438348288")
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["page"]


def test_a_multipart_body_without_a_boundary_is_a_400(cast):
    response = _api(cast.caseworker).post(
        "/api/v1/persons", b"given_name=Ada", content_type="multipart/form-data"
    )
    assert response.status_code == 400
    assert response.json()["detail"] == "The multipart form data could not be read."


def test_a_nul_in_an_api_query_is_a_422_naming_the_parameter(cast):
    response = _api(cast.caseworker).get("/api/v1/persons?q=Ada%00")
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["q"]


def test_a_nul_in_a_page_query_is_a_400_page(cast):
    response = client_for(cast.caseworker).get(reverse("people:person_search") + "?q=Ada%00")
    assert response.status_code == 400
    assert b"a character that cannot be stored" in response.content


def test_a_nul_in_a_form_field_is_a_400_and_nothing_is_saved(cast):
    response = client_for(cast.caseworker).post(
        reverse("people:person_create"), {"given_name": "Ada\x00", "family_name": "Okafor"}
    )
    assert response.status_code == 400
    assert b"given_name" in response.content
    assert not Person.objects.exists()


def test_a_nul_in_the_address_is_refused(cast):
    response = _api(cast.caseworker).get("/api/v1/instruments/phq-9%00")
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["(address)"]


def test_ordinary_text_passes(cast):
    body = _person_json('"Zoë \\u00e9 \\ud83d\\ude00"')  # a surrogate pair is a real character (an emoji)
    response = _api(cast.caseworker).post("/api/v1/persons", body, content_type="application/json")
    assert response.status_code == 201
    assert Person.objects.get().given_name == "Zoë é 😀"


def test_a_time_of_day_with_an_offset_is_refused_with_a_reason():
    # SQLite cannot store an aware time at all; the agency's times of day are local.
    local_time = TypeAdapter(LocalTime)
    assert local_time.validate_python("18:30") == dt.time(18, 30)
    with pytest.raises(PydanticValidationError, match="without a time-zone offset"):
        local_time.validate_python("18:30:00Z")
