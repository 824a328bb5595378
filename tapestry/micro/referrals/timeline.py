"""What referrals add to a person's timeline: each step of each referral the viewer may see."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.micro.cases.hooks import TimelineEvent
from tapestry.micro.referrals.models import ReferralEvent
from tapestry.people.models import Person


def timeline_events(*, user: User, person: Person) -> list[TimelineEvent]:
    events = policy.visible(user, ReferralEvent.objects.filter(referral__case__person=person)).select_related(
        "referral__service"
    )
    return [
        TimelineEvent(
            when=event.at,
            kind="referral",
            title=gettext("Referral to %(service)s: %(status)s")
            % {"service": event.referral.service.name, "status": event.get_status_display().lower()},
            detail=event.note,
            url=reverse("referrals:referral_detail", args=[event.referral_id]),
            case_id=event.referral.case_id,
        )
        for event in events
    ]
