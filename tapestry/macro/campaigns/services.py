"""Every write of campaigns: the campaign, its targets, milestones, activities, petitions,
signatures, outreach, and the supporters who take part.

Policy work (`policy.work`) is needed for each; every write is one transaction with its audit entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access.models import User
from tapestry.access.policy import Capability, require_capability
from tapestry.access.versioning import versioned_update
from tapestry.directory import services as directory
from tapestry.directory.models import Service
from tapestry.macro.campaigns.models import (
    Activity,
    Attendee,
    Campaign,
    Milestone,
    Outreach,
    Petition,
    Signature,
    Supporter,
    Target,
)
from tapestry.needs.models import Need
from tapestry.people.models import Organisation
from tapestry.web.records import create_record, update_record

CAMPAIGN_FIELDS = (
    "title",
    "kind",
    "status",
    "summary",
    "goals",
    "coalition",
    "lead",
    "starts_on",
    "ends_on",
    "outcome",
    "revenue_goal",
)


def _require(actor: User) -> None:
    require_capability(actor, Capability.POLICY_WORK)


def _refuse_finished(campaign: Campaign) -> None:
    if campaign.is_finished:
        raise ValidationError(
            gettext("This campaign is over (%(status)s); reopen it to record more of its work.")
            % {"status": campaign.get_status_display().lower()}
        )


def campaign_create(
    *, actor: User, needs: Iterable[Need] = (), partners: Iterable[Organisation] = (), **fields: Any
) -> Campaign:
    _require(actor)
    campaign = Campaign(created_by=actor, **fields)
    related = {"needs": list(needs), "partners": list(partners)}
    return create_record(actor, campaign, fields=[*fields, *related], related=related)


def campaign_update(
    *,
    actor: User,
    campaign: Campaign,
    version: int,
    changes: dict[str, Any],
    needs: Iterable[Need] | None = None,
    partners: Iterable[Organisation] | None = None,
) -> Campaign:
    _require(actor)
    wanted = {"needs": needs, "partners": partners}

    def set_related(locked: Campaign, changed: list[str]) -> list[str]:
        moved = []
        for name, records in wanted.items():
            if records is None:
                continue
            ids = {record.pk for record in records}
            if ids != set(getattr(locked, name).values_list("pk", flat=True)):
                getattr(locked, name).set(ids)
                moved.append(name)
        return moved

    return versioned_update(
        actor=actor,
        instance=campaign,
        version=version,
        changes=changes,
        editable=CAMPAIGN_FIELDS,
        related=set_related,
    )


def target_add(*, actor: User, campaign: Campaign, **fields: Any) -> Target:
    _require(actor)
    _refuse_finished(campaign)
    target = Target(campaign=campaign, **fields)
    return create_record(actor, target, fields=["campaign", *fields])


def milestone_add(*, actor: User, campaign: Campaign, milestone: str, due_on: dt.date) -> Milestone:
    _require(actor)
    _refuse_finished(campaign)
    record = Milestone(campaign=campaign, milestone=milestone, due_on=due_on)
    return create_record(actor, record, fields=["campaign", "milestone", "due_on"])


def milestone_reached(*, actor: User, milestone: Milestone, reached_on: dt.date | None = None) -> Milestone:
    _require(actor)
    if milestone.reached_on is not None:
        raise ValidationError(
            gettext("This milestone was reached on %(date)s.") % {"date": f"{milestone.reached_on:%Y-%m-%d}"}
        )
    milestone.reached_on = reached_on or timezone.localdate()
    if milestone.reached_on > timezone.localdate():
        raise ValidationError({"reached_on": [gettext("A milestone is reached on a day that has come.")]})
    return update_record(actor, milestone, columns=["reached_on"])


def activity_add(*, actor: User, campaign: Campaign, **fields: Any) -> Activity:
    _require(actor)
    _refuse_finished(campaign)
    activity = Activity(campaign=campaign, created_by=actor, **fields)
    return create_record(actor, activity, fields=["campaign", *fields])


def supporter_add(*, actor: User, **fields: Any) -> Supporter:
    """A new supporter; one with the email of another is refused, naming the way to find them."""
    _require(actor)
    email = fields.get("email", "").strip().lower()
    fields["email"] = email
    if email and Supporter.objects.filter(email=email).exists():
        raise ValidationError(
            {"email": [gettext("A supporter with this email is already recorded: find them by email.")]}
        )
    supporter = Supporter(created_by=actor, **fields)
    return create_record(actor, supporter, fields=list(fields), validate_constraints=False)


def petition_add(*, actor: User, campaign: Campaign, **fields: Any) -> Petition:
    _require(actor)
    _refuse_finished(campaign)
    target = fields.get("target")
    if target is not None and target.campaign_id != campaign.pk:
        raise ValidationError({"target": [gettext("Choose a target of this campaign.")]})
    petition = Petition(campaign=campaign, created_by=actor, **fields)
    return create_record(actor, petition, fields=["campaign", *fields])


def signature_add(
    *,
    actor: User,
    petition: Petition,
    supporter: Supporter,
    signed_on: dt.date | None = None,
    comments: str = "",
) -> Signature:
    _require(actor)
    _refuse_finished(petition.campaign)
    if petition.signatures.filter(supporter=supporter).exists():
        raise ValidationError(
            {
                "supporter": [
                    gettext("%(supporter)s has already signed this petition.") % {"supporter": supporter}
                ]
            }
        )
    signature = Signature(
        petition=petition,
        supporter=supporter,
        signed_on=signed_on or timezone.localdate(),
        comments=comments.strip(),
    )
    if signature.signed_on > timezone.localdate():
        raise ValidationError({"signed_on": [gettext("A signature is dated on or before today.")]})
    return create_record(
        actor,
        signature,
        fields=["petition", "supporter", "signed_on", "comments"],
        validate_constraints=False,
    )


def attendee_add(
    *,
    actor: User,
    event: Activity,
    supporter: Supporter,
    status: str = Attendee.Status.ACCEPTED,
    attended: bool | None = None,
    comment: str = "",
    answered_on: dt.date | None = None,
) -> Attendee:
    """A supporter's answer to an event's invitation (and, once held, whether they came)."""
    _require(actor)
    _refuse_finished(event.campaign)
    if event.kind != Activity.Kind.EVENT:
        raise ValidationError({"event": [gettext("Only an event has attendees.")]})
    if event.attendees.filter(supporter=supporter).exists():
        raise ValidationError(
            {
                "supporter": [
                    gettext("%(supporter)s has already answered for this event.") % {"supporter": supporter}
                ]
            }
        )
    if status not in Attendee.Status.values:
        raise ValidationError({"status": [gettext("Choose how they answered.")]})
    if attended and status in (Attendee.Status.DECLINED, Attendee.Status.CANCELLED):
        status = Attendee.Status.ACCEPTED  # they came after all
    attendee = Attendee(
        event=event,
        supporter=supporter,
        status=status,
        attended=attended,
        comment=comment.strip(),
        answered_on=answered_on or timezone.localdate(),
    )
    if attendee.answered_on > timezone.localdate():
        raise ValidationError({"answered_on": [gettext("An answer is dated on or before today.")]})
    return create_record(
        actor,
        attendee,
        fields=["event", "supporter", "status", "attended", "comment", "answered_on"],
        validate_constraints=False,
    )


def attendee_mark(*, actor: User, attendee: Attendee, attended: bool) -> Attendee:
    """Whether someone who answered came to the event, once it is held."""
    _require(actor)
    _refuse_finished(attendee.event.campaign)
    if attendee.event.held_on > timezone.localdate():
        raise ValidationError({"attended": [gettext("The event is not held yet.")]})
    attendee.attended = attended
    return update_record(actor, attendee, columns=["attended"])


def outreach_log(*, actor: User, campaign: Campaign, **fields: Any) -> Outreach:
    """A letter, call or visit to one target of the campaign, by a supporter or by us."""
    _require(actor)
    _refuse_finished(campaign)
    outreach = Outreach(campaign=campaign, created_by=actor, **fields)
    if outreach.made_on > timezone.localdate():
        raise ValidationError({"made_on": [gettext("Log an outreach once it is made.")]})
    return create_record(actor, outreach, fields=["campaign", *fields])


@transaction.atomic
def sign_up(*, actor: User, petition: Petition, supporter: dict[str, Any], comments: str = "") -> Signature:
    """A new supporter and their signature together: both are stored, or neither."""
    return signature_add(
        actor=actor, petition=petition, supporter=supporter_add(actor=actor, **supporter), comments=comments
    )


def campaign_plan_from_signal(
    *, actor: User, title: str, goals: str, needs: Iterable[Need] = (), origin: str = "", summary: str = ""
) -> Campaign:
    """A campaign in planning proposed by an escalation signal (tapestry/thread/signals), for an actor
    who may answer signals but need not run campaigns; `origin` (where it came from) is kept in its
    summary, and the organisers take it from there."""
    require_capability(actor, Capability.SIGNAL_RESPOND)
    if Campaign.objects.filter(title=title.strip()).exists():
        raise ValidationError({"title": [gettext("A campaign with this title already exists.")]})
    fields = {
        "title": title.strip(),
        "kind": Campaign.Kind.POLICY_ADVOCACY,
        "status": Campaign.Status.PLANNING,
        "goals": goals.strip(),
        "summary": (summary.strip() or origin)[:300],
    }
    campaign = Campaign(created_by=actor, **fields)
    related = {"needs": list(needs)}
    return create_record(actor, campaign, fields=[*fields, "needs"], related=related)


# A campaign in one of these has won something clients may be referred to.
WON = (Campaign.Status.WON, Campaign.Status.PARTLY_WON)


def won_service_add(*, actor: User, campaign: Campaign, new: directory.NewService) -> Service:
    """Put the program a won campaign brought about into the directory, linked to the campaign, so
    workers find it by need and place and refer clients to it."""
    _require(actor)
    if campaign.status not in WON:
        raise ValidationError(
            gettext(
                "Only a won or partly won campaign adds what it won to the directory; this one is %(status)s."
            )
            % {"status": campaign.get_status_display().lower()}
        )
    with transaction.atomic():
        service = directory.service_add(actor=actor, new=new)
        campaign.won_services.add(service)
    return service
