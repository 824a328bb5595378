"""Every write of assessments and custom forms: record, add the needs found, mark in error, build forms."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User
from tapestry.access.policy import Capability
from tapestry.access.versioning import versioned_update
from tapestry.micro.alerts.models import AlertSource
from tapestry.micro.alerts.services import alerts_resolve_for_source, suicide_risk_raise
from tapestry.micro.assessments.instruments import (
    Instrument,
    instrument_from_form,
    instrument_get,
)
from tapestry.micro.assessments.models import (
    Assessment,
    CustomBand,
    CustomChoice,
    CustomForm,
    CustomQuestion,
)
from tapestry.micro.cases.models import Case, CaseNeed, CaseNeedChange
from tapestry.micro.cases.services import require_case_write
from tapestry.needs.models import Need
from tapestry.web.records import create_record

NOTE_MAX = 2000
FORM_FIELDS = ("name", "description", "instructions", "flag_at", "is_active")


class AssessmentInputInvalid(ValidationError):
    """The instrument, date or answers sent are not valid: errors keyed by field or item code."""


# Assessments ------------------------------------------------------------------------------


REFUSAL = gettext_lazy("You may record assessments only on cases in your caseload or team.")
CLOSED = gettext_lazy("This case is closed; reopen it before recording an assessment.")


def custom_form_definition(form_id: int) -> CustomForm | None:
    """A custom form with its questions, choices and bands, ready for `instrument_from_form`."""
    return (
        CustomForm.objects.filter(pk=form_id)
        .prefetch_related(
            Prefetch("questions", queryset=CustomQuestion.objects.prefetch_related("choices")), "bands"
        )
        .first()
    )


def definition_for(
    *, instrument: str = "", custom_form_id: int | None = None
) -> tuple[Instrument, CustomForm | None]:
    """The instrument to score with: a standard one by code, or a custom form in use by its id."""
    if bool(instrument) == (custom_form_id is not None):
        raise AssessmentInputInvalid({"instrument": ["Name either a standard instrument or a custom form."]})
    if instrument:
        definition = instrument_get(instrument)
        if definition is None:
            raise AssessmentInputInvalid({"instrument": [f"There is no instrument called '{instrument}'."]})
        return definition, None
    form = custom_form_definition(custom_form_id)
    if form is None:
        raise AssessmentInputInvalid({"custom_form_id": ["There is no custom form with this number."]})
    if not form.is_active:
        raise AssessmentInputInvalid({"custom_form_id": ["This form is retired and can no longer be used."]})
    if not form.questions.all():
        raise AssessmentInputInvalid({"custom_form_id": ["This form has no questions yet."]})
    return instrument_from_form(form), form


def scored(
    case: Case,
    definition: Instrument,
    custom_form: CustomForm | None,
    answers: dict[str, str],
    day: date,
    *,
    by: User,
) -> Assessment:
    """An assessment (not saved yet) holding the answers and what the instrument scored them."""
    result = definition.score(answers)
    return Assessment(
        case=case,
        instrument="" if custom_form else definition.code,
        custom_form=custom_form,
        instrument_version=definition.version,
        administered_on=day,
        administered_by=by,
        answers=answers,
        responses=list(result.responses),
        total_score=result.total,
        severity_band=result.band,
        flagged=result.flagged,
        crisis=result.crisis,
        findings=list(result.findings),
        next_step=result.next_step,
        needs_detected=list(result.needs),
    )


def assessment_record(
    *,
    actor: User,
    case: Case,
    definition: Instrument,
    custom_form: CustomForm | None = None,
    answers: Mapping[str, object],
    administered_on: date | None = None,
    note: str = "",
) -> Assessment:
    """Score the answers server-side and keep them with the result; a flag is set by the instrument's rule."""
    require_case_write(actor, case, refusal=REFUSAL, closed=CLOSED, field="case")
    if (custom_form is None) != (definition.custom_form_id is None):
        raise AssessmentInputInvalid({"instrument": ["The form and its definition do not match."]})
    day = administered_on or timezone.localdate()
    errors: dict[str, list[str]] = {}
    if day > timezone.localdate():
        errors["administered_on"] = [gettext("An assessment cannot be dated in the future.")]
    if len(note) > NOTE_MAX:
        errors["note"] = [gettext("Keep the note to %(max)s characters.") % {"max": NOTE_MAX}]
    errors.update(definition.check(answers))
    if errors:
        raise AssessmentInputInvalid(errors)
    assessment = scored(case, definition, custom_form, definition.kept(answers), day, by=actor)
    assessment.note = note.strip()
    with transaction.atomic():
        create_record(
            actor,
            assessment,
            clean=False,
            person_id=case.person_id,
            fields=["answers", "total_score", "severity_band", "flagged", "note"],
        )
        # A screen pointing to suicide risk raises an alert that stays until a clinician resolves it.
        if reasons := assessment.suicide_reasons:
            suicide_risk_raise(
                actor=actor,
                case=case,
                reason=f"{day:%Y-%m-%d}: " + " ".join(reasons),
                source=AlertSource.SCREEN,
                source_id=assessment.pk,
            )
    return assessment


@dataclass(frozen=True)
class NeedsAdded:
    added: list[Need]
    already_on_case: list[Need]


def assessment_needs_add(*, actor: User, assessment: Assessment) -> NeedsAdded:
    """Add the needs a social-needs screen found to its case, each with its first status change."""
    require_case_write(actor, assessment.case, refusal=REFUSAL, open=False)
    if not assessment.needs_detected:
        raise ValidationError({"needs": [gettext("This assessment found no needs to add.")]})
    if assessment.in_error:
        raise ValidationError(
            {"needs": [gettext("This assessment was entered in error; its needs cannot be added.")]}
        )
    with transaction.atomic():
        current = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if current.needs_added_at is not None:
            raise ValidationError(
                {"needs": [gettext("The needs from this screen were already added to the case.")]}
            )
        needs = list(Need.objects.filter(code__in=current.needs_detected, is_active=True))
        existing = set(CaseNeed.objects.filter(case_id=current.case_id).values_list("need_id", flat=True))
        note = f"Found by the {current.name} on {current.administered_on:%Y-%m-%d}."
        added, already = [], []
        for need in needs:
            if need.pk in existing:
                already.append(need)
                continue
            case_need = CaseNeed.objects.create(case_id=current.case_id, need=need, note=note)
            CaseNeedChange.objects.create(
                case_need=case_need, status=case_need.status, note=note, changed_by=actor
            )
            audit_record(
                actor=actor,
                action=AuditEntry.Action.CREATE,
                obj=case_need,
                person_id=assessment.case.person_id,
                fields=["need", "status", "note"],
                purpose="needs from a social-needs screen",
            )
            added.append(need)
        current.needs_added_at = timezone.now()
        current.version += 1
        current.save(update_fields=["needs_added_at", "version", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditEntry.Action.UPDATE,
            obj=current,
            person_id=assessment.case.person_id,
            fields=["needs_added_at"],
        )
    assessment.needs_added_at, assessment.version = current.needs_added_at, current.version
    return NeedsAdded(added=added, already_on_case=already)


def assessment_mark_in_error(*, actor: User, assessment: Assessment, version: int, reason: str) -> Assessment:
    """Nothing is deleted: an assessment given in error is marked so, with why, and leaves the charts."""
    require_case_write(actor, assessment.case, refusal=REFUSAL, open=False)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": [gettext("Say why this assessment was entered in error.")]})
    if assessment.in_error:
        raise ValidationError({"reason": [gettext("This assessment is already marked as entered in error.")]})
    with transaction.atomic():
        marked = versioned_update(
            actor=actor,
            instance=assessment,
            version=version,
            changes={"status": Assessment.Status.ENTERED_IN_ERROR, "error_reason": reason[:255]},
            editable=["status", "error_reason"],
        )
        # An alert raised by a screen that was never truly given goes with it, saying so.
        alerts_resolve_for_source(
            actor=actor,
            source=AlertSource.SCREEN,
            source_id=assessment.pk,
            reason=f"The screen that raised it was marked as entered in error: {reason[:255]}",
        )
    return marked


# Custom forms -----------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionSpec:
    text: str
    choices: Sequence[tuple[str, int]]
    help: str = ""


@dataclass(frozen=True)
class BandSpec:
    low: int
    high: int
    label: str
    next_step: str = ""


def _require_form_admin(actor: User) -> None:
    policy.require_capability(actor, Capability.STAFF_MANAGE)


def _question_errors(spec: QuestionSpec) -> list[str]:
    errors = []
    if not spec.text.strip():
        errors.append(gettext("Write the question."))
    labels = [label.strip() for label, _ in spec.choices]
    if len(labels) < 2:
        errors.append(gettext("Give at least two answer choices."))
    if any(not label for label in labels):
        errors.append(gettext("Every answer choice needs a label."))
    if len(set(labels)) != len(labels):
        errors.append(gettext("Each answer choice can be listed only once."))
    return errors


def _band_errors(band: BandSpec, others: Sequence[BandSpec]) -> list[str]:
    errors = []
    if not band.label.strip():
        errors.append(gettext("Name the band, for example 'Low'."))
    if band.high < band.low:
        errors.append(gettext("The highest score cannot be below the lowest."))
    for other in others:
        if band.low <= other.high and other.low <= band.high:
            errors.append(
                gettext("Overlaps the band '%(band)s' (%(low)s-%(high)s).")
                % {"band": other.label, "low": other.low, "high": other.high}
            )
    return errors


def _bump(form: CustomForm) -> CustomForm:
    """Lock the form and move its version on: questions, choices and bands change what it scores."""
    current = CustomForm.objects.select_for_update().get(pk=form.pk)
    current.version += 1
    current.save(update_fields=["version", "updated_at"])
    form.version = current.version
    return current


def _add_question(form: CustomForm, spec: QuestionSpec, position: int) -> CustomQuestion:
    question = CustomQuestion.objects.create(
        form=form, position=position, text=spec.text.strip()[:300], help=spec.help.strip()[:255]
    )
    CustomChoice.objects.bulk_create(
        CustomChoice(question=question, position=n, label=label.strip()[:200], points=points)
        for n, (label, points) in enumerate(spec.choices, start=1)
    )
    return question


def _band(form: CustomForm, spec: BandSpec) -> CustomBand:
    """The band (not saved yet) a spec describes."""
    label, next_step = spec.label.strip(), spec.next_step.strip()
    return CustomBand(form=form, low=spec.low, high=spec.high, label=label, next_step=next_step)


def custom_form_create(
    *,
    actor: User,
    name: str,
    description: str = "",
    instructions: str = "",
    flag_at: int | None = None,
    questions: Sequence[QuestionSpec] = (),
    bands: Sequence[BandSpec] = (),
) -> CustomForm:
    """A new form; questions and bands may come with it (the API) or be added one by one (the editor)."""
    _require_form_admin(actor)
    form = CustomForm(
        name=name.strip(),
        description=description.strip(),
        instructions=instructions.strip(),
        flag_at=flag_at,
        created_by=actor,
    )
    errors: dict[str, list[str]] = {}
    try:
        form.full_clean(exclude=["created_by"])
    except ValidationError as exc:
        errors.update(exc.message_dict)
    for n, spec in enumerate(questions):
        if problems := _question_errors(spec):
            errors[f"questions.{n}"] = problems
    for n, band in enumerate(bands):
        if problems := _band_errors(band, bands[:n]):
            errors[f"bands.{n}"] = problems
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        form.save()
        for position, spec in enumerate(questions, start=1):
            _add_question(form, spec, position)
        CustomBand.objects.bulk_create(_band(form, spec) for spec in bands)
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            obj=form,
            fields=["name", "description", "instructions", "flag_at", "questions", "bands"],
        )
    return form


def custom_form_update(*, actor: User, form: CustomForm, version: int, changes: dict[str, Any]) -> CustomForm:
    """Change a form's name, texts, flag threshold or whether it is in use; a stale version is refused."""
    _require_form_admin(actor)
    return versioned_update(
        actor=actor, instance=form, version=version, changes=changes, editable=FORM_FIELDS
    )


def custom_question_add(*, actor: User, form: CustomForm, spec: QuestionSpec) -> CustomQuestion:
    _require_form_admin(actor)
    if problems := _question_errors(spec):
        raise ValidationError({"choices": problems} if spec.text.strip() else {"text": problems})
    with transaction.atomic():
        current = _bump(form)
        position = current.questions.count() + 1
        question = _add_question(current, spec, position)
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=question, fields=["text", "choices"])
    return question


def custom_choice_add(*, actor: User, question: CustomQuestion, label: str, points: int) -> CustomChoice:
    _require_form_admin(actor)
    label = label.strip()
    if not label:
        raise ValidationError({"label": [gettext("Write the answer choice.")]})
    if question.choices.filter(label__iexact=label).exists():
        raise ValidationError({"label": [gettext("This question already has that answer choice.")]})
    with transaction.atomic():
        _bump(question.form)
        choice = CustomChoice.objects.create(
            question=question, position=question.choices.count() + 1, label=label[:200], points=points
        )
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=choice, fields=["label", "points"])
    return choice


def custom_band_add(*, actor: User, form: CustomForm, band: BandSpec) -> CustomBand:
    _require_form_admin(actor)
    others = [BandSpec(b.low, b.high, b.label) for b in form.bands.all()]
    if problems := _band_errors(band, others):
        raise ValidationError({"__all__": problems})
    with transaction.atomic():
        _bump(form)
        created = _band(form, band)
        created.save()
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            obj=created,
            fields=["low", "high", "label", "next_step"],
        )
    return created
