"""What assessments add to a person's timeline: each one given, with its score and band."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext

from tapestry.access.models import User
from tapestry.micro.assessments import selectors
from tapestry.micro.cases.hooks import TimelineEvent
from tapestry.people.models import Person


def timeline_events(*, user: User, person: Person) -> list[TimelineEvent]:
    """The person's assessments on cases the viewer may see (one query; opening one is audited)."""
    events = []
    for assessment in selectors.person_assessments(user=user, person=person):
        band = f" ({assessment.severity_band})" if assessment.severity_band else ""
        flag = " · " + gettext("flagged") if assessment.flagged else ""
        events.append(
            TimelineEvent(
                when=assessment.administered_on,
                kind="assessment",
                title=f"{assessment.name}: {assessment.total_score}{band}{flag}",
                detail=assessment.next_step if assessment.flagged else "",
                url=reverse("assessments:assessment_detail", kwargs={"pk": assessment.pk}),
                case_id=assessment.case_id,
            )
        )
    return events
