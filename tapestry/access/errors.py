"""Errors that services raise and views and the API turn into clear messages."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext


class StaleEdit(Exception):
    """The record changed since the editor loaded it (optimistic concurrency)."""

    def __init__(self, current_version: int) -> None:
        self.current_version = current_version
        super().__init__(
            gettext(
                "Someone else changed this record after you opened it. "
                "Reload it to see their changes, then make your edit again."
            )
        )


class OutOfReach(PermissionDenied):
    """A record that exists but is outside the user's reach, told only to those who may break glass.

    It names the person whose record it is, so the refusal can offer emergency access to them.
    Raise it through `policy.refuse_out_of_reach`, which decides between it and a plain 404.
    """

    def __init__(self, detail: str, *, person_id: int) -> None:
        self.person_id = person_id
        super().__init__(detail)
