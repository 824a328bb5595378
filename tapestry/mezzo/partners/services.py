"""Every write of partnerships: agreements, their contacts, and referrals partners send us."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry, User
from tapestry.access.policy import Capability
from tapestry.mezzo.partners.models import IncomingReferral, Partnership
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.services import require_case_change
from tapestry.needs.models import Need
from tapestry.people import services as people_services
from tapestry.people.models import Organisation, OrganisationContact
from tapestry.programs.models import Program
from tapestry.web.records import create_record

PARTNERSHIP_FIELDS = ("agreement_type", "status", "signed_on", "starts_on", "ends_on", "lead", "notes")


def _check_one_live(partnership: Partnership) -> None:
    """One live agreement per organisation and type: say which one is in the way."""
    if partnership.status not in Partnership.LIVE:
        return
    clash = (
        Partnership.objects.filter(
            organisation_id=partnership.organisation_id,
            agreement_type=partnership.agreement_type,
            status__in=Partnership.LIVE,
        )
        .exclude(pk=partnership.pk)
        .first()
    )
    if clash is not None:
        raise ValidationError(
            {
                "agreement_type": [
                    gettext(
                        "%(partner)s already has a %(agreement)s that is %(status)s (from %(day)s). "
                        "Change that one, or end it before recording a new one."
                    )
                    % {
                        "partner": partnership.organisation,
                        "agreement": clash.get_agreement_type_display().lower(),
                        "status": clash.get_status_display().lower(),
                        "day": f"{clash.starts_on:%Y-%m-%d}",
                    }
                ]
            }
        )


def _check_contacts(organisation: Organisation, contacts: Iterable[OrganisationContact]) -> list:
    contacts = list(contacts)
    if any(contact.organisation_id != organisation.pk for contact in contacts):
        raise ValidationError(
            {"contacts": [gettext("Choose contacts who work at %(partner)s.") % {"partner": organisation}]}
        )
    return contacts


def _check_lead(lead: User | None) -> None:
    if lead is not None and not lead.is_active:
        raise ValidationError({"lead": [gettext("Choose a member of staff whose account is active.")]})


def partnership_create(
    *,
    actor: User,
    organisation: Organisation,
    agreement_type: str,
    starts_on: dt.date,
    status: str = Partnership.Status.ACTIVE,
    signed_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    lead: User | None = None,
    notes: str = "",
    programs: Iterable[Program] = (),
    contacts: Iterable[OrganisationContact] = (),
) -> Partnership:
    """Record an agreement with a partner organisation."""
    policy.require_capability(actor, Capability.ORGANISATION_WRITE)
    partnership = Partnership(
        organisation=organisation,
        agreement_type=agreement_type,
        status=status,
        signed_on=signed_on,
        starts_on=starts_on,
        ends_on=ends_on,
        lead=lead,
        notes=notes.strip(),
        created_by=actor,
    )
    partnership.full_clean(validate_constraints=False)
    _check_lead(lead)
    contacts = _check_contacts(organisation, contacts)
    with transaction.atomic():
        # Lock the organisation so two people recording the same agreement cannot both succeed.
        Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
        _check_one_live(partnership)
        partnership.save()
        partnership.programs.set(programs)
        partnership.contacts.set(contacts)
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            obj=partnership,
            fields=[*PARTNERSHIP_FIELDS, "programs", "contacts"],
        )
    return partnership


def partnership_update(
    *,
    actor: User,
    partnership: Partnership,
    version: int,
    changes: dict[str, Any],
    programs: Iterable[Program] | None = None,
    contacts: Iterable[OrganisationContact] | None = None,
) -> Partnership:
    """Change an agreement; a stale version is refused, and only what changed is recorded."""
    policy.require_capability(actor, Capability.ORGANISATION_WRITE)
    unknown = set(changes) - set(PARTNERSHIP_FIELDS)
    if unknown:
        raise ValidationError(
            {name: [gettext("This field cannot be changed here.")] for name in sorted(unknown)}
        )
    if "lead" in changes:
        _check_lead(changes["lead"])
    if "notes" in changes:
        changes["notes"] = (changes["notes"] or "").strip()
    with transaction.atomic():
        current = (
            Partnership.objects.select_for_update().select_related("organisation").get(pk=partnership.pk)
        )
        if current.version != version:
            raise StaleEdit(current.version)
        changed = [name for name, value in changes.items() if getattr(current, name) != value]
        for name in changed:
            setattr(current, name, changes[name])
        current.full_clean(validate_constraints=False)
        _check_one_live(current)
        if programs is not None:
            wanted = {program.pk for program in programs}
            if wanted != set(current.programs.values_list("pk", flat=True)):
                current.programs.set(wanted)
                changed.append("programs")
        if contacts is not None:
            wanted_contacts = _check_contacts(current.organisation, contacts)
            if {c.pk for c in wanted_contacts} != set(current.contacts.values_list("pk", flat=True)):
                current.contacts.set(wanted_contacts)
                changed.append("contacts")
        if changed:
            current.version += 1
            current.save()
            audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=current, fields=changed)
    return current


def partner_contact_add(
    *,
    actor: User,
    organisation: Organisation,
    partnership: Partnership | None = None,
    **fields: Any,
) -> OrganisationContact:
    """Add a contact at the partner (through the people service), optionally as an agreement's contact."""
    if partnership is not None and partnership.organisation_id != organisation.pk:
        raise ValidationError(
            {"partnership": [gettext("Choose an agreement with %(partner)s.") % {"partner": organisation}]}
        )
    with transaction.atomic():
        contact = people_services.organisation_contact_add(actor=actor, organisation=organisation, **fields)
        if partnership is not None:
            partnership.contacts.add(contact)
            audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=partnership, fields=["contacts"])
    return contact


def incoming_referral_record(
    *,
    actor: User,
    partnership: Partnership,
    case: Case,
    reason: str,
    received_on: dt.date,
    need: Need | None = None,
) -> IncomingReferral:
    """Record that a partner referred a person to us, on the case the work happens in."""
    require_case_change(
        actor,
        case,
        refusal=gettext(
            "You may not add to this case: it is outside your caseload, or in a segment you are not granted."
        ),
    )
    errors: dict[str, list[str]] = {}
    if partnership.status == Partnership.Status.ENDED:
        errors["__all__"] = [gettext("This agreement has ended; record the referral under a live agreement.")]
    if not reason.strip():
        errors["reason"] = [gettext("Say what the partner asked us to do.")]
    if errors:
        raise ValidationError(errors)
    referral = IncomingReferral(
        partnership=partnership,
        case=case,
        received_on=received_on,
        need=need,
        reason=reason.strip(),
        recorded_by=actor,
    )
    return create_record(
        actor,
        referral,
        person_id=case.person_id,
        fields=["partnership", "case", "received_on", "need", "reason"],
    )
