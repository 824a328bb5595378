"""The published OpenAPI document: valid, and each schema in it is the one its operations use.

ninja files every schema under its class name in `components.schemas`; two classes with one name
overwrite each other silently, so an operation can publish another app's body. These tests walk
every operation's own models and compare them with what the document says.
"""

from __future__ import annotations

import json
import typing
from collections import defaultdict

import pydantic
from ninja.openapi.schema import REF_TEMPLATE, NinjaGenerateJsonSchema
from openapi_spec_validator import validate

from tapestry.api import api


def _document() -> dict:
    """The document as served at /api/v1/openapi.json (JSON: status codes become strings)."""
    return json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/v1/"), default=str))


def _operations() -> typing.Iterator[tuple[str, object]]:
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                for method in operation.methods:
                    yield f"{method} {prefix}{path}", operation


def _models_of(operation: object) -> typing.Iterator[tuple[type[pydantic.BaseModel], str]]:
    """(model, json-schema mode) for the operation's parameters, body and responses."""
    for model in operation.models:
        yield model, "validation"
    for model in operation.response_models.values():
        if isinstance(model, type) and issubclass(model, pydantic.BaseModel):
            yield model, "serialization"


def _schema_classes(annotation: object, found: dict[str, set[str]], seen: set[type]) -> None:
    """Every pydantic class reachable from an annotation, by name -> {module.qualname}."""
    if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
        if annotation in seen:
            return
        seen.add(annotation)
        found[annotation.__name__].add(f"{annotation.__module__}.{annotation.__qualname__}")
        for field in annotation.model_fields.values():
            _schema_classes(field.annotation, found, seen)
        return
    for argument in typing.get_args(annotation):
        _schema_classes(argument, found, seen)


def test_the_document_is_valid_openapi():
    validate(_document())


def test_every_operation_has_its_own_id():
    ids = [op["operationId"] for methods in _document()["paths"].values() for op in methods.values()]
    assert ids and len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_no_two_schema_classes_used_by_the_api_share_a_name():
    found: dict[str, set[str]] = defaultdict(set)
    seen: set[type] = set()
    for _, operation in _operations():
        for model, _mode in _models_of(operation):
            _schema_classes(model, found, seen)
    assert len(seen) > 100  # the walk reaches the apps' schemas, not just the wrappers
    shared = {name: sorted(classes) for name, classes in found.items() if len(classes) > 1}
    assert shared == {}


def test_every_component_is_the_schema_its_operations_generate():
    """Catches any overwrite, including one class whose input and output schemas differ."""
    components = _document()["components"]["schemas"]
    wrong = []
    for key, operation in _operations():
        for model, mode in _models_of(operation):
            generated = model.model_json_schema(
                ref_template=REF_TEMPLATE, schema_generator=NinjaGenerateJsonSchema, mode=mode
            )
            for name, definition in generated.get("$defs", {}).items():
                if components.get(name) != definition:
                    wrong.append(f"{key}: {name} ({model.__module__})")
    assert wrong == []


def _body_fields(document: dict, path: str) -> set[str]:
    schema = document["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]
    name = schema["$ref"].rsplit("/", 1)[-1]
    return set(document["components"]["schemas"][name]["properties"])


def test_a_household_member_body_is_a_person_and_a_position():
    document = _document()
    assert _body_fields(document, "/api/v1/households/{household_id}/members") == {"person_id", "position"}


def test_a_case_note_body_has_the_case_note_sections_not_the_group_note_ones():
    fields = _body_fields(_document(), "/api/v1/cases/{case_id}/notes")
    assert {"format", "contact_date", "present_ids"} <= fields
    assert not {"dynamics", "themes", "mentions"} & fields
