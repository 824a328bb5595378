"""The shared Out-schema pieces read what they promise from a record."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from ninja import Schema

from tapestry.web.schemas import NullIfBlank, PersonRef, label_of, shown_if, staff_name


class _ShiftOut(Schema):
    status: str
    status_label: str = label_of("status")
    code: NullIfBlank


def _shift(code: str) -> SimpleNamespace:
    return SimpleNamespace(status="open", get_status_display=lambda: "Open for bookings", code=code)


def test_label_of_reads_the_display_label_and_the_response_keeps_the_field_name() -> None:
    body = _ShiftOut.from_orm(_shift("A1")).model_dump()

    assert body == {"status": "open", "status_label": "Open for bookings", "code": "A1"}
    assert "status_label" in _ShiftOut.model_json_schema(mode="serialization")["properties"]


def test_null_if_blank_sends_null_for_an_empty_code() -> None:
    assert _ShiftOut.from_orm(_shift("")).code is None


class _MemberOut(Schema):
    person: PersonRef | None
    resolve_person = shown_if("person", "person_visible")


def test_shown_if_names_the_person_only_when_flagged() -> None:
    person = SimpleNamespace(id=7, display_name="Ana")

    assert _MemberOut.from_orm(SimpleNamespace(person=person, person_visible=True)).model_dump() == {
        "person": {"id": 7, "name": "Ana"}
    }
    assert _MemberOut.from_orm(SimpleNamespace(person=person)).person is None


def test_staff_name_falls_back_to_the_username_and_to_empty_for_nobody() -> None:
    class _User:
        username = "jdoe"

        def get_full_name(self) -> str:
            return ""

    assert staff_name(_User()) == "jdoe"
    assert staff_name(None) == ""


def test_stripped_text_strips_and_bounds_the_text_and_refuses_empty_when_required() -> None:
    from pydantic import ValidationError as BodyError

    from tapestry.web.schemas import Input, stripped_text

    class _NoteIn(Input):
        title: stripped_text(5, required=True)
        note: stripped_text(5) = ""
        long: stripped_text() = ""

    assert _NoteIn(title="  Ana ", note=" ").model_dump() == {"title": "Ana", "note": "", "long": ""}
    assert _NoteIn(title="Ana", long="x" * 10_000).long == "x" * 10_000
    for wrong in ({"title": "   "}, {"title": "Ana", "note": "too long"}, {"title": "long title"}):
        with pytest.raises(BodyError):
            _NoteIn(**wrong)


class _ShiftIn(Schema):
    name: str


class _NewShiftOut(Schema):
    id: int
    name: str


def test_created_answers_the_returned_record_with_201_and_declares_the_refusals() -> None:
    from ninja import Router
    from ninja.testing import TestClient

    from tapestry.web.schemas import created

    router = Router()

    @created(router, "/shifts", _NewShiftOut, errors=(400, 422), summary="Add a shift")
    def shift_add(request, payload: _ShiftIn) -> dict:
        return {"id": 7, "name": payload.name, "not": "in the schema"}

    response = TestClient(router).post("/shifts", json={"name": "Night"})

    assert response.status_code == 201
    assert response.json() == {"id": 7, "name": "Night"}
    (operation,) = router.path_operations["/shifts"].operations
    assert sorted(operation.response_models) == [201, 400, 401, 403, 422]
    assert (operation.summary, operation.view_func.__name__) == ("Add a shift", "shift_add")
