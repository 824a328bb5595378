"""What groups add to a person's timeline: joining a waiting list, joining a group, leaving it."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.mezzo.groups.models import Membership
from tapestry.micro.cases.hooks import TimelineEvent
from tapestry.people.models import Person


def timeline_events(*, user: User, person: Person) -> list[TimelineEvent]:
    members = (
        policy.visible(user, Membership.objects.filter(person=person))
        .select_related("group")
        .order_by("requested_at", "pk")
    )
    events: list[TimelineEvent] = []
    for member in members:
        url = reverse("groups:group_detail", args=[member.group_id])
        name = member.group.name
        asked_on = timezone.localtime(member.requested_at).date()
        waited = member.status == Membership.Status.WAITING or (
            member.enrolled_on is not None and member.enrolled_on > asked_on
        )
        happened = (
            (
                member.requested_at if waited else None,
                gettext("On the waiting list for %(group)s") % {"group": name},
                "",
            ),
            (
                member.enrolled_on,
                gettext("Joined %(group)s") % {"group": name},
                member.group.get_kind_display(),
            ),
            (
                member.exited_on,
                gettext("Left %(group)s: %(reason)s")
                % {"group": name, "reason": member.get_exit_reason_display().lower()},
                member.exit_note,
            ),
        )
        events.extend(
            TimelineEvent(
                when=when, kind="group", title=title, detail=detail, url=url, case_id=member.case_id
            )
            for when, title, detail in happened
            if when
        )
    return events
