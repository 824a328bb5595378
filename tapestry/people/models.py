"""Persons, their names, contacts and addresses; households, relationships and organisations."""

from __future__ import annotations

import unicodedata
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from tapestry.web.models import Timestamped, Versioned, optional_key


def normalise_name(name: str) -> str:
    """A name as matching compares it: lower case, accents, hyphens and apostrophes gone."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(letters.lower().replace("-", " ").replace("'", "").split())


def search_name_of(*names: str) -> str:
    return normalise_name(" ".join(name for name in names if name))


class PersonQuerySet(models.QuerySet["Person"]):
    def active(self) -> PersonQuerySet:
        return self.filter(merged_into__isnull=True)


class Person(Versioned):
    """Anyone the agency works with: a client, a family member, a community member."""

    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    gender_identity = models.CharField(max_length=60, blank=True)
    pronouns = models.CharField(max_length=40, blank=True)
    languages = models.CharField(
        max_length=200, blank=True, help_text=gettext_lazy("Comma-separated, preferred first.")
    )
    needs_interpreter = models.BooleanField(default=False)
    notes = models.TextField(blank=True, help_text=gettext_lazy("Practical notes: how to reach them safely."))
    merged_into = optional_key("self", related_name="merged_from")
    merged_at = models.DateTimeField(null=True, blank=True)
    # The names as search compares them (lower case, no accents or hyphens), kept by save().
    search_name = models.CharField(max_length=300, blank=True, editable=False)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["family_name", "given_name", "id"]
        indexes = [
            models.Index(fields=["family_name", "given_name"]),
            models.Index(fields=["date_of_birth"]),
            models.Index(fields=["search_name"], name="person_search_name"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        first = self.preferred_name or self.given_name
        return f"{first} {self.family_name}".strip()

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_name = search_name_of(self.given_name, self.preferred_name, self.family_name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_name"}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.date_of_birth and self.date_of_birth > timezone.localdate():
            raise ValidationError({"date_of_birth": gettext("The date of birth cannot be in the future.")})


class PersonAlias(Timestamped):
    """Another name a person is or was known by: a former name, a nickname, a misspelling on file."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    search_name = models.CharField(max_length=200, blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "person aliases"
        indexes = [
            models.Index(fields=["search_name"], name="alias_search_name"),
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_name = search_name_of(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_name"}
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return self.name


class ContactPoint(Timestamped):
    class Kind(models.TextChoices):
        PHONE = "phone", gettext_lazy("Phone")
        EMAIL = "email", gettext_lazy("Email")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    value = models.CharField(max_length=200)
    # Normalised digits of a phone number, for duplicate matching.
    normalised = models.CharField(max_length=200, db_index=True, editable=False)
    safe_to_contact = models.BooleanField(
        default=True, help_text=gettext_lazy("Untick if contact could put them at risk.")
    )

    class Meta:
        ordering = ["kind", "value"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.normalised = normalise_contact(self.kind, self.value)
        super().save(*args, **kwargs)


def normalise_contact(kind: str, value: str) -> str:
    if kind == ContactPoint.Kind.PHONE:
        digits = "".join(ch for ch in value if ch.isdigit())
        return digits[-10:]
    return value.strip().lower()


class Address(Timestamped):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="addresses")
    line1 = models.CharField("address", max_length=200)
    line2 = models.CharField("address line 2", max_length=200, blank=True)
    city = models.CharField(max_length=100)
    region = models.CharField("state or region", max_length=100, blank=True)
    postcode = models.CharField("postcode / ZIP", max_length=20, blank=True)
    is_current = models.BooleanField(default=True)
    confidential = models.BooleanField(
        default=False, help_text=gettext_lazy("A shelter or safe address: never shared.")
    )

    class Meta:
        ordering = ["-is_current", "-created_at"]
        verbose_name_plural = "addresses"

    def __str__(self) -> str:
        return ", ".join(part for part in [self.line1, self.city, self.postcode] if part)


class Household(Timestamped):
    name = models.CharField(
        max_length=150,
        help_text=gettext_lazy("How the agency refers to the family, e.g. 'Rivera household'."),
    )
    members = models.ManyToManyField(Person, through="HouseholdMember", related_name="households")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class HouseholdMember(Timestamped):
    class Position(models.TextChoices):
        HEAD = "head", gettext_lazy("Head of household")
        PARTNER = "partner", pgettext_lazy("relationship", "Partner")
        CHILD = "child", pgettext_lazy("relationship", "Child")
        OTHER_ADULT = "other_adult", gettext_lazy("Other adult")
        OTHER_CHILD = "other_child", gettext_lazy("Other child")

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="household_memberships")
    position = models.CharField(max_length=16, choices=Position.choices)
    joined_on = models.DateField(null=True, blank=True)
    left_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["position", "person__given_name"]
        constraints = [
            models.UniqueConstraint(fields=["household", "person"], name="one_membership_per_household")
        ]

    def __str__(self) -> str:
        return gettext("%(person)s (%(position)s) in %(household)s") % {
            "person": self.person,
            "position": self.get_position_display(),
            "household": self.household,
        }


class Relationship(Timestamped):
    """A typed link from one person to another, read as '<from> is <kind> of <to>'."""

    class Kind(models.TextChoices):
        PARENT = "parent", gettext_lazy("Parent")
        CHILD = "child", pgettext_lazy("relationship", "Child")
        PARTNER = "partner", pgettext_lazy("relationship", "Partner")
        FORMER_PARTNER = "former_partner", gettext_lazy("Former partner")
        SIBLING = "sibling", gettext_lazy("Sibling")
        GRANDPARENT = "grandparent", gettext_lazy("Grandparent")
        GRANDCHILD = "grandchild", gettext_lazy("Grandchild")
        CAREGIVER = "caregiver", gettext_lazy("Caregiver")
        CARED_FOR = "cared_for", gettext_lazy("Cared for by")
        GUARDIAN = "guardian", gettext_lazy("Legal guardian")
        WARD = "ward", gettext_lazy("Ward")
        FOSTER_PARENT = "foster_parent", gettext_lazy("Foster parent")
        FOSTER_CHILD = "foster_child", gettext_lazy("Foster child")
        FRIEND = "friend", gettext_lazy("Friend")
        OTHER = "other", gettext_lazy("Other")

    # What the same link is called when read from the other person.
    INVERSE = {
        Kind.PARENT: Kind.CHILD,
        Kind.CHILD: Kind.PARENT,
        Kind.PARTNER: Kind.PARTNER,
        Kind.FORMER_PARTNER: Kind.FORMER_PARTNER,
        Kind.SIBLING: Kind.SIBLING,
        Kind.GRANDPARENT: Kind.GRANDCHILD,
        Kind.GRANDCHILD: Kind.GRANDPARENT,
        Kind.CAREGIVER: Kind.CARED_FOR,
        Kind.CARED_FOR: Kind.CAREGIVER,
        Kind.GUARDIAN: Kind.WARD,
        Kind.WARD: Kind.GUARDIAN,
        Kind.FOSTER_PARENT: Kind.FOSTER_CHILD,
        Kind.FOSTER_CHILD: Kind.FOSTER_PARENT,
        Kind.FRIEND: Kind.FRIEND,
        Kind.OTHER: Kind.OTHER,
    }

    from_person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relationships_from")
    to_person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relationships_to")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    notes = models.CharField(max_length=255, blank=True)
    is_current = models.BooleanField(default=True)
    # A protective order or other reason this person must not learn of the other's whereabouts.
    no_contact = models.BooleanField(default=False)

    class Meta:
        ordering = ["kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_person", "to_person", "kind"], name="one_relationship_per_kind"
            ),
            models.CheckConstraint(
                condition=~models.Q(from_person=models.F("to_person")), name="relationship_not_to_self"
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(person)s is %(relationship)s of %(other)s") % {
            "person": self.from_person,
            "relationship": self.get_kind_display().lower(),
            "other": self.to_person,
        }

    def clean(self) -> None:
        if self.from_person_id and self.from_person_id == self.to_person_id:
            raise ValidationError({"to_person": gettext("A person cannot be related to themselves.")})

    def kind_from(self, person_id: int) -> str:
        """The label of this link as seen from `person_id`'s side."""
        if person_id == self.from_person_id:
            return self.get_kind_display()
        return str(Relationship.Kind(self.INVERSE[self.kind]).label)


class Organisation(Versioned):
    class Kind(models.TextChoices):
        AGENCY = "agency", gettext_lazy("Social-service agency")
        SCHOOL = "school", gettext_lazy("School")
        NONPROFIT = "nonprofit", gettext_lazy("Nonprofit")
        FUNDER = "funder", gettext_lazy("Funder")
        GOVERNMENT = "government", gettext_lazy("Government office")
        HEALTH = "health", gettext_lazy("Health provider")
        COURT = "court", gettext_lazy("Court")
        EMPLOYER = "employer", gettext_lazy("Employer")
        FAITH = "faith", gettext_lazy("Faith community")
        OTHER = "other", gettext_lazy("Other")

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    description = models.TextField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    address = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "kind"], name="unique_organisation_name_kind")]

    def __str__(self) -> str:
        return self.name


class OrganisationContact(Timestamped):
    """A professional contact at an organisation (not a client)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=150)
    title = models.CharField(max_length=150, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.organisation}"
