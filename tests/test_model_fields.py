"""A list or mapping kept as JSON may be empty as far as the model goes: `full_clean` would otherwise
refuse an empty one with "This field cannot be blank." (a story with nothing to scrub was refused
so). Where a record needs at least one entry, its service says which and why, next to the field."""

from __future__ import annotations

from django.apps import apps
from django.db import models


def _json_lists() -> list[models.JSONField]:
    return [
        field
        for model in apps.get_models()
        if model.__module__.startswith("tapestry")
        for field in model._meta.get_fields()
        if isinstance(field, models.JSONField) and field.default in (list, dict)
    ]


def test_the_json_lists_are_found():
    assert len(_json_lists()) > 5


def test_no_json_list_or_mapping_refuses_to_be_empty_with_the_generic_message():
    refusing = [f"{field.model._meta.label}.{field.name}" for field in _json_lists() if not field.blank]
    assert refusing == []
