"""What group sessions add to a person's timeline: sessions they attended or missed, and mentions of them."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext

from tapestry.access.models import User
from tapestry.mezzo.group_sessions.selectors import timeline_attendance, timeline_mentions
from tapestry.micro.cases.hooks import TimelineEvent
from tapestry.people.models import Person


def timeline_events(*, user: User, person: Person) -> list[TimelineEvent]:
    """Through the policy, in two queries: the caseworker sees their client's, a runner their group's.

    A mention shows only that it exists; its text opens (audited) on the mention's page.
    """
    events = [
        TimelineEvent(
            when=row.session.held_on,
            kind="group session",
            title=gettext("%(mark)s at %(group)s")
            % {"mark": row.get_status_display(), "group": row.session.group.name},
            detail=row.session.topic,
        )
        for row in timeline_attendance(user=user, person_id=person.pk)
    ]
    events += [
        TimelineEvent(
            when=mention.note.session.held_on,
            kind="group note",
            title=gettext("Mentioned in the group note of %(group)s")
            % {"group": mention.note.session.group.name},
            url=reverse("group_sessions:mention_detail", kwargs={"pk": mention.pk}),
        )
        for mention in timeline_mentions(user=user, person_id=person.pk)
    ]
    return events
