"""What each app's `demo.py` gets to add its demo data on top of the core agency."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from tapestry.access.models import Assignment, User
from tapestry.people.models import Organisation, Person


@dataclass
class DemoContext:
    """The core demo agency as loaded: staff by username, caseloads and organisations by name.

    Each app's `seed(ctx)` must be idempotent (check for its own rows first) and deterministic
    (use `ctx.rng`, seeded per app).
    """

    rng: random.Random
    staff: dict[str, User] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)

    @classmethod
    def load(cls, seed: str) -> DemoContext:
        return cls(
            rng=random.Random(seed),
            staff={user.username: user for user in User.objects.all()},
            organisations={org.name: org for org in Organisation.objects.all()},
        )

    def caseload(self, username: str) -> list[Person]:
        """The persons on this worker's caseload, in a stable order."""
        ids = Assignment.objects.filter(staff__username=username, ended_on__isnull=True).values("person_id")
        return list(Person.objects.active().filter(pk__in=ids).order_by("pk"))
