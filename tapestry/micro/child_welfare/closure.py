"""What child welfare says when a case is about to close: the work that must be finished first."""

from __future__ import annotations

from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import Segment, User
from tapestry.micro.cases.models import Case
from tapestry.micro.child_welfare import practice_rules


def case_closure_blockers(*, actor: User, case: Case) -> list[str]:
    """Why the case may not close yet (empty when it may). Staff without the child-welfare grant
    learn only that child-welfare work is unfinished, not what it is."""
    blockers = practice_rules.closure_blockers(case=case)
    if blockers and not policy.can_view_segment(actor, Segment.CHILD_WELFARE):
        return [
            gettext(
                "Child-welfare work on this case is unfinished; a worker granted child welfare must finish it first."
            )
        ]
    return blockers
