"""Reads of mediation, starting from the disputes the user runs; every open is audited."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from tapestry.access import policy
from tapestry.access.audit import audit_view
from tapestry.access.models import Role, User
from tapestry.access.policy import ROLE_CAPABILITIES, Capability
from tapestry.mezzo.mediation.access import disputes_run_by
from tapestry.mezzo.mediation.models import Agreement, Dispute, Issue, MediationSession, Party
from tapestry.people.models import Organisation, Person
from tapestry.web.ids import one_or_404

# Agreements whose follow-up date is this close (or past) are listed as due.
FOLLOW_UP_WINDOW_DAYS = 14
NOT_YOURS = "No dispute with this number among the disputes you mediate."


def disputes_visible(user: User) -> QuerySet[Dispute]:
    """The disputes the user mediates or supervises a mediator of; others hold no such capability."""
    policy.require_capability(user, Capability.GROUP_RUN)
    return Dispute.objects.filter(pk__in=disputes_run_by(user))


def dispute_list(*, user: User, status: str = "") -> QuerySet[Dispute]:
    """The user's disputes, newest first, with their mediators and how many parties and sessions."""
    disputes = disputes_visible(user)
    if status == "open":
        disputes = disputes.filter(status=Dispute.Status.OPEN)
    elif status == "closed":
        disputes = disputes.filter(status__in=Dispute.CLOSED)
    audit_view(user, object_type="mediation.dispute", fields=["title", "status"], purpose="dispute list")
    return (
        disputes.annotate(
            party_count=Count("parties", distinct=True), session_count=Count("sessions", distinct=True)
        )
        .prefetch_related("mediators")
        .order_by("-opened_on", "title")
    )


def dispute_get(*, user: User, dispute_id: int) -> Dispute:
    """One dispute the user runs; 404 otherwise (its existence is not theirs to know)."""
    return one_or_404(disputes_visible(user), dispute_id, NOT_YOURS)


def _parties(user: User) -> QuerySet[Party]:
    return policy.visible(user, Party.objects.select_related("person", "organisation"))


def dispute_detail(*, user: User, dispute_id: int, purpose: str = "mediation", audit: bool = True) -> Dispute:
    """A dispute with its parties, sessions, issues and agreements, as its page shows it; audited.

    `audit=False` when the API answers a write with the dispute it wrote: the write is in the log.
    """
    sessions = (
        policy.visible(user, MediationSession.objects.all())
        .distinct()
        .select_related("recorded_by")
        .prefetch_related(Prefetch("present", queryset=_parties(user)))
        .order_by("held_on", "pk")
    )
    dispute = one_or_404(
        disputes_visible(user).prefetch_related(
            "mediators",
            Prefetch("parties", queryset=_parties(user)),
            Prefetch("sessions", queryset=sessions),
            Prefetch("issues", queryset=Issue.objects.order_by("pk")),
            Prefetch(
                "agreements",
                queryset=Agreement.objects.prefetch_related("issues").order_by("reached_on", "pk"),
            ),
        ),
        dispute_id,
        NOT_YOURS,
    )
    if audit:
        audit_view(user, obj=dispute, fields=["parties", "sessions", "issues", "agreements"], purpose=purpose)
    return dispute


def issue_get(*, user: User, issue_id: int) -> Issue:
    issue = (
        Issue.objects.filter(pk=issue_id, dispute__in=disputes_run_by(user)).select_related("dispute").first()
    )
    if issue is None or not policy.has_capability(user, Capability.GROUP_RUN):
        raise Http404("No issue with this number among the disputes you mediate.")
    return issue


def agreement_get(*, user: User, agreement_id: int) -> Agreement:
    agreement = (
        Agreement.objects.filter(pk=agreement_id, dispute__in=disputes_run_by(user))
        .select_related("dispute")
        .prefetch_related("issues")
        .first()
    )
    if agreement is None or not policy.has_capability(user, Capability.GROUP_RUN):
        raise Http404("No agreement with this number among the disputes you mediate.")
    # The agreement's terms are part of the mediation record: every open is audited.
    fields = ["terms", "follow_up_status", "follow_up_note", "follow_up_on"]
    audit_view(user, obj=agreement, fields=fields, purpose="agreement follow-up")
    return agreement


def follow_ups_due(*, user: User, today: dt.date | None = None) -> QuerySet[Agreement]:
    """Pending agreements of the user's disputes whose follow-up is past or within the window."""
    today = today or timezone.localdate()
    agreements = (
        Agreement.objects.filter(
            dispute__in=disputes_visible(user).values("pk"),
            follow_up_status=Agreement.FollowUp.PENDING,
            follow_up_on__isnull=False,
            follow_up_on__lte=today + dt.timedelta(days=FOLLOW_UP_WINDOW_DAYS),
        )
        .select_related("dispute")
        .order_by("follow_up_on", "pk")
    )
    purpose = "agreements due for follow-up"
    audit_view(user, object_type="mediation.agreement", fields=["terms", "follow_up_on"], purpose=purpose)
    return agreements


def mediator_choices() -> QuerySet[User]:
    """Active staff whose role may run groups and mediations."""
    roles = [role for role in Role if Capability.GROUP_RUN in ROLE_CAPABILITIES.get(role, ())]
    return User.objects.filter(is_active=True, role__in=roles).order_by("last_name", "first_name", "username")


def person_choices(*, user: User) -> QuerySet[Person]:
    """Persons a mediator may name as a party: those they may open (their caseload and team)."""
    return policy.persons_visible(user).only(
        "pk", "given_name", "preferred_name", "family_name", "date_of_birth"
    )


def person_choice(*, user: User, person_id: int) -> Person | None:
    """One person a mediator may name as a party, or None."""
    return person_choices(user=user).filter(pk=person_id).first()


def organisation_choices() -> QuerySet[Organisation]:
    return Organisation.objects.order_by("name")


def party_choices(*, user: User, dispute: Dispute) -> QuerySet[Party]:
    return _parties(user).filter(dispute=dispute)


def active_staff() -> QuerySet[User]:
    """Staff who may be named as mediators in an API body; whether they may mediate is the service's check."""
    return User.objects.filter(is_active=True)


def organisation_by_id(organisation_id: int) -> Organisation | None:
    return Organisation.objects.filter(pk=organisation_id).first()


def issues_of(*, dispute: Dispute, unresolved: bool = False) -> QuerySet[Issue]:
    """The issues of a dispute the caller already opened (dispute_get); an agreement settles unresolved ones."""
    issues = Issue.objects.filter(dispute=dispute)
    return issues.exclude(status=Issue.Status.RESOLVED) if unresolved else issues
