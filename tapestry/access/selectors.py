"""Every read in access: the audit log, staff and teams, tokens and emergency accesses to review."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.models import (
    ApiToken,
    Assignment,
    AuditEntry,
    BreakGlass,
    ChainCheck,
    SegmentGrant,
    Team,
    TeamMembership,
    User,
)
from tapestry.access.policy import Capability
from tapestry.people.models import Person
from tapestry.web.ids import found_or_404


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_search(
    *,
    user: User,
    actor_username: str = "",
    action: str = "",
    object_type: str = "",
    person_id: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[AuditEntry]:
    """Audit entries matching the filters, newest first. The search is itself recorded."""
    policy.require_capability(user, Capability.AUDIT_READ)
    entries = AuditEntry.objects.all()
    used = []
    if actor_username.strip():
        entries = entries.filter(actor_username__iexact=actor_username.strip())
        used.append("actor_username")
    if action:
        entries = entries.filter(action=action)
        used.append("action")
    if object_type.strip():
        entries = entries.filter(object_type=object_type.strip().lower())
        used.append("object_type")
    if person_id is not None:
        entries = entries.filter(person_id=person_id)
        used.append("person_id")
    # Whole days in the agency's time zone; the upper bound is exclusive so the last day counts.
    if date_from is not None:
        entries = entries.filter(at__gte=_start_of(date_from))
        used.append("date_from")
    if date_to is not None:
        entries = entries.filter(at__lt=_start_of(date_to + timedelta(days=1)))
        used.append("date_to")
    # Who watches the watchers: an auditor looking into a person leaves a trace too.
    audit_record(
        actor=user,
        action=AuditEntry.Action.SEARCH,
        object_type="access.auditentry",
        person_id=person_id,
        fields=used,
        purpose="audit log search",
    )
    return entries.order_by("-id")


def _active_assignment_rule(prefix: str = "") -> Q:
    today = timezone.localdate()
    return Q(**{f"{prefix}started_on__lte": today}) & (
        Q(**{f"{prefix}ended_on__isnull": True}) | Q(**{f"{prefix}ended_on__gt": today})
    )


def _active_grants() -> QuerySet[SegmentGrant]:
    now = timezone.now()
    return SegmentGrant.objects.filter(revoked_at__isnull=True).filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=now)
    )


def _has_authenticator() -> Exists:
    return Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True))


def staff_list(*, user: User) -> QuerySet[User]:
    """Every staff account with supervisor, teams, caseload size and live grants, in constant queries."""
    policy.require_capability(user, Capability.STAFF_MANAGE)
    return (
        User.objects.select_related("supervisor")
        .prefetch_related(
            Prefetch("teams", queryset=Team.objects.order_by("name")),
            Prefetch("segment_grants", queryset=_active_grants(), to_attr="active_grants"),
        )
        .annotate(
            caseload_size=Count("assignments", filter=_active_assignment_rule("assignments__")),
            has_authenticator=_has_authenticator(),
        )
        .order_by("-is_active", "last_name", "first_name", "username")
    )


def staff_detail(*, user: User, pk: int) -> User:
    """One staff member with caseload (record numbers only) and grants, for an administrator."""
    policy.require_capability(user, Capability.STAFF_MANAGE)
    # The person is never joined: administrators manage caseloads by record number, not by name.
    assignments = Assignment.objects.order_by("-started_on", "-pk")
    return found_or_404(
        User.objects.select_related("supervisor")
        .prefetch_related(
            Prefetch("teams", queryset=Team.objects.order_by("name")),
            Prefetch("assignments", queryset=assignments),
            Prefetch(
                "segment_grants",
                queryset=SegmentGrant.objects.select_related("granted_by").order_by("-created_at"),
            ),
        )
        .annotate(has_authenticator=_has_authenticator())
        .filter(pk=pk)
        .first(),
        gettext("There is no staff member with this number."),
    )


def _for_admin(user: User, model: type, pk: int, missing: str) -> Any:
    """One row an administrator manages (a caseload assignment, a grant), or 404 with `missing`."""
    policy.require_capability(user, Capability.STAFF_MANAGE)
    return found_or_404(model.objects.filter(pk=pk).first(), missing)


def assignment_for_admin(*, user: User, pk: int) -> Assignment:
    return _for_admin(user, Assignment, pk, gettext("There is no such assignment."))


def grant_for_admin(*, user: User, pk: int) -> SegmentGrant:
    return _for_admin(user, SegmentGrant, pk, gettext("There is no such grant."))


def team_names_of(*, user: User) -> list[str]:
    """The names of the teams the user is on, sorted (their own account: no capability needed)."""
    return sorted(user.teams.values_list("name", flat=True))


def team_list(*, user: User) -> QuerySet[Team]:
    policy.require_capability(user, Capability.STAFF_MANAGE)
    members = TeamMembership.objects.select_related("user").order_by("user__last_name", "user__username")
    return (
        Team.objects.annotate(member_count=Count("memberships"))
        .prefetch_related(Prefetch("memberships", queryset=members))
        .order_by("name")
    )


def authenticator_of(*, user: User) -> TOTPDevice | None:
    """The user's confirmed authenticator app, if they have set one up."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def tokens_of(*, user: User) -> QuerySet[ApiToken]:
    """The user's own personal access tokens, newest first."""
    return ApiToken.objects.filter(user=user).order_by("-created_at")


def token_of(*, user: User, pk: int) -> ApiToken:
    """One of the user's own tokens; anyone else's is as good as absent."""
    return found_or_404(
        ApiToken.objects.filter(user=user, pk=pk).first(), gettext("You have no token with this number.")
    )


def person_for_break_glass(*, user: User, pk: int) -> Person:
    """The person to open in an emergency: only the record, never its contents, is looked up here."""
    policy.require_capability(user, Capability.BREAK_GLASS)
    return found_or_404(
        Person.objects.filter(pk=pk).only("pk", "merged_into").first(),
        gettext("There is no person with this number."),
    )


def break_glass_queue(*, user: User) -> list[BreakGlass]:
    """Emergency accesses awaiting this reviewer, each marked with whether its person is visible."""
    entries = list(policy.break_glass_review_queue(user).order_by("created_at"))
    visible = _visible_among(user, (entry.person_id for entry in entries))
    for entry in entries:
        # A reviewer sees the client's name only if their own access would show it anyway.
        entry.person_visible = entry.person_id in visible
    return entries


def _visible_among(user: User, person_ids: Iterable[int]) -> set[int]:
    ids = set(person_ids)
    if not ids:
        return set()
    return set(policy.persons_visible(user).filter(pk__in=ids).values_list("pk", flat=True))


def break_glass_for_review(*, user: User, pk: int) -> BreakGlass:
    entry = found_or_404(
        BreakGlass.objects.select_related("user", "person", "reviewed_by").filter(pk=pk).first(),
        gettext("There is no such emergency access."),
    )
    if not policy.can_review_break_glass(user, entry):
        raise PermissionDenied(gettext("You may not review this emergency access."))
    entry.person_visible = bool(_visible_among(user, [entry.person_id]))
    return entry


# An access is short (TAPESTRY_BREAK_GLASS_MINUTES); a cap keeps a runaway script's trail to one page.
OPENED_SHOWN = 500


def break_glass_opened(*, entry: BreakGlass) -> QuerySet[AuditEntry]:
    """What this emergency access opened: the audit entries of its user about its person, from the
    moment it was opened to its end (its expiry, or now while it runs), oldest first. Nothing else
    the user did, and nothing about other persons, is shown; one query.

    The caller has checked that the user may review `entry` (`break_glass_for_review`).
    """
    until = min(entry.expires_at, timezone.now())
    return AuditEntry.objects.filter(
        actor_id=entry.user_id, person_id=entry.person_id, at__gte=entry.created_at, at__lte=until
    ).order_by("at", "id")[:OPENED_SHOWN]


def chain_check_latest(*, user: User) -> ChainCheck | None:
    """The newest audit chain check, finished or still queued."""
    policy.require_capability(user, policy.Capability.AUDIT_READ)
    return ChainCheck.objects.first()
