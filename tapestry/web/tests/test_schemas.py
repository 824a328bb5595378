"""The shared Out-schema pieces read what they promise from a record."""

from __future__ import annotations

from types import SimpleNamespace

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
