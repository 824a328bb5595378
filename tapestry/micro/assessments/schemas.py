"""Typed request and response bodies of the assessments API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import StringConstraints, WithJsonSchema

from tapestry.micro.assessments.instruments import INSTRUMENTS, sent_value
from tapestry.micro.assessments.links import crisis_url
from tapestry.micro.assessments.services import NOTE_MAX
from tapestry.web.schemas import Input, NullIfBlank, StaffRef, stripped_text

Text = Annotated[str, StringConstraints(strip_whitespace=True)]

# Answers as sent in JSON. Any value is taken here so that the instrument, which knows each item's
# type, refuses a wrong one by name (pydantic would turn true or 2.0 into 1 or 2); the published
# schema shows what is valid. Read them with `Instrument.read_sent`.
SentAnswers = Annotated[
    dict[str, Any],
    WithJsonSchema(
        {"type": "object", "additionalProperties": {"anyOf": [{"type": "integer"}, {"type": "string"}]}}
    ),
]


Code = stripped_text(32)
Note = stripped_text(NOTE_MAX)
Label = stripped_text(200, required=True)
Help = stripped_text(255)
QuestionText = stripped_text(300, required=True)
BandLabel = stripped_text(80, required=True)
NextStep = stripped_text(300)
FormName = stripped_text(120, required=True)


# Instrument definitions -------------------------------------------------------------------


class ChoiceOut(Schema):
    value: int | str = Field(
        description="What to send as the answer, as it is: an integer on a numeric item, else a string."
    )
    label: str
    points: int


def _sent_choices(item: Any) -> list[dict]:
    return [
        {"value": sent_value(choice.value), "label": choice.label, "points": choice.points}
        for choice in item.choices
    ]


class AskedIfOut(Schema):
    item: str
    answers: list[int | str] = Field(description="The item is asked only after one of these answers.")


class ItemOut(Schema):
    code: str = Field(description="The key of this item in `answers`.")
    text: str
    help: str
    loinc: NullIfBlank
    scored: bool
    asked_if: AskedIfOut | None
    choices: list[ChoiceOut]

    @staticmethod
    def resolve_asked_if(obj: Any) -> dict | None:
        if obj.asked_if is None:
            return None
        item, answers = obj.asked_if
        return {"item": item, "answers": [sent_value(value) for value in answers]}

    @staticmethod
    def resolve_choices(obj: Any) -> list[dict]:
        return _sent_choices(obj)


class BandOut(Schema):
    label: str
    low: int | None = Field(description="Null when the band follows a rule rather than a range of totals.")
    high: int | None
    meaning: str
    next_step: str


class InstrumentOut(Schema):
    code: str
    name: str
    title: str
    purpose: str
    instructions: str
    panel_loinc: NullIfBlank
    total_loinc: NullIfBlank
    scoring_rule: str
    flag_rule: str
    flag_at: int | None = Field(description="A total at or above this is flagged (null: see `flag_rule`).")
    max_total: int
    version: str
    notes: str
    items: list[ItemOut]
    bands: list[BandOut]


# Assessments ------------------------------------------------------------------------------


class AssessmentIn(Input):
    instrument: Code = Field("", description="A standard instrument's code, e.g. `phq-9`; see /instruments.")
    custom_form_id: int | None = Field(None, description="Or the id of a custom form in use.")
    administered_on: date | None = Field(None, description="Defaults to today; never in the future.")
    answers: SentAnswers = Field(
        description="For each item code, the choice's `value` as listed: an integer on a numeric item, "
        "else a string."
    )
    note: Note = ""


class ResponseOut(Schema):
    item: str
    question: str
    answer: str
    points: int | None


class AssessmentListItemOut(Schema):
    id: int
    case_id: int
    instrument: str = Field(description="The standard instrument's code; empty for a custom form.")
    custom_form_id: int | None
    name: str
    instrument_version: str
    administered_on: date
    administered_by: StaffRef
    total_score: int
    severity_band: str
    flagged: bool
    crisis: bool = Field(description="The answers call for the crisis workflow now.")
    findings: list[str]
    next_step: str
    status: str
    version: int


class AssessmentOut(AssessmentListItemOut):
    panel_loinc: str | None
    total_loinc: str | None
    answers: dict[str, int | str] = Field(description="The answers kept, as they are sent.")
    responses: list[ResponseOut]
    needs_detected: list[str] = Field(
        description="Codes of needs (see the needs taxonomy) the answers point to."
    )
    needs_added_at: datetime | None
    note: str
    error_reason: str
    crisis_workflow_url: str | None = Field(
        description="Where to start a crisis risk assessment, when called for."
    )
    created_at: datetime

    @staticmethod
    def resolve_panel_loinc(obj: Any) -> str | None:
        instrument = INSTRUMENTS.get(obj.instrument)
        return (instrument.panel_loinc or None) if instrument else None

    @staticmethod
    def resolve_total_loinc(obj: Any) -> str | None:
        instrument = INSTRUMENTS.get(obj.instrument)
        return (instrument.total_loinc or None) if instrument else None

    @staticmethod
    def resolve_answers(obj: Any) -> dict[str, int | str]:
        return {code: sent_value(value) for code, value in obj.answers.items()}

    @staticmethod
    def resolve_crisis_workflow_url(obj: Any) -> str | None:
        return (crisis_url(obj.case_id) or None) if obj.crisis else None


class AssessmentNeedOut(Schema):
    code: str
    label: str
    icd10: str


class NeedsAddedOut(Schema):
    added: list[AssessmentNeedOut]
    already_on_case: list[AssessmentNeedOut]


# Custom forms -----------------------------------------------------------------------------


class CustomChoiceIn(Input):
    label: Label
    points: int = Field(ge=-100, le=100)


class CustomQuestionIn(Input):
    text: QuestionText
    help: Help = ""
    choices: list[CustomChoiceIn] = Field(min_length=2)


class CustomBandIn(Input):
    low: int
    high: int
    label: BandLabel
    next_step: NextStep = ""


class CustomFormIn(Input):
    name: FormName
    description: Text = ""
    instructions: Text = ""
    flag_at: int | None = Field(
        None, ge=0, description="A total at or above this is flagged; null for never."
    )
    questions: list[CustomQuestionIn] = Field(min_length=1)
    bands: list[CustomBandIn] = Field(default_factory=list)


class CustomChoiceOut(Schema):
    id: int
    value: str = Field(description="What to send as the answer.")
    label: str
    points: int

    @staticmethod
    def resolve_value(obj: Any) -> str:
        return f"c{obj.pk}"


class CustomQuestionOut(Schema):
    id: int
    code: str = Field(description="The key of this question in `answers`.")
    text: str
    help: str
    choices: list[CustomChoiceOut]

    @staticmethod
    def resolve_code(obj: Any) -> str:
        return f"q{obj.pk}"


class CustomBandOut(Schema):
    low: int
    high: int
    label: str
    next_step: str


class CustomFormOut(Schema):
    id: int
    name: str
    description: str
    instructions: str
    flag_at: int | None
    is_active: bool
    version: int
    questions: list[CustomQuestionOut]
    bands: list[CustomBandOut]
