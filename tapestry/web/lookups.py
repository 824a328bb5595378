"""The one record a page or an API path names: found in what the caller may see, or a 404 that says so."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404


def one_or_404(queryset: QuerySet, pk: int, missing: str = "No such record.") -> Any:
    """The row of `queryset` with this id, else Http404(`missing`). Start `queryset` from what the
    caller may see: a row out of their reach then gets the same answer as one that does not exist."""
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404(missing)
    return found
