"""Reads for the home page: the user's own caseload and what waits for them."""

from __future__ import annotations

from tapestry.access import policy
from tapestry.access.audit import audit_view
from tapestry.access.models import Assignment, User


def home_summary(*, user: User) -> dict:
    """A short caseload (names only, no clinical detail) and the size of the review queue."""
    mine = Assignment.objects.filter(staff=user, ended_on__isnull=True).values("person_id")
    caseload = (
        policy.persons_visible(user)
        .filter(pk__in=mine)
        .only("pk", "given_name", "preferred_name", "family_name", "date_of_birth")
        .order_by("family_name", "given_name")
    )
    shown = list(caseload[:25])
    if shown:
        audit_view(
            user, object_type="people.person", fields=["name", "date_of_birth"], purpose="caseload summary"
        )
    return {
        "caseload": shown,
        "review_queue_count": policy.break_glass_review_queue(user).count(),
    }
