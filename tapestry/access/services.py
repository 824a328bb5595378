"""Every write in access: emergency access and its review, staff, caseloads, grants, teams, TOTP."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.models import (
    Assignment,
    AuditEntry,
    BreakGlass,
    ChainCheck,
    Role,
    Segment,
    SegmentGrant,
    Team,
    TeamMembership,
    User,
)
from tapestry.access.policy import Capability
from tapestry.access.tasks import audit_chain_check
from tapestry.people.models import Person

BREAK_GLASS_REASON_MIN = 10
STAFF_FIELDS = ("username", "first_name", "last_name", "email", "role", "supervisor", "teams")


# Emergency access ------------------------------------------------------------------------------


def break_glass_open(*, actor: User, person: Person, reason: str) -> BreakGlass:
    """Open a record outside the caseload for a limited time; the reason goes on the audit log."""
    policy.require_capability(actor, Capability.BREAK_GLASS)
    reason = reason.strip()
    if len(reason) < BREAK_GLASS_REASON_MIN:
        raise ValidationError(
            {
                "reason": gettext("Describe the emergency in at least %(n)s characters.")
                % {"n": BREAK_GLASS_REASON_MIN}
            }
        )
    if person.merged_into_id:
        raise ValidationError(
            gettext("This record was merged into record %(pk)s; open that one.")
            % {"pk": person.merged_into_id}
        )
    if policy.can_view_person(actor, person):
        raise ValidationError(gettext("You can already open this record; emergency access is not needed."))
    with transaction.atomic():
        entry = BreakGlass.objects.create(
            user=actor, person=person, reason=reason, expires_at=BreakGlass.default_expiry()
        )
        audit_record(
            actor=actor,
            action=AuditEntry.Action.BREAK_GLASS,
            obj=entry,
            fields=["reason", "expires_at"],
            purpose=reason[:255],
        )
    return entry


def break_glass_review(*, actor: User, entry: BreakGlass, outcome: str, note: str = "") -> BreakGlass:
    """Record a supervisor's judgement; an unjustified access ends at once."""
    if not policy.can_review_break_glass(actor, entry):
        raise PermissionDenied(gettext("You may not review this emergency access."))
    if outcome not in (BreakGlass.Outcome.JUSTIFIED, BreakGlass.Outcome.NOT_JUSTIFIED):
        raise ValidationError({"outcome": gettext("Choose whether the access was justified.")})
    note = note.strip()
    if outcome == BreakGlass.Outcome.NOT_JUSTIFIED and not note:
        raise ValidationError({"note": gettext("Say why the access was not justified.")})
    with transaction.atomic():
        entry = BreakGlass.objects.select_for_update().get(pk=entry.pk)
        if entry.outcome != BreakGlass.Outcome.PENDING:
            raise ValidationError(gettext("This emergency access was already reviewed."))
        now = timezone.now()
        entry.outcome = outcome
        entry.review_note = note
        entry.reviewed_by = actor
        entry.reviewed_at = now
        changed = ["outcome", "review_note", "reviewed_by", "reviewed_at"]
        # An access judged unjustified must not keep running until its natural expiry.
        if outcome == BreakGlass.Outcome.NOT_JUSTIFIED and entry.expires_at > now:
            entry.expires_at = now
            changed.append("expires_at")
        entry.save(update_fields=[*changed, "updated_at"])
        audit_record(
            actor=actor,
            action=AuditEntry.Action.REVIEW,
            obj=entry,
            fields=changed,
            purpose=f"emergency access review: {entry.get_outcome_display().lower()}",
        )
    return entry


# Staff accounts --------------------------------------------------------------------------------


def _check_supervisor(staff: User | None, supervisor: User | None) -> None:
    if supervisor is None:
        return
    if staff is not None and supervisor.pk == staff.pk:
        raise ValidationError({"supervisor": gettext("Nobody can be their own supervisor.")})
    if not supervisor.is_active:
        raise ValidationError({"supervisor": gettext("The supervisor's account is not active.")})


def _set_teams(staff: User, teams: Iterable[Team]) -> bool:
    """Make the staff member's teams exactly these; True if anything changed."""
    wanted = {team.pk for team in teams}
    current = set(TeamMembership.objects.filter(user=staff).values_list("team_id", flat=True))
    if wanted == current:
        return False
    TeamMembership.objects.filter(user=staff, team_id__in=current - wanted).delete()
    TeamMembership.objects.bulk_create([TeamMembership(user=staff, team_id=pk) for pk in wanted - current])
    return True


def staff_create(
    *,
    actor: User,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    role: str,
    password: str,
    supervisor: User | None = None,
    teams: Iterable[Team] = (),
) -> User:
    """Open a staff account with an initial password that meets the password rules."""
    policy.require_capability(actor, Capability.STAFF_MANAGE)
    username = username.strip()
    if role not in Role.values:
        raise ValidationError({"role": gettext("Choose a role from the list.")})
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": gettext("Another account already uses this username.")})
    _check_supervisor(None, supervisor)
    staff = User(
        username=username,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email.strip(),
        role=role,
        supervisor=supervisor,
    )
    try:
        validate_password(password, staff)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error
    staff.set_password(password)
    with transaction.atomic():
        staff.save()
        _set_teams(staff, teams)
        # The password itself never reaches the log; only that one was set.
        audit_record(
            actor=actor, action=AuditEntry.Action.CREATE, obj=staff, fields=[*STAFF_FIELDS, "password"]
        )
    return staff


def staff_update(
    *,
    actor: User,
    staff: User,
    role: str,
    supervisor: User | None,
    is_active: bool,
    teams: Iterable[Team],
    reset_authenticator: bool = False,
    unlock_sign_in: bool = False,
) -> User:
    """Change a staff member's role, supervisor, teams or whether their account is open.

    Also the two things a locked-out colleague needs: forgetting a lost authenticator (they
    enrol a new one at their next sign-in) and clearing their failed sign-ins.
    """
    policy.require_capability(actor, Capability.STAFF_MANAGE)
    if role not in Role.values:
        raise ValidationError({"role": gettext("Choose a role from the list.")})
    _check_supervisor(staff, supervisor)
    # An administrator locking themselves out would leave nobody to undo it.
    if staff.pk == actor.pk and not is_active:
        raise ValidationError({"is_active": gettext("You cannot close your own account.")})
    if staff.pk == actor.pk and Capability.STAFF_MANAGE not in policy.ROLE_CAPABILITIES.get(role, ()):
        raise ValidationError({"role": gettext("You cannot take away your own right to manage staff.")})
    with transaction.atomic():
        staff = User.objects.select_for_update().get(pk=staff.pk)
        changed = [
            name
            for name, value in (
                ("role", role),
                ("supervisor", supervisor.pk if supervisor else None),
                ("is_active", is_active),
            )
            if getattr(staff, "supervisor_id" if name == "supervisor" else name) != value
        ]
        staff.role = role
        staff.supervisor = supervisor
        staff.is_active = is_active
        staff.save(update_fields=["role", "supervisor", "is_active", "updated_at"])
        if _set_teams(staff, teams):
            changed.append("teams")
        if reset_authenticator and TOTPDevice.objects.filter(user=staff).delete()[0]:
            changed.append("authenticator")
        if unlock_sign_in and axes_reset(username=staff.username):
            changed.append("failed_sign_ins")
        if changed:
            audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=staff, fields=changed)
    return staff


# Caseloads -------------------------------------------------------------------------------------


def _active_assignments(staff: User, person_id: int) -> QuerySet[Assignment]:
    today = timezone.localdate()
    return Assignment.objects.filter(staff=staff, person_id=person_id, started_on__lte=today).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=today)
    )


def assignment_create(
    *, actor: User, staff: User, person_id: int, kind: str = Assignment.Kind.PRIMARY
) -> Assignment:
    """Put a person, chosen by record number, on a staff member's caseload."""
    policy.require_capability(actor, Capability.STAFF_MANAGE)
    if not policy.has_capability(staff, Capability.PERSON_READ):
        raise ValidationError(
            gettext("A %(role)s does not hold a caseload.") % {"role": staff.get_role_display().lower()}
        )
    if kind not in Assignment.Kind.values:
        raise ValidationError({"kind": gettext("Choose primary or secondary worker.")})
    # Only existence is checked: an administrator learns no more about the person than the number.
    person = Person.objects.filter(pk=person_id).only("pk", "merged_into").first()
    if person is None:
        raise ValidationError({"person_id": gettext("There is no person record with this number.")})
    if person.merged_into_id:
        raise ValidationError(
            {
                "person_id": gettext("This record was merged into record %(pk)s; assign that one.")
                % {"pk": person.merged_into_id}
            }
        )
    with transaction.atomic():
        if _active_assignments(staff, person.pk).exists():
            raise ValidationError({"person_id": gettext("This person is already on their caseload.")})
        assignment = Assignment.objects.create(staff=staff, person_id=person.pk, kind=kind)
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            obj=assignment,
            fields=["staff", "person", "kind", "started_on"],
            purpose="caseload assignment",
        )
    return assignment


def assignment_end(*, actor: User, assignment: Assignment) -> Assignment:
    """Take a person off a caseload from today; the history stays."""
    policy.require_capability(actor, Capability.STAFF_MANAGE)
    with transaction.atomic():
        assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
        today = timezone.localdate()
        if assignment.ended_on is not None and assignment.ended_on <= today:
            raise ValidationError(gettext("This assignment has already ended."))
        # A future start has not begun; ending it on its start date keeps the dates valid.
        assignment.ended_on = max(today, assignment.started_on)
        assignment.save(update_fields=["ended_on", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditEntry.Action.UPDATE,
            obj=assignment,
            fields=["ended_on"],
            purpose="caseload assignment ended",
        )
    return assignment


# Sensitive-segment grants ----------------------------------------------------------------------


def segment_grant(
    *, actor: User, user: User, segment: str, reason: str, expires_at: datetime | None = None
) -> SegmentGrant:
    """Let a staff member read a sensitive segment, for a stated reason, perhaps until a date."""
    policy.require_capability(actor, Capability.STAFF_MANAGE)
    if user.pk == actor.pk:
        raise ValidationError(gettext("Ask another administrator: nobody grants access to themselves."))
    if segment not in Segment.values:
        raise ValidationError({"segment": gettext("Choose a segment from the list.")})
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": gettext("Say why this access is needed.")})
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_on": gettext("The expiry must be in the future.")})
    with transaction.atomic():
        if segment in policy.segments_granted(user):
            raise ValidationError({"segment": gettext("They already have access to this segment.")})
        grant = SegmentGrant.objects.create(
            user=user, segment=segment, granted_by=actor, reason=reason, expires_at=expires_at
        )
        audit_record(
            actor=actor,
            action=AuditEntry.Action.GRANT,
            obj=grant,
            fields=["segment", "reason", "expires_at"],
            purpose=reason[:255],
        )
    return grant


def segment_revoke(*, actor: User, grant: SegmentGrant) -> SegmentGrant:
    policy.require_capability(actor, Capability.STAFF_MANAGE)
    with transaction.atomic():
        grant = SegmentGrant.objects.select_for_update().get(pk=grant.pk)
        if grant.revoked_at is not None:
            raise ValidationError(gettext("This grant was already revoked."))
        grant.revoked_at = timezone.now()
        grant.save(update_fields=["revoked_at", "updated_at"])
        audit_record(actor=actor, action=AuditEntry.Action.REVOKE, obj=grant, fields=["revoked_at"])
    return grant


# Teams -----------------------------------------------------------------------------------------


def team_create(*, actor: User, name: str, description: str = "") -> Team:
    policy.require_capability(actor, Capability.STAFF_MANAGE)
    name = name.strip()
    if not name:
        raise ValidationError({"name": gettext("Give the team a name.")})
    with transaction.atomic():
        if Team.objects.filter(name__iexact=name).exists():
            raise ValidationError({"name": gettext("A team with this name already exists.")})
        team = Team.objects.create(name=name, description=description.strip())
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=team, fields=["name", "description"])
    return team


# The second factor -----------------------------------------------------------------------------


def language_set(*, actor: User, language: str) -> User:
    """A user's own choice of language for pages; empty means the browser's language."""
    if language and language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": gettext("Choose one of the languages offered.")})
    actor.language = language
    actor.save(update_fields=["language", "updated_at"])
    return actor


def _totp_check(device: TOTPDevice, code: str) -> bool:
    """Check a code under a row lock, so throttling holds against parallel guesses."""
    with transaction.atomic():
        locked = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        ok = locked.verify_token(code)
    device.refresh_from_db()
    return ok


def _refuse_while_throttled(device: TOTPDevice) -> None:
    allowed, details = device.verify_is_allowed()
    if not allowed:
        until = timezone.localtime((details or {}).get("locked_until") or timezone.now())
        raise ValidationError(
            {
                "code": gettext(
                    "Too many wrong codes in a row. Wait until %(time)s, then try the newest code."
                )
                % {"time": f"{until:%H:%M:%S}"}
            }
        )


def totp_verify(*, actor: User, device: TOTPDevice, code: str) -> bool:
    """Check a sign-in code; a wrong one is audited as a failed sign-in."""
    if device.user_id != actor.pk or not device.confirmed:
        raise PermissionDenied(gettext("This authenticator is not yours."))
    _refuse_while_throttled(device)
    ok = _totp_check(device, code)
    audit_record(
        actor=actor,
        action=AuditEntry.Action.LOGIN if ok else AuditEntry.Action.LOGIN_FAILED,
        object_type="access.user",
        object_id=actor.pk,
        purpose="second factor" if ok else "wrong authenticator code",
    )
    return ok


def totp_enrol_start(*, actor: User) -> TOTPDevice:
    """The user's unconfirmed authenticator, made now if there is none yet."""
    with transaction.atomic():
        device = TOTPDevice.objects.filter(user=actor, confirmed=False).order_by("pk").first()
        if device is None:
            device = TOTPDevice.objects.create(user=actor, name="Authenticator app", confirmed=False)
    return device


def totp_enrol_confirm(*, actor: User, device: TOTPDevice, code: str) -> bool:
    """Confirm a new authenticator with its first code; only then does it count."""
    if device.user_id != actor.pk or device.confirmed:
        raise PermissionDenied(gettext("This authenticator cannot be confirmed."))
    _refuse_while_throttled(device)
    if not _totp_check(device, code):
        return False
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        # Other half-finished enrolments are abandoned secrets; remove them.
        TOTPDevice.objects.filter(user=actor, confirmed=False).delete()
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            object_type="otp_totp.totpdevice",
            object_id=device.pk,
            fields=["confirmed"],
            purpose="authenticator enrolled",
        )
    return True


def audit_chain_check_request(*, actor: User) -> ChainCheck:
    """Queue a verification of the audit chain; the worker stores its result on the returned row."""
    policy.require_capability(actor, Capability.AUDIT_READ)
    with transaction.atomic():
        check = ChainCheck.objects.create(requested_by=actor)
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=check, purpose="audit chain check")
        transaction.on_commit(lambda: audit_chain_check.enqueue(check.pk))
    return check
