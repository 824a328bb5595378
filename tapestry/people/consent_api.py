"""API routes for a person's consents: list, record, revoke (the same services as the pages)."""

# No `from __future__ import annotations`: ninja reads parameter types at runtime (see people/api.py).

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router, Status

from tapestry.people import selectors, services
from tapestry.people.consent_schemas import PersonConsentOut, PersonConsentRecordIn, PersonDisclosureOut
from tapestry.web.ids import referenced
from tapestry.web.schemas import ErrorOut, error_responses

# Listed under "people" too: the consents were first mounted inside the people router.
router = Router(tags=["people", "consents"])

ERRORS = error_responses(404, 422)


def _invalid(error: ValidationError) -> Status:
    errors = {name: [str(m) for m in messages] for name, messages in error.message_dict.items()}
    return Status(422, ErrorOut(detail="The consent is incomplete or invalid.", errors=errors))


@router.get(
    "/persons/{person_id}/consents",
    response={200: list[PersonConsentOut], **ERRORS},
    summary="List a person's consents, newest first",
    description="Consents about a sensitive segment show only to those granted it. The read is audited.",
)
def person_consent_list(request: HttpRequest, person_id: int) -> object:
    return selectors.consent_list(user=request.user, person_id=person_id)


@router.post(
    "/persons/{person_id}/consents",
    response={201: PersonConsentOut, **ERRORS},
    summary="Record a person's consent",
    description=(
        "A substance-use consent must carry every element of 42 CFR 2.31(a), a school consent every element "
        "of 34 CFR 99.30; otherwise 422 with `errors` naming each missing element by field."
    ),
)
def person_consent_record(request: HttpRequest, person_id: int, payload: PersonConsentRecordIn) -> Status:
    person = selectors.person_get_changeable(user=request.user, person_id=person_id)
    fields = payload.model_dump(exclude={"recipient_organisation_id", "given_on"})
    if payload.given_on is not None:
        fields["given_on"] = payload.given_on
    try:
        if payload.recipient_organisation_id is not None:
            fields["recipient_organisation"] = referenced(
                "recipient_organisation_id",
                lambda: selectors.organisation_get(
                    user=request.user, organisation_id=payload.recipient_organisation_id
                ),
                "No organisation with this number.",
            )
        consent = services.consent_record(actor=request.user, person=person, **fields)
    except ValidationError as error:
        return _invalid(error)
    return Status(201, consent)


@router.post(
    "/consents/{consent_id}/revoke",
    response={200: PersonConsentOut, **ERRORS},
    summary="Revoke a consent from today",
    description="Nothing more leaves under it from today; releases already made stay recorded.",
)
def person_consent_revoke(request: HttpRequest, consent_id: int) -> Status:
    consent = selectors.consent_get(user=request.user, consent_id=consent_id)
    try:
        services.consent_revoke(actor=request.user, consent=consent)
    except ValidationError as error:
        return _invalid(error)
    return Status(200, consent)


@router.get(
    "/persons/{person_id}/disclosures",
    response={200: list[PersonDisclosureOut], **ERRORS},
    summary="The person's accounting of disclosures",
    description=(
        "Every release of the person's records outside the agency that the caller may see, newest first "
        "(42 CFR 2.24 and 2.25 for substance-use records). The read is audited."
    ),
)
def person_disclosure_list(request: HttpRequest, person_id: int) -> object:
    return selectors.disclosures_for_person(user=request.user, person_id=person_id)[1]
