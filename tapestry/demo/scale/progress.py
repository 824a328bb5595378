"""A one-line progress bar on stderr for long generations (no extra package)."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """A one-line progress bar on a terminal stream: persons done, rows per second and time left."""

    def __init__(self, total: int, stream: TextIO | None = None, width: int = 30) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self.started = time.monotonic()

    def show(self, done: int, rows: int) -> None:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        share = done / self.total if self.total else 1.0
        filled = int(self.width * share)
        eta = elapsed / share - elapsed if share else 0.0
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done:,}/{self.total:,} persons "
            f"{rows / elapsed:,.0f} rows/s ETA {_clock(eta)} "
        )
        self.stream.flush()

    def finish(self) -> None:
        self.stream.write(f"\n  done in {_clock(time.monotonic() - self.started)}\n")
        self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600:d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
