"""What the advocacy log adds to a person's timeline: each action taken with an agency."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext

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
            outcome = gettext("%(outcome)s: %(note)s") % {"outcome": outcome, "note": action.outcome_note}
        events.append(
            TimelineEvent(
                when=action.action_date,
                kind="advocacy",
                title=gettext("Advocacy (%(issue)s) with %(agency)s")
                % {"issue": action.get_issue_display().lower(), "agency": action.agency_name},
                detail=gettext("%(action)s (outcome %(outcome)s)")
                % {"action": action.action_taken.strip(), "outcome": outcome},
                url=reverse("advocacy:case_index", args=[action.case_id]),
                case_id=action.case_id,
            )
        )
    return events
