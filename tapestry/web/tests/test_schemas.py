"""The shared Out-schema pieces read what they promise from a record."""

from __future__ import annotations

from types import SimpleNamespace

from ninja import Schema

from tapestry.web.schemas import NullIfBlank, label_of


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
