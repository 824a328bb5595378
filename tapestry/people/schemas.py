"""Typed request and response bodies of the people API (persons, households, relationships, organisations)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Annotated, Any, Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import timezone
from ninja import Field, Schema
from pydantic import AfterValidator, field_validator
from pydantic_core import PydanticCustomError

from tapestry.people.models import HouseholdMember, Organisation, Relationship
from tapestry.web.schemas import ErrorOut, Input, PersonRef, StaffName, label_of, shown_if, stripped_text

# Literal types rather than the models' TextChoices: three of them are called "Kind" and
# would collide as OpenAPI components; a Literal is listed inline as an enum.
Position = Literal[tuple(HouseholdMember.Position.values)]
RelationshipKind = Literal[tuple(Relationship.Kind.values)]
OrganisationKind = Literal[tuple(Organisation.Kind.values)]


def _not_in_future(value: date | None) -> date | None:
    if value is not None and value > timezone.localdate():
        raise PydanticCustomError("date_in_future", "The date of birth cannot be in the future.")
    return value


def _local_time(value: time | None) -> time | None:
    # Times of day are the agency's local time; the database columns hold no offset.
    if value is not None and value.tzinfo is not None:
        raise PydanticCustomError("time_offset", "Give a local time of day without a time-zone offset.")
    return value


def _checked_by(validate: Callable[[str], None], code: str, message: str) -> Callable[[str], str]:
    """A check of a text by a Django validator, for a body field: an empty text passes, a refused one
    is the error `code` with `message`."""

    def check(value: str) -> str:
        if value:
            try:
                validate(value)
            except DjangoValidationError:
                raise PydanticCustomError(code, message) from None
        return value

    return check


_email = _checked_by(validate_email, "email", "Enter a valid email address, like name@example.org.")
_url = _checked_by(URLValidator(), "url", "Enter a full web address, like https://example.org.")


Name = stripped_text(100, required=True)
Text40 = stripped_text(40)
Text60 = stripped_text(60)
Text100 = stripped_text(100)
Text200 = stripped_text(200)
Text255 = stripped_text(255)
RequiredText150 = stripped_text(150, required=True)
RequiredText200 = stripped_text(200, required=True)
BirthDate = Annotated[date, AfterValidator(_not_in_future)]
LocalTime = Annotated[time, AfterValidator(_local_time)]
Email = Annotated[stripped_text(254), AfterValidator(_email)]
Website = Annotated[stripped_text(200), AfterValidator(_url)]


# Errors -------------------------------------------------------------------------------------


class CandidateOut(Schema):
    id: int
    name: str
    date_of_birth: date | None
    score: float = Field(description="0-100: how alike the two records are.")
    reasons: list[str]


class DuplicatesOut(Schema):
    candidates: list[CandidateOut] = Field(description="Likely duplicates the caller may open, best first.")
    hidden_candidates: int = Field(description="Likely duplicates outside the caller's reach, counted only.")


class DuplicateConflictOut(ErrorOut):
    candidates: list[CandidateOut]
    hidden_candidates: int


# Persons ------------------------------------------------------------------------------------


class WorkerOut(Schema):
    staff_id: int
    name: StaffName = Field(validation_alias="staff")
    kind: str
    started_on: date


class PersonIn(Input):
    given_name: Name
    family_name: Name
    preferred_name: Text100 = ""
    date_of_birth: BirthDate | None = None
    gender_identity: Text60 = ""
    pronouns: Text40 = ""
    languages: Text200 = Field("", description="Comma-separated, preferred first.")
    needs_interpreter: bool = False
    notes: str = ""
    phone: Text40 = ""
    email: Email = ""
    aliases: list[RequiredText200] = Field(default_factory=list, description="Other names on file.")
    confirm_not_duplicate: bool = Field(
        False, description="Set after looking at the candidates of a 409 answer: this is a different person."
    )


class PersonPatch(Input):
    """Send `version` (from the record you read) and only the fields you change."""

    version: int = Field(ge=1)
    # Absent means unchanged; the fields are not nullable, so an explicit null is refused.
    given_name: Name = None
    family_name: Name = None
    preferred_name: Text100 = None
    date_of_birth: BirthDate | None = None
    gender_identity: Text60 = None
    pronouns: Text40 = None
    languages: Text200 = None
    needs_interpreter: bool = None
    notes: str = None


class PersonOut(Schema):
    id: int
    display_name: str
    given_name: str
    family_name: str
    preferred_name: str
    date_of_birth: date | None
    gender_identity: str
    pronouns: str
    languages: str
    needs_interpreter: bool
    notes: str
    version: int
    merged_into_id: int | None = Field(description="Set when this record was merged into another.")
    created_at: datetime
    updated_at: datetime


class MatchedRecordOut(Schema):
    """A record of the person's that the search matched (a case by its number)."""

    label: str = Field(description="How the record is named, such as the case number C-000123.")
    url: str = Field(description="The record's page.")
    reason: str


class PersonListItemOut(Schema):
    id: int
    display_name: str
    given_name: str
    family_name: str
    preferred_name: str
    date_of_birth: date | None
    pronouns: str
    primary_worker: WorkerOut | None
    match_reasons: list[str] = Field(
        default_factory=list, description="With `q`: why this person matched (name, other name, phone, case)."
    )
    matched_records: list[MatchedRecordOut] = Field(
        default_factory=list,
        description="With `q`: records of theirs that matched, such as a case by number.",
    )

    @staticmethod
    def resolve_primary_worker(obj: Any) -> Any:
        assignments = getattr(obj, "primary_assignments", [])
        return assignments[0] if assignments else None

    @staticmethod
    def resolve_match_reasons(obj: Any) -> list[str]:
        return getattr(obj, "match_reasons", [])

    @staticmethod
    def resolve_matched_records(obj: Any) -> list[Any]:
        return getattr(obj, "match_records", [])


class AliasOut(Schema):
    id: int
    name: str


class ContactOut(Schema):
    id: int
    kind: str
    value: str
    safe_to_contact: bool


class AddressOut(Schema):
    id: int
    line1: str
    line2: str
    city: str
    region: str
    postcode: str
    is_current: bool
    confidential: bool = Field(description="A shelter or safe address: never share it outside the agency.")


class PersonHouseholdOut(Schema):
    household_id: int
    name: str = Field(validation_alias="household.name")
    position: str


class PersonDetailOut(PersonOut):
    aliases: list[AliasOut]
    contacts: list[ContactOut]
    addresses: list[AddressOut]
    households: list[PersonHouseholdOut] = Field(validation_alias="household_memberships")
    workers: list[WorkerOut] = Field(description="Staff currently assigned to this person.")
    can_change: bool = Field(description="Whether the caller may change this record.")
    emergency_access: bool = Field(description="The caller reads this record under break-glass access.")

    @staticmethod
    def resolve_workers(obj: Any) -> Any:
        return getattr(obj, "current_assignments", [])

    @staticmethod
    def resolve_can_change(obj: Any) -> bool:
        return getattr(obj, "can_change", False)

    @staticmethod
    def resolve_emergency_access(obj: Any) -> bool:
        return getattr(obj, "emergency", None) is not None


class MergeIn(Input):
    survivor_id: int = Field(description="The record that stays; the one in the path is folded into it.")


# Households ---------------------------------------------------------------------------------


class HouseholdMemberIn(Input):
    person_id: int
    position: Position


class HouseholdIn(Input):
    name: RequiredText150
    members: list[HouseholdMemberIn] = Field(min_length=1)

    @field_validator("members")
    @classmethod
    def _each_person_once(cls, members: list[HouseholdMemberIn]) -> list[HouseholdMemberIn]:
        ids = [member.person_id for member in members]
        if len(ids) != len(set(ids)):
            raise PydanticCustomError("repeated_member", "Each person can be listed only once.")
        return members


class HouseholdMemberOut(Schema):
    person: PersonRef | None = Field(description="Null when the member is outside the caller's reach.")
    position: str
    position_label: str = label_of("position")

    resolve_person = shown_if("person", "person_visible")


class MembershipOut(Schema):
    household_id: int
    person: PersonRef
    position: str
    position_label: str = label_of("position")


class HouseholdOut(Schema):
    id: int
    name: str
    members: list[HouseholdMemberOut] = Field(validation_alias="memberships")


# Relationships ------------------------------------------------------------------------------


class RelationshipIn(Input):
    from_person_id: int
    to_person_id: int
    kind: RelationshipKind = Field(description="Read as '<from> is <kind> of <to>'.")
    notes: Text255 = ""
    no_contact: bool = Field(False, description="A protective order or other reason to keep them apart.")


class RelationshipOut(Schema):
    id: int
    from_person: PersonRef | None = Field(description="Null when outside the caller's reach.")
    to_person: PersonRef | None = Field(description="Null when outside the caller's reach.")
    kind: str
    kind_label: str = label_of("kind")
    notes: str
    is_current: bool
    no_contact: bool

    resolve_from_person = shown_if("from_person", "from_visible")
    resolve_to_person = shown_if("to_person", "to_visible")


# Organisations ------------------------------------------------------------------------------


class OrganisationIn(Input):
    name: RequiredText200
    kind: OrganisationKind
    description: str = ""
    phone: Text40 = ""
    email: Email = ""
    website: Website = ""
    address: Text255 = ""


class OrganisationPatch(Input):
    """Send `version` (from the record you read) and only the fields you change."""

    version: int = Field(ge=1)
    name: RequiredText200 = None
    kind: OrganisationKind = None
    description: str = None
    phone: Text40 = None
    email: Email = None
    website: Website = None
    address: Text255 = None


class OrganisationOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str = label_of("kind")
    description: str
    phone: str
    email: str
    website: str
    address: str
    version: int


class OrganisationContactOut(Schema):
    id: int
    name: str
    title: str
    phone: str
    email: str


class OrganisationDetailOut(OrganisationOut):
    contacts: list[OrganisationContactOut]
