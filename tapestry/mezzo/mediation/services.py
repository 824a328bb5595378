"""Writes to mediation: open a dispute, add parties, sessions, issues and agreements, follow up, close."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User
from tapestry.access.policy import Capability
from tapestry.access.versioning import versioned_update
from tapestry.mezzo.mediation.access import disputes_run_by
from tapestry.mezzo.mediation.models import Agreement, Dispute, Issue, MediationSession, Party
from tapestry.people.models import Organisation, Person
from tapestry.web.records import create_record, errors_of

DISPUTE_FIELDS = ("title", "kind", "description", "opened_on", "status", "closed_on", "close_reason")
FOLLOW_UP_FIELDS = ("follow_up_on", "follow_up_status", "follow_up_note")


def _require_run(actor: User, dispute: Dispute) -> None:
    policy.require_capability(actor, Capability.GROUP_RUN)
    if not disputes_run_by(actor).filter(pk=dispute.pk).exists():
        # Same answer as a dispute that does not exist: its existence is not the actor's to know.
        raise Http404("No dispute with this number among the disputes you mediate.")


def _require_open(actor: User, dispute: Dispute) -> None:
    """The actor runs the dispute, and it is still open: what adding to a dispute needs."""
    _require_run(actor, dispute)
    if dispute.is_closed:
        raise ValidationError(
            {
                "__all__": [
                    gettext("This dispute is %(status)s; it is closed.")
                    % {"status": dispute.get_status_display().lower()}
                ]
            }
        )


def _check_mediators(actor: User, mediators: list[User]) -> None:
    if not mediators:
        raise ValidationError({"mediators": [gettext("Name at least one mediator.")]})
    unable = [user for user in mediators if not policy.has_capability(user, Capability.GROUP_RUN)]
    if unable:
        names = ", ".join(user.get_full_name() or user.username for user in unable)
        raise ValidationError(
            {
                "mediators": [
                    gettext("Only staff who run groups and mediations can mediate: %(names)s.")
                    % {"names": names}
                ]
            }
        )
    if not any(user.pk == actor.pk or user.supervisor_id == actor.pk for user in mediators):
        raise ValidationError(
            {
                "mediators": [
                    gettext("Include yourself, or a mediator you supervise: otherwise you could not open it.")
                ]
            }
        )


def _not_future(day: dt.date, field: str, message: str) -> dict[str, list[str]]:
    return {field: [message]} if day > timezone.localdate() else {}


def dispute_create(
    *,
    actor: User,
    title: str,
    kind: str,
    mediators: Iterable[User],
    description: str = "",
    opened_on: dt.date | None = None,
) -> Dispute:
    """Open a dispute with its mediators (who must hold the group-run capability)."""
    policy.require_capability(actor, Capability.GROUP_RUN)
    mediators = list(mediators)
    dispute = Dispute(
        title=title.strip(),
        kind=kind,
        description=description.strip(),
        opened_on=opened_on or timezone.localdate(),
        created_by=actor,
    )
    errors = {
        **errors_of(lambda: dispute.full_clean(exclude=["created_by"])),
        **errors_of(lambda: _check_mediators(actor, mediators)),
        **_not_future(dispute.opened_on, "opened_on", gettext("The opening date cannot be in the future.")),
    }
    if errors:
        raise ValidationError(errors)
    return create_record(
        actor,
        dispute,
        clean=False,
        related={"mediators": mediators},
        fields=["title", "kind", "description", "opened_on", "mediators"],
    )


def dispute_update(
    *,
    actor: User,
    dispute: Dispute,
    version: int,
    changes: dict[str, Any],
    mediators: Iterable[User] | None = None,
) -> Dispute:
    """Change a dispute's facts (closing it needs a closing date and a reason); stale edits are refused."""
    _require_run(actor, dispute)
    changes = dict(changes)
    if changes.get("status") in Dispute.CLOSED and not dispute.is_closed:
        changes.setdefault("closed_on", timezone.localdate())
        if changes["status"] == Dispute.Status.AGREEMENT and not dispute.agreements.exists():
            raise ValidationError(
                {"status": [gettext("Record the agreement before closing with an agreement reached.")]}
            )
    if changes.get("closed_on") and changes["closed_on"] > timezone.localdate():
        raise ValidationError({"closed_on": [gettext("The closing date cannot be in the future.")]})
    if "close_reason" in changes:
        changes["close_reason"] = (changes["close_reason"] or "").strip()
    if mediators is not None:
        mediators = list(mediators)
        _check_mediators(actor, mediators)
    with transaction.atomic():
        updated = versioned_update(
            actor=actor,
            instance=dispute,
            version=version,
            changes=changes,
            editable=DISPUTE_FIELDS,
            savepoint=False,
        )
        if mediators is not None and {u.pk for u in mediators} != set(
            updated.mediators.values_list("pk", flat=True)
        ):
            updated.mediators.set(mediators)
            audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=updated, fields=["mediators"])
    return updated


def dispute_close(
    *, actor: User, dispute: Dispute, version: int, status: str, reason: str, closed_on: dt.date | None = None
) -> Dispute:
    """Close a dispute: agreement reached, without agreement, or withdrawn, always with a reason."""
    if status not in Dispute.CLOSED:
        raise ValidationError({"status": [gettext("Choose how the dispute ended.")]})
    if dispute.is_closed:
        raise ValidationError({"status": [gettext("This dispute is already closed.")]})
    if not reason.strip():
        raise ValidationError({"close_reason": [gettext("Say why the dispute is closing.")]})
    return dispute_update(
        actor=actor,
        dispute=dispute,
        version=version,
        changes={"status": status, "close_reason": reason, "closed_on": closed_on or timezone.localdate()},
    )


def party_add(
    *,
    actor: User,
    dispute: Dispute,
    role: str = Party.Role.PARTY,
    person: Person | None = None,
    organisation: Organisation | None = None,
) -> Party:
    """Add a person (from the mediator's reach) or an organisation to the dispute."""
    _require_open(actor, dispute)
    if (person is None) == (organisation is None):
        raise ValidationError(
            {"person": [gettext("Choose a person or an organisation, not both and not neither.")]}
        )
    if person is not None and dispute.parties.filter(person=person).exists():
        raise ValidationError(
            {"person": [gettext("%(name)s is already at the table.") % {"name": person.display_name}]}
        )
    if organisation is not None and dispute.parties.filter(organisation=organisation).exists():
        raise ValidationError(
            {"organisation": [gettext("%(name)s is already at the table.") % {"name": organisation.name}]}
        )
    party = Party(dispute=dispute, person=person, organisation=organisation, role=role, added_by=actor)
    return create_record(
        actor,
        party,
        exclude=["added_by"],
        validate_constraints=False,
        person_id=party.person_id,
        fields=["person" if person else "organisation", "role"],
    )


def session_record(
    *,
    actor: User,
    dispute: Dispute,
    held_on: dt.date,
    summary: str,
    present: Iterable[Party] = (),
    next_steps: str = "",
) -> MediationSession:
    """Record a session that was held, with who came."""
    _require_open(actor, dispute)
    present = list(present)
    errors = _not_future(
        held_on, "held_on", gettext("A session is recorded once held: its date cannot be in the future.")
    )
    if held_on < dispute.opened_on:
        errors["held_on"] = [gettext("The session cannot come before the dispute was opened.")]
    if any(party.dispute_id != dispute.pk for party in present):
        errors["present"] = [gettext("Choose parties of this dispute.")]
    if not summary.strip():
        errors["summary"] = [gettext("Summarise what happened.")]
    if errors:
        raise ValidationError(errors)
    session = MediationSession(
        dispute=dispute,
        held_on=held_on,
        summary=summary.strip(),
        next_steps=next_steps.strip(),
        recorded_by=actor,
    )
    return create_record(
        actor,
        session,
        clean=False,
        related={"present": present},
        fields=["held_on", "present", "summary", "next_steps"],
    )


def issue_add(*, actor: User, dispute: Dispute, description: str) -> Issue:
    _require_open(actor, dispute)
    if not description.strip():
        raise ValidationError({"description": [gettext("Describe the issue.")]})
    issue = Issue(dispute=dispute, description=description.strip()[:500])
    return create_record(actor, issue, clean=False, fields=["description"])


def issue_status_set(*, actor: User, issue: Issue, status: str) -> Issue:
    _require_run(actor, issue.dispute)
    if status not in Issue.Status.values:
        raise ValidationError({"status": [gettext("Choose open, resolved or unresolved.")]})
    with transaction.atomic():
        if issue.status != status:
            issue.status = status
            issue.save(update_fields=["status", "updated_at"])
            audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=issue, fields=["status"])
    return issue


def agreement_record(
    *,
    actor: User,
    dispute: Dispute,
    terms: str,
    reached_on: dt.date,
    issues: Iterable[Issue] = (),
    follow_up_on: dt.date | None = None,
) -> Agreement:
    """Record what the parties agreed; the issues it settles become resolved."""
    _require_open(actor, dispute)
    issues = list(issues)
    errors = _not_future(reached_on, "reached_on", gettext("The date reached cannot be in the future."))
    if reached_on < dispute.opened_on:
        errors["reached_on"] = [gettext("The agreement cannot come before the dispute was opened.")]
    if any(issue.dispute_id != dispute.pk for issue in issues):
        errors["issues"] = [gettext("Choose issues of this dispute.")]
    if not terms.strip():
        errors["terms"] = [gettext("Write down the terms agreed.")]
    agreement = Agreement(
        dispute=dispute,
        terms=terms.strip(),
        reached_on=reached_on,
        follow_up_on=follow_up_on,
        recorded_by=actor,
    )
    for name, messages in errors_of(lambda: agreement.full_clean(exclude=["recorded_by", "dispute"])).items():
        errors.setdefault(name, messages)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        agreement.save()
        agreement.issues.set(issues)
        Issue.objects.filter(pk__in=[issue.pk for issue in issues]).update(status=Issue.Status.RESOLVED)
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            obj=agreement,
            fields=["terms", "reached_on", "issues", "follow_up_on"],
        )
    return agreement


def agreement_follow_up(
    *, actor: User, agreement: Agreement, version: int, changes: dict[str, Any]
) -> Agreement:
    """Record how the agreement held up (kept, partly kept, broken), or move the follow-up date."""
    _require_run(actor, agreement.dispute)
    changes = {name: value for name, value in changes.items() if value is not None or name == "follow_up_on"}
    if "follow_up_note" in changes:
        changes["follow_up_note"] = changes["follow_up_note"].strip()
    status = changes.get("follow_up_status", agreement.follow_up_status)
    if status != Agreement.FollowUp.PENDING and agreement.follow_up_status == Agreement.FollowUp.PENDING:
        changes["followed_up_on"] = timezone.localdate()
    return versioned_update(
        actor=actor,
        instance=agreement,
        version=version,
        changes=changes,
        editable=[*FOLLOW_UP_FIELDS, "followed_up_on"],
    )
