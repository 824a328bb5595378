"""Small builders for the coalitions tests."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.macro.coalitions.models import ActionItem, Coalition, Meeting, Membership
from tapestry.testing import OrganisationFactory


def coalition_with(
    members: int = 2, *, actions: int = 0, meetings: int = 0, name: str = "Housing Justice"
) -> Coalition:
    """A coalition of `members` organisations, with `meetings` meetings and `actions` open action items."""
    coalition = Coalition.objects.create(name=name, purpose="Keep families housed.")
    memberships = [
        Membership.objects.create(
            coalition=coalition, organisation=OrganisationFactory(name=f"{name} member {n}")
        )
        for n in range(members)
    ]
    today = timezone.localdate()
    for n in range(meetings):
        meeting = Meeting.objects.create(
            coalition=coalition, held_on=today - dt.timedelta(days=n + 1), decisions=f"Decision {n}\nAnother"
        )
        meeting.attending.set(memberships)
    for n in range(actions):
        ActionItem.objects.create(
            coalition=coalition,
            action=f"Action {n}",
            owner=memberships[n % len(memberships)],
            due_on=today + dt.timedelta(days=n - actions // 2),
        )
    return coalition
