"""Abstract bases for the fields most records carry: timestamps, the version of an editable record, its author."""

from __future__ import annotations

from django.conf import settings
from django.db import models


def staff_column(*, blank: bool = False, editable: bool = True) -> models.ForeignKey:
    """A staff member named on a record (who wrote, changed or reviewed it); kept (as empty) when the
    account is removed. `blank` lets forms leave it unset; `editable=False` keeps it out of forms
    altogether (the service sets it)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=blank,
        editable=editable,
        on_delete=models.SET_NULL,
        related_name="+",
    )


def optional_key(to: str, *, related_name: str = "+", **options: object) -> models.ForeignKey:
    """A record another may name but need not: nullable, left blank in forms, and protected from
    deletion while named (a person, case, program or organisation is never removed from under it)."""
    return models.ForeignKey(
        to, null=True, blank=True, on_delete=models.PROTECT, related_name=related_name, **options
    )


class Timestamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Versioned(Timestamped):
    """An editable record: `version` goes up by one on each save through `versioned_update`."""

    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True


class Authored(models.Model):
    """Who created the record; kept (as empty) when the account is removed."""

    created_by = staff_column(blank=True)

    class Meta:
        abstract = True
