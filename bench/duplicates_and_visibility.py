"""Benchmark: duplicate detection at intake and the visible-persons query, as the agency grows.

Run: .venv/bin/python bench/duplicates_and_visibility.py [sizes...]   (default 1000 10000 50000)
Uses a throwaway SQLite database under /tmp (or DATABASE_URL if set). Prints the median of
five runs per size; the target is an intake duplicate check under 0.5 s at 50,000 persons.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tapestry.settings")
scratch = Path(tempfile.mkdtemp(prefix="tapestry-bench-"))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch / 'bench.sqlite3'}")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from tapestry.access import policy  # noqa: E402
from tapestry.access.models import Assignment, Role, User  # noqa: E402
from tapestry.people.duplicates import find_duplicates  # noqa: E402
from tapestry.people.models import Person  # noqa: E402

GIVEN = ["Amara", "John", "Maria", "Wei", "Fatima", "Kwame", "Lucia", "Omar", "Priya", "Sam", "Ines", "Tomas"]
FAMILY = ["Smith", "Okafor", "Garcia", "Nguyen", "Hassan", "Mensah", "Silva", "Khan", "Patel", "Lee", "Novak"]


def grow_to(size: int, rng: random.Random, staff: User) -> None:
    missing = size - Person.objects.count()
    batch = [
        Person(
            given_name=f"{rng.choice(GIVEN)}{rng.randint(0, 999)}",
            family_name=rng.choice(FAMILY),
            date_of_birth=f"{rng.randint(1940, 2015)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        )
        for _ in range(missing)
    ]
    created = Person.objects.bulk_create(batch, batch_size=2000)
    Assignment.objects.bulk_create(
        [Assignment(staff=staff, person=p) for p in created[:: max(1, size // 500)]], batch_size=2000
    )


def median_seconds(action, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(sizes: list[int]) -> None:
    call_command("migrate", verbosity=0)
    staff = User.objects.create(username="bench", role=Role.CASEWORKER)
    rng = random.Random(7)
    print(f"{'persons':>8} {'duplicate check (s)':>20} {'visible list (s)':>17} {'queries':>8}")
    for size in sizes:
        grow_to(size, rng, staff)
        dup = median_seconds(
            lambda: find_duplicates(
                given_name="Amara12", family_name="Okafor", date_of_birth=None, phones=["5550101"]
            )
        )
        visible = median_seconds(lambda: list(policy.persons_visible(staff)[:50]))
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            list(policy.persons_visible(staff)[:50])
        print(f"{size:>8} {dup:>20.3f} {visible:>17.4f} {len(queries):>8}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 10000, 50000])
