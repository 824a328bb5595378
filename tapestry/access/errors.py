"""Errors that services raise and views and the API turn into clear messages."""

from __future__ import annotations


class StaleEdit(Exception):
    """The record changed since the editor loaded it (optimistic concurrency)."""

    def __init__(self, current_version: int) -> None:
        self.current_version = current_version
        super().__init__(
            "Someone else changed this record after you opened it. "
            "Reload it to see their changes, then make your edit again."
        )
