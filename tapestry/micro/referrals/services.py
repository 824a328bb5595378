"""Writes to referrals: record, send (after the consent check), record the answer, mark no response."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, Segment, User
from tapestry.access.versioning import versioned_update
from tapestry.directory.models import Service
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.micro.cases.services import require_case_write
from tapestry.micro.referrals import disclosure
from tapestry.micro.referrals.models import Referral, ReferralEvent
from tapestry.micro.school import directory as school_directory

PART_NAMES = tuple(name for name, _ in Referral.PARTS)


def _require_change(actor: User, case: Case) -> None:
    # A closed case is refused by `referral_create` among the other mistakes of the form, all told at once.
    require_case_write(actor, case, open=False, refusal=gettext("You may not change this case's referrals."))


NO_PARTS = gettext_lazy("Choose what goes with the referral: at least one part of the person's record.")


def referral_create(
    *,
    actor: User,
    case: Case,
    service: Service,
    reason: str,
    urgency: str = Referral.Urgency.ROUTINE,
    case_needs: Iterable[CaseNeed] = (),
    parts: Iterable[str] = ("identity",),
) -> Referral:
    """Record a referral from the case to a service; nothing leaves the agency until it is sent."""
    _require_change(actor, case)
    case_needs = list(case_needs)
    parts = set(parts)
    errors: dict[str, list[str]] = {}
    if case.status == Case.Status.CLOSED:
        errors["__all__"] = [gettext("This case is closed; reopen it to refer the person.")]
    if service.status not in Service.SEARCHABLE:
        errors["service"] = [
            gettext("This service is %(status)s; choose another.")
            % {"status": service.get_status_display().lower()}
        ]
    if not reason.strip():
        errors["reason"] = [gettext("Say what you are asking the service to do.")]
    if any(need.case_id != case.pk for need in case_needs):
        errors["needs"] = [gettext("Choose needs recorded on this case.")]
    if not parts:
        errors["parts"] = [str(NO_PARTS)]
    elif parts - set(PART_NAMES):
        errors["parts"] = [f"Unknown part of the record: {', '.join(sorted(parts - set(PART_NAMES)))}."]
    elif "school_enrolment" in parts and case.segment != Segment.SCHOOL:
        errors["parts"] = [gettext("The school enrolment goes only with a referral from a school case.")]
    if urgency not in Referral.Urgency.values:
        errors["urgency"] = [gettext("Choose routine, soon or urgent.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        referral = Referral.objects.create(
            case=case,
            service=service,
            recipient_organisation=disclosure.recipient_for(service),
            reason=reason.strip(),
            urgency=urgency,
            created_by=actor,
            **{f"share_{name}": name in parts for name in PART_NAMES},
        )
        referral.needs.set(case_needs)
        ReferralEvent.objects.create(referral=referral, status=referral.status, actor=actor, note="Recorded")
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            obj=referral,
            person_id=case.person_id,
            fields=["service", "reason", "urgency", "needs", *(f"share_{name}" for name in parts)],
        )
    return referral


def referral_send(*, actor: User, referral: Referral, version: int) -> Referral:
    """Send the referral: refused unless a consent in force lets the chosen record go to the recipient."""
    _require_change(actor, referral.case)
    if Referral.Status.SENT not in Referral.TRANSITIONS[referral.status]:
        raise ValidationError(
            {
                "status": [
                    gettext("This referral is already %(status)s.")
                    % {"status": referral.get_status_display().lower()}
                ]
            }
        )
    if referral.recipient_organisation is None:
        # The organisation may have been added since the referral was recorded.
        referral.recipient_organisation = disclosure.recipient_for(referral.service)
        if referral.recipient_organisation is not None:
            Referral.objects.filter(pk=referral.pk).update(
                recipient_organisation=referral.recipient_organisation
            )
    consent = disclosure.consent_in_force(referral)
    legal_basis = ""
    if consent is None:
        # FERPA: directory information may go without consent (34 CFR 99.31(a)(11), 99.37).
        decision = disclosure.directory_decision(referral)
        if decision is None or not decision.allowed:
            raise disclosure.ConsentMissing(
                disclosure.missing_consent_message(referral), person_id=referral.case.person_id
            )
        legal_basis = school_directory.LEGAL_BASIS
    now = timezone.now()
    due = timezone.localdate() + dt.timedelta(days=Referral.RESPONSE_DAYS[referral.urgency])
    with transaction.atomic():
        sent = versioned_update(
            actor=actor,
            instance=referral,
            version=version,
            changes={
                "status": Referral.Status.SENT,
                "sent_at": now,
                "response_due_on": due,
                "consent": consent,
                "legal_basis": legal_basis,
            },
            editable=["status", "sent_at", "response_due_on", "consent", "legal_basis"],
            savepoint=False,
        )
        ReferralEvent.objects.create(
            referral=sent, status=sent.status, actor=actor, at=now, note=f"Answer due by {due:%Y-%m-%d}"
        )
        # Sending is a release of the person's record outside the agency.
        audit_record(
            actor=actor,
            action=AuditEntry.Action.EXPORT,
            obj=sent,
            person_id=referral.case.person_id,
            fields=sent.parts,
            purpose=(
                f"referral to {referral.service.name} "
                + (f"under consent {consent.pk}" if consent is not None else f"as {legal_basis}")
            )[:255],
        )
    return sent


def referral_status_change(
    *,
    actor: User,
    referral: Referral,
    status: str,
    version: int,
    note: str = "",
    decline_reason: str = "",
) -> Referral:
    """Record the service's answer; only the next steps of the closed loop are allowed."""
    if status == Referral.Status.SENT:
        return referral_send(actor=actor, referral=referral, version=version)
    _require_change(actor, referral.case)
    if status == Referral.Status.NO_RESPONSE:
        raise ValidationError(
            {"status": [gettext("No response is recorded by itself when the answer deadline passes.")]}
        )
    if status not in Referral.TRANSITIONS.get(referral.status, set()):
        current = referral.get_status_display().lower()
        wanted = Referral.Status(status).label.lower() if status in Referral.Status.values else repr(status)
        raise ValidationError(
            {
                "status": [
                    gettext("A referral that is %(current)s cannot become %(wanted)s.")
                    % {"current": current, "wanted": wanted}
                ]
            }
        )
    decline_reason = decline_reason.strip()
    if status == Referral.Status.DECLINED and not decline_reason:
        raise ValidationError({"decline_reason": [gettext("Say why the service declined.")]})
    with transaction.atomic():
        changed = versioned_update(
            actor=actor,
            instance=referral,
            version=version,
            changes={
                "status": status,
                "decline_reason": decline_reason if status == Referral.Status.DECLINED else "",
            },
            editable=["status", "decline_reason"],
            savepoint=False,
        )
        ReferralEvent.objects.create(
            referral=changed, status=status, actor=actor, note=(decline_reason or note.strip())[:255]
        )
    return changed


def referrals_mark_unanswered(*, today: dt.date | None = None) -> int:
    """Mark every sent referral whose answer deadline has passed as no response; returns how many.

    Run by the system (the `mark_unanswered_referrals` command or its background task), not a user.
    """
    today = today or timezone.localdate()
    marked = 0
    with transaction.atomic():
        overdue = (
            Referral.objects.select_for_update(of=("self",))
            .select_related("case")
            .filter(status__in=Referral.AWAITING, response_due_on__lt=today)
        )
        for referral in overdue:
            referral.status = Referral.Status.NO_RESPONSE
            referral.version += 1
            referral.save(update_fields=["status", "version", "updated_at"])
            ReferralEvent.objects.create(
                referral=referral,
                status=referral.status,
                note=f"No answer by {referral.response_due_on:%Y-%m-%d}",
            )
            audit_record(
                actor=None,
                action=AuditEntry.Action.UPDATE,
                obj=referral,
                person_id=referral.case.person_id,
                fields=["status"],
                purpose="answer deadline passed",
            )
            marked += 1
    return marked
