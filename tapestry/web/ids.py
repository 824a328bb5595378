"""Ids in API bodies: `lead_id: 7` becomes the record it names, or an error on that field.

A record named in a body that does not exist (or that the caller may not open) is a mistake in the
request, answered 422 on the field, never a missing page (404 is for the record in the path).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext, gettext_lazy


def referenced(field: str, get: Callable[[], Any], missing: str | None = None) -> Any:
    """`get()`'s record; a missing one (None or Http404) is a ValidationError on `field`."""
    try:
        found = get()
    except Http404 as exc:
        raise ValidationError({field: [missing or str(exc)]}) from exc
    if found is None:
        raise ValidationError({field: [missing or gettext("No record with this number.")]})
    return found


def picked(records: QuerySet | Mapping[int, Any], ids: list[int], field: str, missing: str) -> list:
    """The records sent by number, each once, in the order sent: a list `<name>_ids` in a body.

    `records` is where they may come from: a queryset, or the records already found by number.
    Numbers not among them are one error on `field`: `missing` followed by those numbers.
    """
    found = records if isinstance(records, Mapping) else records.in_bulk(ids)
    unknown = [str(pk) for pk in ids if pk not in found]
    if unknown:
        raise ValidationError({field: [f"{missing} {', '.join(unknown)}."]})
    return [found[pk] for pk in dict.fromkeys(ids)]


def resolve_ids(
    data: dict[str, Any],
    lookups: Mapping[str, tuple[Callable[[int], Any], str]],
    *,
    nullable: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Replace each `<name>_id` in `data` by `<name>`: the record `lookup(id)` returns.

    `lookups` maps `<name>_id` to (lookup, message when missing). A lookup answers None (or raises
    Http404) when there is no such record. A field in `nullable` may be sent as null to clear it.
    """
    for id_field, (lookup, missing) in lookups.items():
        if id_field not in data:
            continue
        value = data.pop(id_field)
        name = id_field.removesuffix("_id")
        if value is None and id_field in nullable:
            data[name] = None
            continue
        data[name] = referenced(id_field, lambda value=value, lookup=lookup: lookup(value), missing)
    return data


def renamed(error: ValidationError, names: Mapping[str, str]) -> ValidationError:
    """The service's error with its field names as the API body spells them (`lead` -> `lead_id`)."""
    if not hasattr(error, "error_dict"):
        return error
    return ValidationError({names.get(k, k): v for k, v in error.error_dict.items()})


@contextmanager
def renaming(names: Mapping[str, str]) -> Iterator[None]:
    """Inside the block, a service's ValidationError is raised again with the API's field names (`renamed`)."""
    try:
        yield
    except ValidationError as error:
        raise renamed(error, names) from error


Found = TypeVar("Found")


def found_or_404(found: Found | None, missing: str) -> Found:
    """`found`, the record in the path (or what a selector found for it); None is a 404 saying `missing`."""
    if found is None:
        raise Http404(missing)
    return found


def one_or_404(queryset: QuerySet, pk: int, missing: str = gettext_lazy("No such record.")) -> Any:
    """The row of `queryset` with this id, else Http404(`missing`). Start `queryset` from what the
    caller may see: a row out of their reach then gets the same answer as one that does not exist."""
    return found_or_404(queryset.filter(pk=pk).first(), missing)
