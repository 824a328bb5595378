"""Reads of campaigns. A campaign names decision makers, partner organisations and our staff, never
a client: anyone who reads aggregates may read it, with its petitions and outreach as counts.
Supporters are named only to those who do policy work."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User
from tapestry.access.policy import Capability, require_capability
from tapestry.directory.models import Service
from tapestry.macro.campaigns.models import (
    Activity,
    Attendee,
    Campaign,
    Milestone,
    Petition,
    Signature,
    Supporter,
    Target,
)
from tapestry.macro.coalitions.models import Coalition
from tapestry.needs.models import Need
from tapestry.people.models import Organisation
from tapestry.web.ids import one_or_404


def _read(user: User) -> None:
    require_capability(user, Capability.AGGREGATE_READ)


def campaign_list(*, user: User, kind: str = "", status: str = "") -> QuerySet[Campaign]:
    """Every campaign with its targets, signatures and outreach counted in SQL."""
    _read(user)
    campaigns = Campaign.objects.select_related("lead", "coalition").annotate(
        target_count=Count("targets", distinct=True),
        signature_count=Count("petitions__signatures", distinct=True),
        outreach_count=Count("outreaches", distinct=True),
    )
    if kind:
        campaigns = campaigns.filter(kind=kind)
    if status:
        campaigns = campaigns.filter(status=status)
    return campaigns.order_by("title")


def campaign_get(*, user: User, campaign_id: int) -> Campaign:
    """One campaign with everything its page and the API show, in a fixed number of queries."""
    _read(user)
    live = Q(donations__voided_on__isnull=True)  # money raised: fundraising's donations to the campaign
    campaigns = (
        Campaign.objects.select_related("lead", "coalition")
        .annotate(
            revenue_raised=Sum("donations__amount", filter=live),
            donor_count=Count("donations__donor", filter=live, distinct=True),
        )
        .prefetch_related(
            Prefetch("needs", queryset=Need.objects.order_by("label")),
            Prefetch("partners", queryset=Organisation.objects.order_by("name")),
            Prefetch("targets", queryset=Target.objects.annotate(outreach_count=Count("outreaches"))),
            "milestones",
            "activities",
            Prefetch(
                "won_services", queryset=Service.objects.select_related("organization").order_by("name")
            ),
            Prefetch(
                "petitions",
                queryset=Petition.objects.select_related("target").annotate(
                    signature_count=Count("signatures")
                ),
            ),
        )
    )
    return one_or_404(campaigns, campaign_id, "No such campaign.")


def target_get(*, user: User, target_id: int) -> Target:
    _read(user)
    return one_or_404(Target.objects.select_related("campaign"), target_id, "No such target.")


def milestone_get(*, user: User, milestone_id: int) -> Milestone:
    _read(user)
    return one_or_404(Milestone.objects.select_related("campaign"), milestone_id, "No such milestone.")


def milestones_due(*, user: User, within_days: int = 60) -> QuerySet[Milestone]:
    """Milestones not yet reached that fall due within `within_days` or are overdue, soonest first."""
    _read(user)
    until = timezone.localdate() + timedelta(days=within_days)
    return (
        Milestone.objects.filter(reached_on__isnull=True, due_on__lte=until)
        .select_related("campaign")
        .order_by("due_on", "pk")
    )


def petition_get(*, user: User, petition_id: int) -> Petition:
    _read(user)
    petitions = Petition.objects.select_related("campaign", "target").annotate(
        signature_count=Count("signatures")
    )
    return one_or_404(petitions, petition_id, "No such petition.")


def event_get(*, user: User, event_id: int) -> Activity:
    """One event of a campaign, with its answers counted by status and those who came, in SQL."""
    _read(user)
    events = (
        Activity.objects.filter(kind=Activity.Kind.EVENT)
        .select_related("campaign")
        .annotate(
            coming=Count("attendees", filter=Q(attendees__status=Attendee.Status.ACCEPTED)),
            maybe=Count("attendees", filter=Q(attendees__status=Attendee.Status.TENTATIVE)),
            came=Count("attendees", filter=Q(attendees__attended=True)),
            answers=Count("attendees"),
        )
    )
    return one_or_404(events, event_id, "No such event.")


def attendee_get(*, user: User, attendee_id: int) -> Attendee:
    require_capability(user, Capability.POLICY_WORK)
    return one_or_404(
        Attendee.objects.select_related("event__campaign", "supporter"), attendee_id, "No such answer."
    )


SUPPORTER_FIELDS = ["given_name", "family_name", "email", "phone", "postal_code"]


def _audit_supporters(user: User, *, purpose: str, obj: Petition | Activity | None = None) -> None:
    """Supporters are community members, not clients, but their names and contacts are personal: each
    read of them is written to the audit log."""
    audit_record(
        actor=user,
        action=AuditEntry.Action.VIEW,
        obj=obj,
        object_type="" if obj else "campaigns.supporter",
        fields=SUPPORTER_FIELDS,
        purpose=purpose,
    )


def signatures(*, user: User, petition: Petition) -> QuerySet[Signature]:
    """Who signed: supporters' names, for policy work only; the read is audited."""
    require_capability(user, Capability.POLICY_WORK)
    _audit_supporters(user, purpose="who signed the petition", obj=petition)
    return petition.signatures.select_related("supporter").order_by("-signed_on", "-pk")


def attendees(*, user: User, event: Activity) -> QuerySet[Attendee]:
    """Who answered the event's invitation and who came: names, for policy work only; audited."""
    require_capability(user, Capability.POLICY_WORK)
    _audit_supporters(user, purpose="who answered the event", obj=event)
    return event.attendees.select_related("supporter")


def supporter_list(*, user: User, query: str = "") -> QuerySet[Supporter]:
    require_capability(user, Capability.POLICY_WORK)
    _audit_supporters(user, purpose=f"supporters: {query.strip()}" if query.strip() else "supporters")
    supporters = Supporter.objects.annotate(
        signature_count=Count("signatures", distinct=True), outreach_count=Count("outreaches", distinct=True)
    )
    query = query.strip()
    if query:
        supporters = supporters.filter(
            Q(given_name__icontains=query)
            | Q(family_name__icontains=query)
            | Q(email__iexact=query)
            | Q(postal_code__iexact=query)
        )
    return supporters.order_by("family_name", "given_name", "pk")


def supporter_get(*, user: User, supporter_id: int) -> Supporter:
    require_capability(user, Capability.POLICY_WORK)
    return one_or_404(Supporter.objects.all(), supporter_id, "No such supporter.")


def supporter_choices() -> QuerySet[Supporter]:
    return Supporter.objects.order_by("family_name", "given_name", "pk")


def coalition_choices() -> QuerySet[Coalition]:
    """Coalitions a campaign may belong to."""
    return Coalition.objects.order_by("name")
