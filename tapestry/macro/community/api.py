"""API routes of the community needs assessment: assessments, surveys and questions, staff-entered
responses, results (suppressed), indicator import and assets."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime (see people/api.py).

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import File, Router, Status
from ninja.files import UploadedFile

from tapestry.directory.models import Service
from tapestry.evidence.suppression import threshold
from tapestry.macro.community import importing, selectors, services
from tapestry.macro.community.forms import IndicatorImportForm
from tapestry.macro.community.models import Assessment, Question, Survey
from tapestry.macro.community.schemas import (
    CommunityAssessmentIn,
    CommunityAssessmentOut,
    CommunityAssessmentPatch,
    CommunityAssetIn,
    CommunityAssetOut,
    CommunityImportOut,
    CommunityImportRefusedOut,
    CommunityIndicatorValueOut,
    CommunityQuestionIn,
    CommunityQuestionOut,
    CommunityResponseIn,
    CommunityResponseOut,
    CommunityResultsOut,
    CommunitySurveyIn,
    CommunitySurveyOut,
)
from tapestry.people.models import Organisation
from tapestry.places.models import Area
from tapestry.web.ids import resolve_ids
from tapestry.web.schemas import created, error_responses, paged_get, refuse_nulls

router = Router(tags=["community"])


def _assessment(user: Any, assessment_id: int) -> Assessment:
    found = selectors.assessment_get(user=user, assessment_id=assessment_id)
    if found is None:
        raise Http404("No assessment with this number.")
    return found


def _survey(user: Any, survey_id: int) -> Survey:
    found = selectors.survey_get(user=user, survey_id=survey_id)
    if found is None:
        raise Http404("No survey with this number.")
    return found


def _area(pk: int) -> Area | None:
    return Area.objects.filter(pk=pk).first()


def _survey_out(survey: Survey) -> dict:
    return {
        "id": survey.pk,
        "assessment_id": survey.assessment_id,
        "title": survey.title,
        "introduction": survey.introduction,
        "is_open": survey.is_open,
        "public_path": reverse("survey_public:answer", args=[survey.token]),
        "questions": selectors.questions_of(survey),
    }


@paged_get(
    router, "/community/assessments", CommunityAssessmentOut, errors=(422,), summary="List assessments"
)
def community_assessment_list(request: HttpRequest) -> Any:
    return selectors.assessment_list(user=request.user)


@created(router, "/community/assessments", CommunityAssessmentOut, summary="Start an assessment of an area")
def community_assessment_create(request: HttpRequest, payload: CommunityAssessmentIn) -> Assessment:
    data = resolve_ids(payload.model_dump(), {"area_id": (_area, "No area with this number.")})
    return services.assessment_create(actor=request.user, **data)


@router.get(
    "/community/assessments/{assessment_id}",
    response={200: CommunityAssessmentOut, **error_responses(404)},
    summary="Open an assessment",
)
def community_assessment_detail(request: HttpRequest, assessment_id: int) -> Assessment:
    return _assessment(request.user, assessment_id)


@router.patch(
    "/community/assessments/{assessment_id}",
    response={200: CommunityAssessmentOut, **error_responses(400, 404, 409, 422)},
    summary="Change an assessment",
    description="Send the `version` you read; if it changed since, the answer is 409 and nothing is saved.",
)
def community_assessment_update(
    request: HttpRequest, assessment_id: int, payload: CommunityAssessmentPatch
) -> Assessment:
    assessment = _assessment(request.user, assessment_id)
    changes = payload.model_dump(exclude_unset=True, exclude={"version"})
    refuse_nulls(changes, ("title", "area_id", "purpose"))
    changes = resolve_ids(changes, {"area_id": (_area, "No area with this number.")})
    services.assessment_update(
        actor=request.user, assessment=assessment, version=payload.version, changes=changes
    )
    return _assessment(request.user, assessment_id)


@router.get(
    "/community/assessments/{assessment_id}/results",
    response={200: CommunityResultsOut, **error_responses(404)},
    summary="An assessment's results, small counts suppressed",
    description="Survey answers counted per choice (free text is never given), indicators of the area and "
    "the areas inside it, and cases by the areas inside it (the measure cases.by_place).",
)
def community_assessment_results(request: HttpRequest, assessment_id: int) -> dict:
    assessment = _assessment(request.user, assessment_id)
    areas = selectors.areas_within(assessment.area)
    results = selectors.survey_results(user=request.user, surveys=selectors.surveys_of(assessment))
    practice = selectors.practice_map(user=request.user, area=assessment.area, areas=areas)
    return {
        "assessment_id": assessment.pk,
        "threshold": threshold(),
        "surveys": [
            {
                "survey_id": result.survey.pk,
                "title": result.survey.title,
                "responses": result.responses,
                "questions": [
                    {
                        "question_id": found.question.pk,
                        "text": found.question.text,
                        "kind": found.question.kind,
                        "cells": found.cells,
                        "total": found.total,
                        "answered": found.answered,
                        "mean": found.mean,
                        "median": found.median,
                        "note": found.note,
                    }
                    for found in result.questions
                ],
            }
            for result in results
        ],
        "indicators": selectors.indicator_values(user=request.user, areas=areas),
        "practice_title": practice.title if practice else None,
        "practice": practice.cells if practice else [],
        "practice_total": practice.total if practice else None,
    }


@created(router, "/community/assessments/{assessment_id}/surveys", CommunitySurveyOut, summary="Add a survey")
def community_survey_create(request: HttpRequest, assessment_id: int, payload: CommunitySurveyIn) -> dict:
    assessment = _assessment(request.user, assessment_id)
    survey = services.survey_create(actor=request.user, assessment=assessment, **payload.model_dump())
    return _survey_out(survey)


@router.get(
    "/community/surveys/{survey_id}",
    response={200: CommunitySurveyOut, **error_responses(404)},
    summary="Open a survey with its questions and skip rules",
)
def community_survey_detail(request: HttpRequest, survey_id: int) -> dict:
    return _survey_out(_survey(request.user, survey_id))


@created(
    router,
    "/community/surveys/{survey_id}/questions",
    CommunityQuestionOut,
    summary="Add a question at the end of a survey",
    description="A skip rule (`show_if_id`, `show_values`) may only point back to an earlier choice or "
    "scale question of the same survey, with answers it offers.",
)
def community_question_add(request: HttpRequest, survey_id: int, payload: CommunityQuestionIn) -> Question:
    survey = _survey(request.user, survey_id)
    data = resolve_ids(
        payload.model_dump(),
        {"show_if_id": (lambda pk: Question.objects.filter(pk=pk).first(), "No question with this number.")},
        nullable=("show_if_id",),
    )
    return services.question_add(actor=request.user, survey=survey, **data)


@created(
    router,
    "/community/surveys/{survey_id}/responses",
    CommunityResponseOut,
    summary="Enter a response taken down by staff",
    description="`answers` maps a question id to its answer(s). Skip rules are applied here: answers to "
    "hidden questions are dropped; a required question is required only when shown. Errors come back "
    "keyed `q<id>`.",
)
def community_response_create(request: HttpRequest, survey_id: int, payload: CommunityResponseIn) -> dict:
    survey = _survey(request.user, survey_id)
    raw: dict[int, list[str]] = {}
    for key, values in payload.answers.items():
        if not (key.isascii() and key.isdigit()):
            raise ValidationError({"answers": [f"{key} is not a question id."]})
        raw[int(key)] = values
    known = set(survey.questions.values_list("pk", flat=True))
    if set(raw) - known:
        raise ValidationError({"answers": ["Some answers are to questions this survey does not have."]})
    contact = {"name": payload.contact_name, "detail": payload.contact_detail}
    response = services.response_enter(actor=request.user, survey=survey, raw=raw, contact=contact)
    return {"id": response.pk, "survey_id": survey.pk, "answers_stored": response.answers.count()}


@paged_get(
    router,
    "/community/assessments/{assessment_id}/assets",
    CommunityAssetOut,
    summary="List an assessment's assets",
)
def community_asset_list(request: HttpRequest, assessment_id: int) -> Any:
    return selectors.assets_of(_assessment(request.user, assessment_id))


@created(router, "/community/assessments/{assessment_id}/assets", CommunityAssetOut, summary="Add an asset")
def community_asset_add(request: HttpRequest, assessment_id: int, payload: CommunityAssetIn) -> Any:
    assessment = _assessment(request.user, assessment_id)
    data = resolve_ids(
        payload.model_dump(),
        {
            "area_id": (_area, "No area with this number."),
            "service_id": (
                lambda pk: Service.objects.filter(pk=pk).first(),
                "No directory service with this number.",
            ),
            "organisation_id": (
                lambda pk: Organisation.objects.filter(pk=pk).first(),
                "No organisation with this number.",
            ),
        },
        nullable=("area_id", "service_id", "organisation_id"),
    )
    return services.asset_add(actor=request.user, assessment=assessment, **data)


@paged_get(
    router,
    "/community/indicators",
    CommunityIndicatorValueOut,
    errors=(422,),
    summary="List imported indicator values",
)
def community_indicator_list(request: HttpRequest) -> Any:
    return selectors.indicator_values_all(user=request.user)


@router.post(
    "/community/indicators/import",
    response={201: CommunityImportOut, 400: CommunityImportRefusedOut, **error_responses(422)},
    summary="Import indicator data from CSV",
    description="Send `file` as multipart form data, at most 5 MB, with the header area_code, indicator, "
    "period, value, margin_of_error, source. `area_code` is kind:code (neighbourhood:N-SW) or a code only "
    "one area has. Every row is checked first; any bad row and the answer is 400 with each problem (row, "
    "column, message) and nothing is stored. The same area, indicator, period and source again updates.",
)
def community_indicator_import(request: HttpRequest, file: File[UploadedFile]) -> Status:
    if file.size > IndicatorImportForm.MAX_BYTES:
        raise ValidationError({"file": ["The file is over 5 MB; split it into smaller files."]})
    report = importing.indicators_import(
        actor=request.user, source=file.name or "upload", content=file.read()
    )
    if not report.ok:
        errors: dict[str, list[str]] = {}
        for problem in report.problems:
            errors.setdefault(f"row {problem.row}", []).append(
                f"{problem.column}: {problem.message}" if problem.column else problem.message
            )
        return Status(400, {"detail": report.summary, "errors": errors, "problems": report.problems})
    return Status(
        201,
        {
            "source": report.source,
            "summary": report.summary,
            "added": report.added,
            "updated": report.updated,
        },
    )
