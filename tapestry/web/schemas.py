"""API pieces every app shares: the error body, paging, strict input, and references to people and staff."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable, Mapping
from typing import Annotated, Any

from django.core.exceptions import ValidationError
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate
from pydantic import BeforeValidator, ConfigDict, StringConstraints


class Input(Schema):
    """A request body: an unknown field is a mistake worth hearing about (a typo would otherwise be ignored)."""

    model_config = ConfigDict(extra="forbid")


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong, in plain language.")
    errors: dict[str, list[str]] = Field(
        description="Messages per field; `__all__` for the request as a whole."
    )


def error_responses(*codes: int) -> dict[int, type[ErrorOut]]:
    """The error answers of an operation: always 401 (no valid credentials) and 403 (refused), plus `codes`."""
    return dict.fromkeys((401, 403, *codes), ErrorOut)


def refuse_nulls(changes: Mapping[str, Any], names: Iterable[str]) -> None:
    """A PATCH may leave these fields out but not send them as null: a field error on the first that is."""
    for name in names:
        if name in changes and changes[name] is None:
            raise ValidationError({name: ["This field cannot be empty."]})


def purpose_query(what: str = "the record") -> Any:
    """The `purpose` query parameter of an audited read: why the caller opens `what`."""
    return Query("case work", min_length=1, max_length=200, description=f"Why you open {what}.")


def label_of(choice: str, **field: Any) -> Any:
    """An Out field holding the display label of the record's `choice` field (its `get_<choice>_display()`).

    A validation alias, not a resolver: ninja calls a callable it reads, and the OpenAPI document still
    names the field as declared.
    """
    return Field(validation_alias=f"get_{choice}_display", **field)


# An optional code stored as "" when absent: the body says null, as the OpenAPI document promises.
NullIfBlank = Annotated[str | None, BeforeValidator(lambda text: text or None)]


class PageParams(Schema):
    # Bounded so the row offset (page x page_size) stays a number every database can hold.
    page: int = Field(1, ge=1, le=1_000_000, description="Page number, from 1.")
    page_size: int = Field(50, ge=1, le=100, description="Items per page, at most 100.")


class Pages(PageNumberPagination):
    """Numbered pages; `page_size` is capped at 100 so one request cannot pull a whole caseload export."""

    Input = PageParams


def paged_get(
    router: Router, path: str, item: type, *, errors: Iterable[int] = (404, 422), **options: Any
) -> Callable[[Callable], Callable]:
    """A GET operation answering a numbered page of `item`s (see `Pages`), with the usual refusals.

    `options` are the operation's own (summary, description, tags); the view returns the whole list
    or queryset and the page is cut from it.
    """

    def decorate(view: Callable) -> Callable:
        response = {200: list[item], **error_responses(*errors)}
        return router.get(path, response=response, **options)(paginate(Pages)(view))

    return decorate


def created(
    router: Router, path: str, out: type, *, errors: Iterable[int] = (400, 404, 422), **options: Any
) -> Callable[[Callable], Callable]:
    """A POST operation that writes a new record and answers it as `out` with 201 Created.

    The view returns the record it wrote; `errors` are the refusals it may answer besides 401/403,
    and `options` the operation's own (summary, description, tags).
    """

    def decorate(view: Callable) -> Callable:
        @functools.wraps(view)
        def answer_created(*args: Any, **kwargs: Any) -> Status:
            return Status(201, view(*args, **kwargs))

        # ninja reads the parameters' types here: resolved in the view's own module, not this one.
        answer_created.__signature__ = inspect.signature(view, eval_str=True)
        return router.post(path, response={201: out, **error_responses(*errors)}, **options)(answer_created)

    return decorate


class PersonRef(Schema):
    """A person the caller may open, by number and display name."""

    id: int
    name: str

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return obj.display_name


def staff_name(user: Any) -> str:
    """A staff member's full name (the username where no name is set); empty for nobody."""
    return (user.get_full_name() or user.username) if user is not None else ""


# An Out field read from a staff member (a user), sent as their name.
StaffName = Annotated[str, BeforeValidator(staff_name)]


class StaffRef(Schema):
    """A staff member, by number and full name (the username where no name is set)."""

    id: int
    name: str

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return staff_name(obj)


def shown_if(name: str, flag: str) -> Any:
    """A resolver for a related person: None unless the `flag` annotation says the caller may see them."""
    return staticmethod(lambda obj: getattr(obj, name) if getattr(obj, flag, False) else None)


def person_ref(person: Any) -> dict[str, Any]:
    return {"id": person.pk, "name": person.display_name}


def staff_ref(user: Any) -> dict[str, Any]:
    return {"id": user.pk, "name": staff_name(user)}


def stripped_text(max_length: int | None = None, *, required: bool = False) -> Any:
    """The type of a text in a request body: stripped of surrounding spaces, at most `max_length`
    characters, and not empty when `required` (`Name = stripped_text(100, required=True)`)."""
    return Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1 if required else 0, max_length=max_length)
    ]
