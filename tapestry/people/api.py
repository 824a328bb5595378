"""API routes of people: persons, households, relationships and organisations."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime, and
# behind @paginate's wrapper it would look names up in ninja's module instead of this one.

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Status

from tapestry.access.models import User
from tapestry.people import selectors, services
from tapestry.people.consent_api import router as consent_router
from tapestry.people.duplicates import Candidate
from tapestry.people.models import (
    Household,
    HouseholdMember,
    Organisation,
    Person,
    Relationship,
)
from tapestry.people.schemas import (
    CandidateOut,
    DuplicateConflictOut,
    DuplicatesOut,
    HouseholdIn,
    HouseholdMemberIn,
    HouseholdOut,
    MembershipOut,
    MergeIn,
    OrganisationDetailOut,
    OrganisationIn,
    OrganisationKind,
    OrganisationOut,
    OrganisationPatch,
    PersonDetailOut,
    PersonIn,
    PersonListItemOut,
    PersonOut,
    PersonPatch,
    RelationshipIn,
    RelationshipOut,
)
from tapestry.web.ids import referenced
from tapestry.web.schemas import created, error_responses, paged_get, purpose_query

router = Router()
# Each part is listed under its own heading in the API documents.
persons = Router(tags=["persons"])
households = Router(tags=["households"])
relationships = Router(tags=["relationships"])
organisations = Router(tags=["organisations"])


def _referenced_person(user: User, person_id: int, field: str) -> Person:
    """A person named in the body: a missing one is an error on that field, not a missing page."""
    return referenced(field, lambda: selectors.person_get(user=user, person_id=person_id))


def _duplicates_out(user: User, candidates: list[Candidate]) -> DuplicatesOut:
    """Candidates the user may open, in full; the others only as a count (they exist, but are not theirs)."""
    shown, hidden = selectors.duplicate_candidates_visible(user=user, candidates=candidates)
    return DuplicatesOut(
        candidates=[
            CandidateOut(
                id=match.person.pk,
                name=match.person.display_name,
                date_of_birth=match.person.date_of_birth,
                score=match.candidate.score,
                reasons=match.candidate.reasons,
            )
            for match in shown
        ],
        hidden_candidates=hidden,
    )


# Persons ------------------------------------------------------------------------------------


@paged_get(
    persons,
    "/persons",
    PersonListItemOut,
    errors=(422,),
    summary="List the persons you may open",
    description=(
        "Your caseload, your team's and your supervisees'. `q` searches names and other names forgivingly "
        '("Jon Smth" finds John Smith), phone numbers, and case numbers (C-000123, or its beginning); '
        "results come best first, each with `match_reasons`."
    ),
)
def person_list(request: HttpRequest, q: str = Query("", max_length=200)) -> QuerySet[Person] | list[Person]:
    return selectors.person_list(user=request.user, query=q)


@persons.post(
    "/persons",
    response={201: PersonOut, 409: DuplicateConflictOut, **error_responses(400, 422)},
    summary="Register a person",
    description=(
        "Likely duplicates stop the save with 409 and the candidates you may open; look at them, "
        "then send again with `confirm_not_duplicate: true` if this is a different person. "
        "You become the person's primary worker."
    ),
)
def person_create(request: HttpRequest, payload: PersonIn) -> Status:
    fields = payload.model_dump(exclude={"confirm_not_duplicate"})
    intake = services.PersonIntake(**{**fields, "aliases": tuple(fields["aliases"])})
    try:
        person = services.person_create(
            actor=request.user, intake=intake, confirm_not_duplicate=payload.confirm_not_duplicate
        )
    except services.DuplicateSuspected as exc:
        found = _duplicates_out(request.user, exc.candidates)
        conflict = DuplicateConflictOut(
            detail=(
                "This person may already be registered. Check the candidates; if this is someone else, "
                "send the request again with confirm_not_duplicate set to true."
            ),
            errors={},
            candidates=found.candidates,
            hidden_candidates=found.hidden_candidates,
        )
        return Status(409, conflict)
    return Status(201, person)


@persons.get(
    "/persons/{person_id}",
    response={200: PersonDetailOut, **error_responses(404, 422)},
    summary="Open a person's record",
    description="Every open is written to the audit log with its purpose.",
)
def person_detail(request: HttpRequest, person_id: int, purpose: str = purpose_query()) -> Person:
    return selectors.person_detail(user=request.user, person_id=person_id, purpose=purpose)


@persons.patch(
    "/persons/{person_id}",
    response={200: PersonOut, **error_responses(400, 404, 409, 422)},
    summary="Change a person's record",
    description="Send the `version` you read; if the record changed since, the answer is 409 and nothing is saved.",
)
def person_update(request: HttpRequest, person_id: int, payload: PersonPatch) -> Person:
    person = selectors.person_get(user=request.user, person_id=person_id)
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    return services.person_update(actor=request.user, person=person, version=payload.version, changes=changes)


@persons.get(
    "/persons/{person_id}/duplicates",
    response={200: DuplicatesOut, **error_responses(404, 422)},
    summary="Likely duplicates of a registered person",
)
def person_duplicates(request: HttpRequest, person_id: int) -> DuplicatesOut:
    person = selectors.person_get(user=request.user, person_id=person_id)
    phone = selectors.person_first_phone(person=person)
    candidates = services.person_duplicates_of(actor=request.user, person=person, phone=phone)
    return _duplicates_out(request.user, candidates)


@persons.post(
    "/persons/{person_id}/merge",
    response={200: PersonOut, **error_responses(400, 404, 422)},
    summary="Merge this duplicate into the surviving record",
    description="Everything linked to the duplicate moves to the survivor; the duplicate keeps pointing to it.",
)
def person_merge(request: HttpRequest, person_id: int, payload: MergeIn) -> Person:
    duplicate = selectors.person_get(user=request.user, person_id=person_id)
    survivor = _referenced_person(request.user, payload.survivor_id, "survivor_id")
    return services.person_merge(actor=request.user, survivor=survivor, duplicate=duplicate)


# Households ---------------------------------------------------------------------------------


@paged_get(
    households,
    "/households",
    HouseholdOut,
    errors=(422,),
    summary="List households with someone you may open",
)
def household_list(request: HttpRequest) -> QuerySet[Household]:
    return selectors.household_list(user=request.user)


@created(
    households,
    "/households",
    HouseholdOut,
    errors=(400, 422),
    summary="Record a household",
    description="You must be able to change every member's record.",
)
def household_create(request: HttpRequest, payload: HouseholdIn) -> Household:
    members = [
        (_referenced_person(request.user, member.person_id, f"members.{index}.person_id"), member.position)
        for index, member in enumerate(payload.members)
    ]
    household = services.household_create(actor=request.user, name=payload.name, members=members)
    # The answer shows the household as its page would, so it is read (and audited) the same way.
    return selectors.household_detail(user=request.user, household_id=household.pk)


@households.get(
    "/households/{household_id}",
    response={200: HouseholdOut, **error_responses(404, 422)},
    summary="Open a household",
)
def household_detail(request: HttpRequest, household_id: int) -> Household:
    return selectors.household_detail(user=request.user, household_id=household_id)


@created(
    households,
    "/households/{household_id}/members",
    MembershipOut,
    summary="Add a person to a household",
)
def household_member_add(
    request: HttpRequest, household_id: int, payload: HouseholdMemberIn
) -> HouseholdMember:
    household = selectors.household_detail(user=request.user, household_id=household_id)
    person = _referenced_person(request.user, payload.person_id, "person_id")
    membership = services.household_member_add(
        actor=request.user, household=household, person=person, position=payload.position
    )
    return membership


# Relationships ------------------------------------------------------------------------------


@paged_get(
    relationships,
    "/relationships",
    RelationshipOut,
    errors=(422,),
    summary="List relationships of the persons you may open",
)
def relationship_list(
    request: HttpRequest, person_id: int | None = Query(None, description="Only this person's relationships.")
) -> QuerySet[Relationship]:
    return selectors.relationship_list(user=request.user, person_id=person_id)


@created(
    relationships,
    "/relationships",
    RelationshipOut,
    errors=(400, 422),
    summary="Record a relationship between two persons",
    description="You must be able to change the first person's record and open the second's.",
)
def relationship_create(request: HttpRequest, payload: RelationshipIn) -> Relationship:
    relationship = services.relationship_create(
        actor=request.user,
        from_person=_referenced_person(request.user, payload.from_person_id, "from_person_id"),
        to_person=_referenced_person(request.user, payload.to_person_id, "to_person_id"),
        **payload.model_dump(exclude={"from_person_id", "to_person_id"}),
    )
    # Both ends were checked on the way in: the caller changes one and may open the other.
    relationship.from_visible = relationship.to_visible = True
    return relationship


@relationships.delete(
    "/relationships/{relationship_id}",
    response={204: None, **error_responses(404, 422)},
    summary="Remove a relationship recorded in error",
)
def relationship_delete(request: HttpRequest, relationship_id: int) -> Status:
    relationship = selectors.relationship_get(user=request.user, relationship_id=relationship_id)
    services.relationship_delete(actor=request.user, relationship=relationship)
    return Status(204, None)


# Organisations ------------------------------------------------------------------------------


@paged_get(
    organisations,
    "/organisations",
    OrganisationOut,
    errors=(422,),
    summary="List organisations",
)
def organisation_list(
    request: HttpRequest,
    q: str = Query("", max_length=200, description="Part of the name."),
    kind: OrganisationKind | None = None,
) -> QuerySet[Organisation]:
    return selectors.organisation_list(user=request.user, query=q, kind=kind or "")


@created(
    organisations,
    "/organisations",
    OrganisationOut,
    errors=(400, 422),
    summary="Add an organisation",
)
def organisation_create(request: HttpRequest, payload: OrganisationIn) -> Organisation:
    return services.organisation_create(actor=request.user, **payload.model_dump())


@organisations.get(
    "/organisations/{organisation_id}",
    response={200: OrganisationDetailOut, **error_responses(404, 422)},
    summary="Open an organisation, with its contacts",
)
def organisation_detail(request: HttpRequest, organisation_id: int) -> Organisation:
    return selectors.organisation_detail(user=request.user, organisation_id=organisation_id)


@organisations.patch(
    "/organisations/{organisation_id}",
    response={200: OrganisationOut, **error_responses(400, 404, 409, 422)},
    summary="Change an organisation",
    description="Send the `version` you read; if the record changed since, the answer is 409 and nothing is saved.",
)
def organisation_update(
    request: HttpRequest, organisation_id: int, payload: OrganisationPatch
) -> Organisation:
    organisation = selectors.organisation_detail(user=request.user, organisation_id=organisation_id)
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    return services.organisation_update(
        actor=request.user, organisation=organisation, version=payload.version, changes=changes
    )


# Consents live in their own module; they share this app's mount under /api/v1.
for part in (persons, households, relationships, organisations, consent_router):
    router.add_router("", part)
