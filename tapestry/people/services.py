"""Every write to people, households, relationships, organisations and consent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.models import Assignment, AuditEntry, Consent, User
from tapestry.access.policy import Capability
from tapestry.access.versioning import versioned_update
from tapestry.people.duplicates import Candidate, find_duplicates
from tapestry.people.models import (
    Address,
    ContactPoint,
    Household,
    HouseholdMember,
    Organisation,
    OrganisationContact,
    Person,
    PersonAlias,
    Relationship,
)
from tapestry.web.records import create_record

PERSON_FIELDS = (
    "given_name",
    "family_name",
    "preferred_name",
    "date_of_birth",
    "gender_identity",
    "pronouns",
    "languages",
    "needs_interpreter",
    "notes",
)
ORGANISATION_FIELDS = ("name", "kind", "description", "phone", "email", "website", "address")


class DuplicateSuspected(Exception):
    """Intake found likely duplicates; the worker must look at them before saving."""

    def __init__(self, candidates: list[Candidate]) -> None:
        self.candidates = candidates
        super().__init__(f"{len(candidates)} possible duplicate(s) found.")


def _require_change(actor: User, person: Person) -> None:
    if not policy.can_change_person(actor, person):
        raise PermissionDenied(gettext("You may not change this person's record."))


@dataclass
class PersonIntake:
    given_name: str
    family_name: str
    preferred_name: str = ""
    date_of_birth: date | None = None
    gender_identity: str = ""
    pronouns: str = ""
    languages: str = ""
    needs_interpreter: bool = False
    notes: str = ""
    phone: str = ""
    email: str = ""
    aliases: tuple[str, ...] = ()


def person_duplicates(*, actor: User, intake: PersonIntake, exclude_id: int | None = None) -> list[Candidate]:
    """Likely duplicates for an intake; the search itself is audited."""
    policy.require_capability(actor, Capability.PERSON_WRITE)
    candidates = find_duplicates(
        given_name=intake.given_name,
        family_name=intake.family_name,
        date_of_birth=intake.date_of_birth,
        phones=[intake.phone] if intake.phone else [],
        exclude_id=exclude_id,
    )
    audit_record(
        actor=actor,
        action=AuditEntry.Action.SEARCH,
        object_type="people.person",
        fields=["given_name", "family_name", "date_of_birth", "phone"],
        purpose="duplicate check at intake",
    )
    return candidates


def person_duplicates_of(*, actor: User, person: Person, phone: str = "") -> list[Candidate]:
    """Likely duplicates of a registered person, compared as an intake would: names, birth date, phone."""
    intake = PersonIntake(
        given_name=person.given_name,
        family_name=person.family_name,
        date_of_birth=person.date_of_birth,
        phone=phone,
    )
    return person_duplicates(actor=actor, intake=intake, exclude_id=person.pk)


def person_create(*, actor: User, intake: PersonIntake, confirm_not_duplicate: bool = False) -> Person:
    """Register a person. Unless the worker confirmed, likely duplicates stop the save.

    The intake worker becomes the person's primary worker, so the record stays in reach.
    """
    policy.require_capability(actor, Capability.PERSON_WRITE)
    person = Person(**{name: getattr(intake, name) for name in PERSON_FIELDS})
    person.full_clean(exclude=["merged_into"])
    if not confirm_not_duplicate:
        candidates = person_duplicates(actor=actor, intake=intake)
        if candidates:
            raise DuplicateSuspected(candidates)
    with transaction.atomic():
        person.save()
        if intake.phone:
            ContactPoint.objects.create(person=person, kind=ContactPoint.Kind.PHONE, value=intake.phone)
        if intake.email:
            ContactPoint.objects.create(person=person, kind=ContactPoint.Kind.EMAIL, value=intake.email)
        for alias in intake.aliases:
            if alias.strip():
                PersonAlias.objects.create(person=person, name=alias.strip())
        Assignment.objects.create(staff=actor, person=person, kind=Assignment.Kind.PRIMARY)
        changed = [n for n in PERSON_FIELDS if getattr(intake, n)]
        changed += [n for n in ("phone", "email", "aliases") if getattr(intake, n)]
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=person, fields=changed)
    return person


def person_update(*, actor: User, person: Person, version: int, changes: dict[str, Any]) -> Person:
    """Apply changes made from `version`; refuse them if the record moved on since."""
    _require_change(actor, person)
    return versioned_update(
        actor=actor,
        instance=person,
        version=version,
        changes=changes,
        editable=PERSON_FIELDS,
        clean_exclude=["merged_into"],
    )


def alias_add(*, actor: User, person: Person, name: str) -> PersonAlias:
    _require_change(actor, person)
    return create_record(actor, PersonAlias(person=person, name=name.strip()), fields=["name"])


def contact_add(
    *, actor: User, person: Person, kind: str, value: str, safe_to_contact: bool = True
) -> ContactPoint:
    _require_change(actor, person)
    contact = ContactPoint(person=person, kind=kind, value=value.strip(), safe_to_contact=safe_to_contact)
    return create_record(actor, contact, fields=["kind", "value"], exclude=["normalised"])


def address_add(*, actor: User, person: Person, **fields: Any) -> Address:
    _require_change(actor, person)
    address = Address(person=person, **fields)
    address.full_clean()
    with transaction.atomic():
        if address.is_current:
            person.addresses.filter(is_current=True).update(is_current=False)
        address.save()
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=address, fields=sorted(fields))
    return address


def household_create(*, actor: User, name: str, members: list[tuple[Person, str]]) -> Household:
    """Create a household; the actor must be able to change every member's record."""
    policy.require_capability(actor, Capability.PERSON_WRITE)
    if not members:
        raise ValidationError({"members": [gettext("A household needs at least one member.")]})
    for person, _ in members:
        _require_change(actor, person)
    household = Household(name=name.strip())
    household.full_clean()
    with transaction.atomic():
        household.save()
        for person, position in members:
            membership = HouseholdMember(household=household, person=person, position=position)
            membership.full_clean(exclude=["household", "person"])
            membership.save()
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            obj=household,
            person_id=members[0][0].pk,
            fields=["name", "members"],
        )
    return household


def household_member_add(
    *, actor: User, household: Household, person: Person, position: str
) -> HouseholdMember:
    _require_change(actor, person)
    if household.memberships.filter(person=person).exists():
        raise ValidationError(
            {
                "person": [
                    gettext("%(person)s is already a member of %(household)s.")
                    % {"person": person, "household": household}
                ]
            }
        )
    membership = HouseholdMember(household=household, person=person, position=position)
    return create_record(actor, membership, fields=["position"], exclude=["household", "person"])


def relationship_create(
    *,
    actor: User,
    from_person: Person,
    to_person: Person,
    kind: str,
    notes: str = "",
    no_contact: bool = False,
) -> Relationship:
    """Link two persons; the actor changes the first and must at least see the second."""
    _require_change(actor, from_person)
    if not policy.can_view_person(actor, to_person):
        raise PermissionDenied(gettext("You may link only to people whose records you can open."))
    relationship = Relationship(
        from_person=from_person, to_person=to_person, kind=kind, notes=notes, no_contact=no_contact
    )
    relationship.full_clean(exclude=["from_person", "to_person"])
    relationship.clean()
    if Relationship.objects.filter(from_person=from_person, to_person=to_person, kind=kind).exists():
        raise ValidationError({"kind": [gettext("This relationship is already recorded.")]})
    return create_record(actor, relationship, clean=False, person_id=from_person.pk, fields=["kind"])


def relationship_delete(*, actor: User, relationship: Relationship) -> None:
    _require_change(actor, relationship.from_person)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=AuditEntry.Action.DELETE,
            obj=relationship,
            person_id=relationship.from_person_id,
            fields=["kind"],
        )
        relationship.delete()


def consent_record(*, actor: User, person: Person, **fields: Any) -> Consent:
    _require_change(actor, person)
    consent = Consent(person=person, recorded_by=actor, **fields)
    return create_record(actor, consent, fields=sorted(fields), exclude=["person", "recorded_by"])


def consent_revoke(*, actor: User, consent: Consent, on: date | None = None) -> Consent:
    _require_change(actor, consent.person)
    if consent.revoked_on:
        raise ValidationError({"revoked_on": [gettext("This consent was already revoked.")]})
    with transaction.atomic():
        consent.revoked_on = on or timezone.localdate()
        consent.save(update_fields=["revoked_on", "updated_at"])
        audit_record(actor=actor, action=AuditEntry.Action.REVOKE, obj=consent, fields=["revoked_on"])
    return consent


def person_merge(*, actor: User, survivor: Person, duplicate: Person) -> Person:
    """Fold a duplicate into the surviving record; every record linked to it moves across.

    Links are found through the model graph, so records added by later apps (cases, notes,
    attendance) follow the merge without changes here. A link that would duplicate one the
    survivor already has, or point the survivor at itself, is dropped and named in the audit.
    """
    policy.require_capability(actor, Capability.PERSON_MERGE)
    if survivor.pk == duplicate.pk:
        raise ValidationError({"duplicate": [gettext("A record cannot be merged into itself.")]})
    for person in (survivor, duplicate):
        if not policy.can_change_person(actor, person):
            raise PermissionDenied(gettext("You may merge only records you can change."))
    moved: list[str] = []
    dropped: list[str] = []
    with transaction.atomic():
        for relation in Person._meta.related_objects:
            if relation.many_to_many or relation.related_model is Person:
                continue
            model = relation.related_model
            field = relation.field.name
            for row in model.objects.filter(**{field: duplicate}):
                label = f"{model._meta.label_lower}:{row.pk}"
                setattr(row, field, survivor)
                if isinstance(row, Relationship) and row.from_person_id == row.to_person_id:
                    row.delete()
                    dropped.append(label)
                    continue
                try:
                    with transaction.atomic():
                        row.save(update_fields=[field])
                    moved.append(label)
                except IntegrityError:
                    model.objects.filter(pk=row.pk).delete()
                    dropped.append(label)
        former = f"{duplicate.given_name} {duplicate.family_name}"
        if former != f"{survivor.given_name} {survivor.family_name}":
            PersonAlias.objects.get_or_create(person=survivor, name=former)
        Person.objects.filter(pk=duplicate.pk).update(merged_into=survivor, merged_at=timezone.now())
        Person.objects.filter(pk=survivor.pk).update(version=survivor.version + 1)
        audit_record(
            actor=actor,
            action=AuditEntry.Action.MERGE,
            obj=survivor,
            fields=sorted(
                moved + [f"dropped {label}" for label in dropped] + [f"merged person:{duplicate.pk}"]
            ),
        )
        audit_record(actor=actor, action=AuditEntry.Action.MERGE, obj=duplicate, fields=["merged_into"])
    survivor.refresh_from_db()
    return survivor


def organisation_create(*, actor: User, **fields: Any) -> Organisation:
    policy.require_capability(actor, Capability.ORGANISATION_WRITE)
    return create_record(actor, Organisation(**fields), fields=sorted(fields))


def organisation_update(
    *, actor: User, organisation: Organisation, version: int, changes: dict[str, Any]
) -> Organisation:
    policy.require_capability(actor, Capability.ORGANISATION_WRITE)
    return versioned_update(
        actor=actor, instance=organisation, version=version, changes=changes, editable=ORGANISATION_FIELDS
    )


def organisation_contact_add(
    *, actor: User, organisation: Organisation, **fields: Any
) -> OrganisationContact:
    policy.require_capability(actor, Capability.ORGANISATION_WRITE)
    contact = OrganisationContact(organisation=organisation, **fields)
    return create_record(actor, contact, fields=sorted(fields), exclude=["organisation"])
