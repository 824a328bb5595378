"""What the advocacy log adds to a person's timeline: each action taken with an agency."""

from __future__ import annotations

from django.urls import reverse

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.access.policy import Capability
from tapestry.micro.advocacy.models import AdvocacyAction
from tapestry.micro.cases.hooks import TimelineEvent
from tapestry.people.models import Person


def timeline_events(*, user: User, person: Person) -> list[TimelineEvent]:
    if not policy.has_capability(user, Capability.PERSON_READ):
        return []
    actions = policy.visible(user, AdvocacyAction.objects.filter(case__person=person)).select_related(
        "organisation"
    )
    events = []
    for action in actions:
        outcome = action.get_outcome_display().lower()
        if action.outcome_note:
            outcome = f"{outcome}: {action.outcome_note}"
        events.append(
            TimelineEvent(
                when=action.action_date,
                kind="advocacy",
                title=f"Advocacy ({action.get_issue_display().lower()}) with {action.agency_name}",
                detail=f"{action.action_taken.strip()} (outcome {outcome})",
                url=reverse("advocacy:case_index", args=[action.case_id]),
                case_id=action.case_id,
            )
        )
    return events
