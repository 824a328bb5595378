"""What groups add to a program's page (collected by convention, like `timeline.py`).

The program page belongs to tapestry/programs on the ground floor, which imports no level: it asks
each app's `program_page.py` for its part. Groups give the program's groups, each with its places
as a band, never in numbers (a program page is read from outside the groups).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from tapestry.mezzo.groups.availability import group_availability
from tapestry.mezzo.groups.models import Group, Membership


def program_parts(program: Any) -> dict[str, list[Group]]:
    """The program's groups, by status and name, in one query."""
    enrolled, waiting = Membership.Status.ENROLLED, Membership.Status.WAITING
    groups = list(
        Group.objects.filter(program=program)
        .annotate(
            facilitator_count=Count("facilitators", distinct=True),
            enrolled_count=Count("memberships", filter=Q(memberships__status=enrolled), distinct=True),
            waiting_count=Count("memberships", filter=Q(memberships__status=waiting), distinct=True),
        )
        .order_by("status", "name")
    )
    for group in groups:
        group.availability = group_availability(group)
    return {"groups": groups}
