"""API routes of assessments: instrument definitions, assessments on a case, custom forms."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime, and
# behind @paginate's wrapper it would look names up in ninja's module instead of this one.

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Status

from tapestry.micro.assessments import selectors, services
from tapestry.micro.assessments.instruments import INSTRUMENTS, Instrument
from tapestry.micro.assessments.models import Assessment, CustomForm
from tapestry.micro.assessments.schemas import (
    AssessmentIn,
    AssessmentListItemOut,
    AssessmentOut,
    CustomFormIn,
    CustomFormOut,
    InstrumentOut,
    NeedsAddedOut,
)
from tapestry.web.schemas import ErrorOut, error_responses, paged_get, purpose_query

router = Router(tags=["assessments"])

INPUT_FIELDS = {"instrument", "custom_form_id", "administered_on", "note"}


def _invalid(detail: str, error: ValidationError, prefix: str = "") -> Status:
    """A 422 in the shared error shape; item codes are reported as `answers.<code>`."""
    errors = {
        (name if name in INPUT_FIELDS or not prefix else f"{prefix}{name}"): [str(m) for m in messages]
        for name, messages in error.message_dict.items()
    }
    return Status(422, ErrorOut(detail=detail, errors=errors))


@router.get(
    "/instruments",
    response={200: list[InstrumentOut], **error_responses()},
    summary="The standardised instruments: items, answers and points, scoring, bands, LOINC codes, flags",
)
def instrument_list(request: HttpRequest) -> list[Instrument]:
    return list(INSTRUMENTS.values())


@paged_get(
    router,
    "/cases/{case_id}/assessments",
    AssessmentListItemOut,
    summary="The assessments on a case, oldest first",
    description="Reading the scores is written to the audit log. `instrument` keeps one instrument's series.",
)
def case_assessment_list(
    request: HttpRequest,
    case_id: int,
    instrument: str = Query("", max_length=40, description="An instrument code, or custom-<form id>."),
) -> QuerySet[Assessment]:
    case = selectors.case_for_assessments(user=request.user, case_id=case_id)
    assessments = selectors.case_assessments(user=request.user, case=case)
    if instrument.startswith("custom-") and instrument[7:].isdigit():
        return assessments.filter(custom_form_id=int(instrument[7:]))
    if instrument:
        return assessments.filter(instrument=instrument)
    return assessments


@router.post(
    "/cases/{case_id}/assessments",
    response={201: AssessmentOut, **error_responses(400, 404, 422)},
    summary="Give an assessment on a case: the answers are scored by the server",
    description=(
        "Send a standard `instrument` code or a `custom_form_id`, and `answers` keyed by item code "
        "(see /instruments and /custom-forms). An answer is the choice's `value` exactly as listed: an "
        'integer on a numeric item (not true/false, 2.0 or "2"), a string on any other. A missing, '
        "unknown or wrongly typed answer is a 422 naming `answers.<item>`. "
        "The answer carries the total, the severity band, the flag and the proposed next step; "
        "`crisis_workflow_url` is set when the answers call for the crisis workflow."
    ),
)
def case_assessment_create(request: HttpRequest, case_id: int, payload: AssessmentIn) -> Status:
    case = selectors.case_for_assessments(user=request.user, case_id=case_id, for_change=True)
    try:
        definition, custom_form = services.definition_for(
            instrument=payload.instrument, custom_form_id=payload.custom_form_id
        )
        # JSON answers are read strictly by each item's type before the service sees them as text.
        answers, wrong_type = definition.read_sent(payload.answers)
        if wrong_type:
            raise services.AssessmentInputInvalid(wrong_type)
        assessment = services.assessment_record(
            actor=request.user,
            case=case,
            definition=definition,
            custom_form=custom_form,
            answers=answers,
            administered_on=payload.administered_on,
            note=payload.note,
        )
    except services.AssessmentInputInvalid as error:
        return _invalid("Some answers are missing or not valid.", error, prefix="answers.")
    return Status(201, assessment)


@router.get(
    "/assessments/{assessment_id}",
    response={200: AssessmentOut, **error_responses(404, 422)},
    summary="Open an assessment, with its answers",
    description="Every open is written to the audit log with its purpose.",
)
def assessment_detail(
    request: HttpRequest,
    assessment_id: int,
    purpose: str = purpose_query("it"),
) -> Assessment:
    return selectors.assessment_detail(user=request.user, assessment_id=assessment_id, purpose=purpose)


@router.post(
    "/assessments/{assessment_id}/add-needs",
    response={200: NeedsAddedOut, **error_responses(400, 404, 422)},
    summary="Add the needs a social-needs screen found to its case",
    description="Needs already on the case are left as they are and listed in `already_on_case`.",
)
def assessment_needs_add(request: HttpRequest, assessment_id: int) -> services.NeedsAdded:
    assessment = selectors.assessment_get(user=request.user, assessment_id=assessment_id, for_change=True)
    return services.assessment_needs_add(actor=request.user, assessment=assessment)


@paged_get(
    router,
    "/custom-forms",
    CustomFormOut,
    errors=(422,),
    summary="Custom assessment forms, with their questions, answers and points",
    description="Forms in use; those who manage forms may ask for retired ones too.",
)
def custom_form_list(request: HttpRequest, include_retired: bool = False) -> QuerySet[CustomForm]:
    return selectors.custom_form_list(user=request.user, include_retired=include_retired)


@router.post(
    "/custom-forms",
    response={201: CustomFormOut, **error_responses(422)},
    summary="Define a custom assessment form: questions with scored choices, summed and banded",
)
def custom_form_create(request: HttpRequest, payload: CustomFormIn) -> Status:
    try:
        form = services.custom_form_create(
            actor=request.user,
            **payload.model_dump(include={"name", "description", "instructions", "flag_at"}),
            questions=[
                services.QuestionSpec(
                    text=q.text, help=q.help, choices=[(c.label, c.points) for c in q.choices]
                )
                for q in payload.questions
            ],
            bands=[services.BandSpec(b.low, b.high, b.label, b.next_step) for b in payload.bands],
        )
    except ValidationError as error:
        return _invalid("The form definition is not valid.", error)
    return Status(201, services.custom_form_definition(form.pk))
