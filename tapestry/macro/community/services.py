"""Every write of the community needs assessment: assessments, surveys and their questions (with skip
rules), responses (staff or the public link), assets. Indicator imports are in importing.py."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User
from tapestry.access.policy import Capability, require_capability
from tapestry.access.versioning import versioned_update
from tapestry.macro.community.models import Answer, Assessment, Asset, Question, Response, Survey
from tapestry.web.records import create_record

ASSESSMENT_FIELDS = ("title", "area", "purpose", "starts_on", "ends_on")
CHOICE_KINDS = (Question.Kind.SINGLE, Question.Kind.MULTIPLE)
ANSWER_MAX = 4000


def assessment_create(*, actor: User, **fields: Any) -> Assessment:
    require_capability(actor, Capability.AREA_MANAGE)
    assessment = Assessment(**fields, created_by=actor)
    return create_record(actor, assessment, fields=list(fields))


def assessment_update(
    *, actor: User, assessment: Assessment, version: int, changes: dict[str, Any]
) -> Assessment:
    require_capability(actor, Capability.AREA_MANAGE)
    return versioned_update(
        actor=actor, instance=assessment, version=version, changes=changes, editable=ASSESSMENT_FIELDS
    )


def survey_create(*, actor: User, assessment: Assessment, title: str, introduction: str = "") -> Survey:
    require_capability(actor, Capability.AREA_MANAGE)
    survey = Survey(assessment=assessment, title=title, introduction=introduction, created_by=actor)
    return create_record(actor, survey, fields=["assessment", "title", "introduction"])


def survey_set_open(*, actor: User, survey: Survey, is_open: bool) -> Survey:
    """Open or close the public link (the token stays the same, so a printed link works again)."""
    require_capability(actor, Capability.AREA_MANAGE)
    with transaction.atomic():
        Survey.objects.filter(pk=survey.pk).update(is_open=is_open)
        survey.is_open = is_open
        audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=survey, fields=["is_open"])
    return survey


# Questions and skip rules ------------------------------------------------------------------------


def _clean_question(question: Question) -> None:
    """The rules a question must keep: choices for a choice question, a sound scale, and a skip rule
    that points back to an earlier choice or scale question of the same survey, with answers it offers."""
    errors: dict[str, list[str]] = {}
    choices = [str(choice).strip() for choice in question.choices or [] if str(choice).strip()]
    if question.kind in CHOICE_KINDS:
        if len(choices) < 2:
            errors["choices"] = [gettext("Give at least two choices, one per line.")]
        elif len(set(choices)) != len(choices):
            errors["choices"] = [gettext("Each choice may be given once.")]
        elif any(len(choice) > 150 for choice in choices):
            errors["choices"] = [gettext("A choice may be at most 150 characters.")]
        question.choices = choices
    else:
        question.choices = []
    if question.kind == Question.Kind.SCALE:
        low, high = question.scale_min, question.scale_max
        if low is None or high is None:
            errors["scale_max"] = [gettext("A scale needs its lowest and highest points.")]
        elif not 2 <= high - low + 1 <= 11:
            errors["scale_max"] = [gettext("A scale has from 2 to 11 points (such as 1 to 5, or 0 to 10).")]
    else:
        question.scale_min = question.scale_max = None
        question.min_label = question.max_label = ""
    rule = question.show_if
    values = [str(value) for value in question.show_values or []]
    if rule is None:
        if values:
            errors["show_values"] = [gettext("Choose the earlier question these answers belong to.")]
    elif rule.survey_id != question.survey_id:
        errors["show_if"] = [gettext("A skip rule can only point to a question of the same survey.")]
    elif question.pk is not None and rule.pk == question.pk:
        errors["show_if"] = [gettext("A question cannot depend on itself.")]
    elif rule.position >= question.position:
        errors["show_if"] = [gettext("A skip rule can only point back to an earlier question.")]
    elif rule.kind not in (*CHOICE_KINDS, Question.Kind.SCALE):
        errors["show_if"] = [gettext("A skip rule can only depend on a choice or scale question.")]
    elif not values:
        errors["show_values"] = [gettext("Give the answers to the earlier question that show this one.")]
    elif set(values) - set(rule.offered):
        unknown = ", ".join(sorted(set(values) - set(rule.offered)))
        errors["show_values"] = [
            gettext("The earlier question does not offer: %(unknown)s.") % {"unknown": unknown}
        ]
    question.show_values = values if rule is not None else []
    if errors:
        raise ValidationError(errors)


def question_add(*, actor: User, survey: Survey, **fields: Any) -> Question:
    """Add a question at the end of the survey (or at `position`)."""
    require_capability(actor, Capability.AREA_MANAGE)
    with transaction.atomic():
        locked = Survey.objects.select_for_update().get(pk=survey.pk)
        if fields.get("position") is None:
            last = locked.questions.order_by("-position").values_list("position", flat=True).first()
            fields["position"] = (last or 0) + 1
        question = Question(survey=locked, **fields)
        _clean_question(question)
        return create_record(actor, question, fields=[*fields, "survey"])


# Responses -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Given:
    """A checked answer to a shown question."""

    question: Question
    text: str = ""
    number: Decimal | None = None
    chosen: tuple[str, ...] = ()


def _values(raw: Any) -> list[str]:
    if raw is None:
        return []
    if isinstance(raw, (list, tuple)):
        return [str(value).strip() for value in raw if str(value).strip()]
    return [str(raw).strip()] if str(raw).strip() else []


def answers_check(questions: Sequence[Question], raw: Mapping[int, Any]) -> list[Given]:
    """Apply the skip rules and check each shown answer; `raw` is question id to the value(s) sent.

    A question is shown when it has no rule, or its earlier question was shown and answered with one
    of the rule's answers. Answers to hidden questions are dropped, never stored; a required question
    is required only when shown. Errors come back keyed `q<id>`.
    """
    errors: dict[str, list[str]] = {}
    given: dict[int, Given] = {}
    shown: set[int] = set()
    for question in questions:
        if question.show_if_id is not None:
            earlier = given.get(question.show_if_id)
            if earlier is None or not set(earlier.chosen) & set(question.show_values):
                continue
        shown.add(question.pk)
        values = _values(raw.get(question.pk))
        key = f"q{question.pk}"
        if not values:
            if question.required:
                errors[key] = [gettext("This question needs an answer.")]
            continue
        try:
            given[question.pk] = _answer(question, values)
        except ValueError as problem:
            errors[key] = [str(problem)]
    if errors:
        raise ValidationError(errors)
    return [given[question.pk] for question in questions if question.pk in given]


def _answer(question: Question, values: list[str]) -> Given:
    kind = question.kind
    if kind == Question.Kind.MULTIPLE:
        unknown = set(values) - set(question.offered)
        if unknown:
            raise ValueError(gettext("Choose from the answers offered."))
        return Given(question, chosen=tuple(choice for choice in question.offered if choice in values))
    if len(values) > 1:
        raise ValueError(gettext("Give one answer."))
    value = values[0]
    if kind in (Question.Kind.SINGLE, Question.Kind.SCALE):
        if value not in question.offered:
            raise ValueError(gettext("Choose from the answers offered."))
        number = Decimal(value) if kind == Question.Kind.SCALE else None
        return Given(question, chosen=(value,), number=number)
    if kind == Question.Kind.NUMBER:
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise ValueError(gettext("Give a number, such as 3 or 2.5.")) from None
        if not number.is_finite() or abs(number) >= Decimal("1e10"):
            raise ValueError(gettext("Give a number below ten thousand million."))
        return Given(question, number=number.quantize(Decimal("0.0001")))
    if len(value) > ANSWER_MAX:
        raise ValueError(gettext("Keep the answer to %(max)s characters.") % {"max": ANSWER_MAX})
    return Given(question, text=value)


def _store(
    survey: Survey, given: list[Given], *, channel: str, entered_by: User | None, contact: Mapping[str, str]
) -> Response:
    response = Response.objects.create(
        survey=survey,
        channel=channel,
        entered_by=entered_by,
        contact_name=contact.get("name", "")[:150],
        contact_detail=contact.get("detail", "")[:200],
    )
    Answer.objects.bulk_create(
        Answer(
            response=response,
            question=item.question,
            text=item.text,
            number=item.number,
            chosen=list(item.chosen),
        )
        for item in given
    )
    return response


def response_enter(
    *, actor: User, survey: Survey, raw: Mapping[int, Any], contact: Mapping[str, str] | None = None
) -> Response:
    """A response taken down by staff (at a meeting, on paper, by phone)."""
    require_capability(actor, Capability.AREA_MANAGE)
    given = answers_check(list(survey.questions.all()), raw)
    with transaction.atomic():
        response = _store(
            survey, given, channel=Response.Channel.STAFF, entered_by=actor, contact=contact or {}
        )
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=response, fields=["answers"])
    return response


def response_submit_public(*, survey: Survey, raw: Mapping[int, Any], contact: Mapping[str, str]) -> Response:
    """A response through the public link: no account, no session; it names someone only if they
    filled the optional contact part. The caller has checked the survey is open."""
    given = answers_check(list(survey.questions.all()), raw)
    with transaction.atomic():
        return _store(survey, given, channel=Response.Channel.PUBLIC, entered_by=None, contact=contact)


# Assets --------------------------------------------------------------------------------------------


def asset_add(*, actor: User, assessment: Assessment, **fields: Any) -> Asset:
    require_capability(actor, Capability.AREA_MANAGE)
    asset = Asset(assessment=assessment, created_by=actor, **fields)
    return create_record(actor, asset, fields=[*fields, "assessment"])
