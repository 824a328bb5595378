"""Every read of people, households and organisations, starting from the access policy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.audit import audit_record, audit_view
from tapestry.access.consent_rules import Disclosure
from tapestry.access.models import Assignment, AuditEntry, Consent, User
from tapestry.extensions import app_modules
from tapestry.people import search
from tapestry.people.duplicates import Candidate
from tapestry.people.models import (
    ContactPoint,
    Household,
    HouseholdMember,
    Organisation,
    OrganisationContact,
    Person,
    Relationship,
)
from tapestry.web.ids import found_or_404


@dataclass(frozen=True)
class DuplicateMatch:
    """A likely duplicate the user may open, with why it matched."""

    person: Person
    candidate: Candidate


PERSON_DETAIL_PARTS = [
    "identity",
    "aliases",
    "contacts",
    "addresses",
    "households",
    "relationships",
    "consents",
]


def person_list(*, user: User, query: str = "") -> QuerySet[Person] | list[Person]:
    """The persons the user may open; with a query, those it finds, best first.

    A found person carries `match_reasons` (why it matched) and `match_records` (records of theirs
    that matched, such as a case by its number). The search forgives typing: see people/search.py.
    """
    persons = policy.persons_visible(user)
    query = query.strip()
    # A list shows names and birth dates, so reading it is recorded like any other read.
    audit_record(
        actor=user,
        action=AuditEntry.Action.SEARCH if query else AuditEntry.Action.VIEW,
        object_type="people.person",
        fields=["name", "alias", "phone", "case_number"]
        if query
        else ["name", "date_of_birth", "primary_worker"],
        purpose="person search" if query else "person list",
    )
    primary = Assignment.objects.filter(ended_on__isnull=True, kind=Assignment.Kind.PRIMARY).select_related(
        "staff"
    )
    with_workers = Prefetch("assignments", queryset=primary, to_attr="primary_assignments")
    if not query:
        return persons.prefetch_related(with_workers)
    hits = search.person_search(user=user, persons=persons, query=query)
    found = {
        person.pk: person
        for person in persons.filter(pk__in=[hit.person_id for hit in hits]).prefetch_related(with_workers)
    }
    results = []
    for hit in hits:
        person = found.get(hit.person_id)
        if person is not None:
            person.match_reasons = hit.reasons
            person.match_records = hit.records
            results.append(person)
    return results


def person_get(*, user: User, person_id: int) -> Person:
    """One person, checked against the policy (no related records, not audited as a full open)."""
    person = found_or_404(Person.objects.filter(pk=person_id).first(), gettext("No person with this number."))
    if person.merged_into_id and policy.can_view_person(user, person.merged_into):
        return person
    if not policy.can_view_person(user, person):
        policy.refuse_out_of_reach(
            user,
            missing=gettext("No person with this number."),
            detail=gettext("This person is not in your caseload, your team's or your supervisees'."),
            person_id=person.pk,
        )
    return person


def person_detail(*, user: User, person_id: int, purpose: str = "case work") -> Person:
    """A person with everything on their page, in a fixed number of queries; the open is audited."""
    person = person_get(user=user, person_id=person_id)
    if person.merged_into_id:
        return person
    person = (
        Person.objects.filter(pk=person.pk)
        .prefetch_related(
            "aliases",
            "contacts",
            "addresses",
            Prefetch(
                "household_memberships",
                queryset=HouseholdMember.objects.select_related("household"),
            ),
            Prefetch(
                "relationships_from",
                queryset=Relationship.objects.select_related("to_person").annotate(
                    other_visible=policy.nameable(user, "to_person")
                ),
            ),
            Prefetch(
                "relationships_to",
                queryset=Relationship.objects.select_related("from_person").annotate(
                    other_visible=policy.nameable(user, "from_person")
                ),
            ),
            Prefetch("consents", queryset=Consent.objects.select_related("recipient_organisation")),
            Prefetch(
                "assignments",
                queryset=Assignment.objects.filter(ended_on__isnull=True).select_related("staff"),
                to_attr="current_assignments",
            ),
        )
        .get()
    )
    emergency = policy.emergency_access(user, person)
    audit_view(
        user,
        obj=person,
        fields=PERSON_DETAIL_PARTS,
        purpose=f"emergency: {emergency.reason}" if emergency else purpose,
    )
    person.emergency = emergency
    person.can_change = policy.can_change_person(user, person)
    return person


def household_list(*, user: User) -> QuerySet[Household]:
    """Households with at least one member the user may open; the read is audited."""
    audit_view(user, object_type="people.household", fields=["name", "members"], purpose="household list")
    visible_ids = policy.persons_visible(user).values("pk")
    members = HouseholdMember.objects.filter(person__in=visible_ids)
    return (
        Household.objects.filter(pk__in=members.values("household_id"))
        .prefetch_related(_memberships_marked(user))
        .order_by("name")
    )


def _memberships_marked(user: User) -> Prefetch:
    """A household's members, each marked `person_visible` when the user may see their name."""
    marked = HouseholdMember.objects.select_related("person").annotate(
        person_visible=policy.nameable(user, "person")
    )
    return Prefetch("memberships", queryset=marked)


def _refuse_household(user: User, household: Household) -> NoReturn:
    # Breaking glass on any member opens the household; the first one is offered.
    first = household.memberships.order_by("person_id").values_list("person_id", flat=True).first()
    policy.refuse_out_of_reach(
        user,
        missing=gettext("No household with this number."),
        detail=gettext("No member of this household is in your caseload, team or supervision."),
        person_id=first,
    )


def household_detail(*, user: User, household_id: int) -> Household:
    household_get(user=user, household_id=household_id)
    household = Household.objects.filter(pk=household_id).prefetch_related(_memberships_marked(user)).get()
    audit_view(user, obj=household, fields=["name", "members"])
    return household


def relationship_list(*, user: User, person_id: int | None = None) -> QuerySet[Relationship]:
    """Relationships with at least one end in reach; `from_visible`/`to_visible` say which ends are."""
    audit_view(
        user,
        object_type="people.relationship",
        person_id=person_id,
        fields=["kind", "from_person", "to_person"],
        purpose="relationship list",
    )
    relationships = policy.visible(user, Relationship.objects.all())
    if person_id is not None:
        relationships = relationships.filter(Q(from_person_id=person_id) | Q(to_person_id=person_id))
    return (
        relationships.select_related("from_person", "to_person")
        .annotate(
            from_visible=policy.nameable(user, "from_person"), to_visible=policy.nameable(user, "to_person")
        )
        .order_by("pk")
    )


def relationship_get(*, user: User, relationship_id: int) -> Relationship:
    relationship = (
        policy.visible(user, Relationship.objects.select_related("from_person"))
        .filter(pk=relationship_id)
        .first()
    )
    if relationship is None:
        existing = found_or_404(
            Relationship.objects.filter(pk=relationship_id).first(),
            gettext("No relationship with this number."),
        )
        policy.refuse_out_of_reach(
            user,
            missing=gettext("No relationship with this number."),
            detail=gettext("Neither person in this relationship is in your caseload, team or supervision."),
            person_id=existing.from_person_id,
        )
    return relationship


def organisation_list(*, user: User, query: str = "", kind: str = "") -> QuerySet[Organisation]:
    policy.require_capability(user, policy.Capability.ORGANISATION_READ)
    organisations = Organisation.objects.all()
    if query.strip():
        organisations = organisations.filter(name__icontains=query.strip())
    if kind:
        organisations = organisations.filter(kind=kind)
    return organisations


def organisation_get(*, user: User, organisation_id: int) -> Organisation | None:
    """One organisation by number, without its contacts; None when there is no such organisation."""
    return organisation_list(user=user).filter(pk=organisation_id).first()


def person_first_phone(*, person: Person) -> str:
    """The person's first phone number (as duplicate detection compares it), or ""."""
    phone = person.contacts.filter(kind=ContactPoint.Kind.PHONE).values_list("value", flat=True).first()
    return phone or ""


def organisation_detail(*, user: User, organisation_id: int) -> Organisation:
    policy.require_capability(user, policy.Capability.ORGANISATION_READ)
    return found_or_404(
        Organisation.objects.filter(pk=organisation_id)
        .prefetch_related(Prefetch("contacts", queryset=OrganisationContact.objects.order_by("name")))
        .first(),
        gettext("No organisation with this number."),
    )


def person_get_changeable(*, user: User, person_id: int) -> Person:
    """One person the user may change (an emergency access is read-only), for the forms that add to it."""
    person = person_get(user=user, person_id=person_id)
    if person.merged_into_id or not policy.can_change_person(user, person):
        raise PermissionDenied(gettext("You may not change this person's record."))
    return person


def person_choices(
    *, user: User, exclude_id: int | None = None, changeable: bool = False
) -> QuerySet[Person]:
    """Persons to pick from in a form: the ones the user may open (or change), by name."""
    persons = policy.persons_changeable(user) if changeable else policy.persons_visible(user)
    if exclude_id is not None:
        persons = persons.exclude(pk=exclude_id)
    return persons.only("pk", "given_name", "preferred_name", "family_name", "date_of_birth")


def duplicate_candidates_visible(
    *, user: User, candidates: list[Candidate]
) -> tuple[list[DuplicateMatch], int]:
    """Split intake duplicates into those the user may open (with their records) and a count of the rest.

    The rest are counted, never named: a worker learns a match exists and asks a supervisor.
    """
    ids = [candidate.person_id for candidate in candidates]
    persons = {person.pk: person for person in policy.persons_visible(user).filter(pk__in=ids)}
    shown = [DuplicateMatch(persons[c.person_id], c) for c in candidates if c.person_id in persons]
    return shown, len(candidates) - len(shown)


def person_consents_visible(*, user: User, person: Person) -> list[Consent]:
    """The person's consents (already prefetched) minus those about segments the user is not granted."""
    granted = policy.segments_granted(user)
    return [consent for consent in person.consents.all() if not consent.segment or consent.segment in granted]


def consent_list(*, user: User, person_id: int) -> list[Consent]:
    """A person's consents the user may see (segments they are granted), newest first; audited."""
    person = person_get(user=user, person_id=person_id)
    consents = list(
        policy.visible(user, Consent.objects.filter(person=person))
        .select_related("person", "recipient_organisation")
        .order_by("-given_on", "-id")
    )
    audit_view(
        user, object_type="access.consent", person_id=person.pk, fields=["consents"], purpose="consent list"
    )
    return consents


def disclosures_for_person(*, user: User, person_id: int) -> tuple[Person, list[Disclosure]]:
    """Every release of the person's records outside the agency that the user may see, newest first
    (their accounting of disclosures, 42 CFR 2.24 and 2.25); the read is audited."""
    person = person_get(user=user, person_id=person_id)
    rows = [
        row
        for module in app_modules("disclosures")
        for row in module.disclosures_for(user=user, person=person)
    ]
    rows.sort(key=lambda row: row.when, reverse=True)
    audit_view(
        user,
        object_type="people.person",
        object_id=person.pk,
        person_id=person.pk,
        fields=["disclosures"],
        purpose="accounting of disclosures",
    )
    return person, rows


def consent_get(*, user: User, consent_id: int) -> Consent:
    return policy.one_in_reach(
        user,
        Consent.objects.select_related("person"),
        consent_id,
        missing=gettext("No consent with this number."),
        detail=gettext("This consent belongs to a record you may not open."),
    )


def persons_compare(*, user: User, person_ids: list[int], purpose: str) -> list[Person]:
    """Persons side by side (for a merge), with what identifies them; each open is audited."""
    persons = {
        person.pk: person
        for person in policy.persons_visible(user)
        .filter(pk__in=person_ids)
        .prefetch_related(
            "aliases",
            "contacts",
            "addresses",
            Prefetch("household_memberships", queryset=HouseholdMember.objects.select_related("household")),
        )
        .annotate(
            relationship_count=Count("relationships_from", distinct=True)
            + Count("relationships_to", distinct=True)
        )
    }
    if len(persons) != len(set(person_ids)):
        raise PermissionDenied(
            gettext("One of these records is not in your caseload, your team's or your supervisees.")
        )
    for person in persons.values():
        audit_view(
            user,
            obj=person,
            fields=["identity", "aliases", "contacts", "addresses", "households"],
            purpose=purpose,
        )
    return [persons[pk] for pk in person_ids]


def household_get(*, user: User, household_id: int) -> Household:
    """A household with at least one member the user may open (not audited: no member details)."""
    household = found_or_404(
        Household.objects.filter(pk=household_id).first(), gettext("No household with this number.")
    )
    visible_ids = policy.persons_visible(user).values("pk")
    if not household.memberships.filter(person__in=visible_ids).exists():
        _refuse_household(user, household)
    return household
