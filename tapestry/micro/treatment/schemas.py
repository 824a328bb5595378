"""Typed request and response bodies of the treatment API."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.urls import reverse
from ninja import Field, Schema

from tapestry.access.models import Consent
from tapestry.micro.treatment.models import MedicationCheckin, Release, TeamNote
from tapestry.web.schemas import ErrorOut, Input, StaffName, label_of, stripped_text

Adherence = Literal[tuple(MedicationCheckin.Adherence.values)]
Discipline = Literal[tuple(TeamNote.Discipline.values)]
Purpose = Literal[tuple(Consent.Purpose.values)]
Part = Literal[tuple(Release.Part.values)]

RequiredText = stripped_text(20000, required=True)
Text = stripped_text(20000)
Frequency = stripped_text(200, required=True)
Medication = stripped_text(120, required=True)
Prescriber = stripped_text(150)


class TreatmentPlanIn(Input):
    """The whole plan. Send `version` 0 to write the first plan, else the version you read."""

    version: int = Field(ge=0)
    diagnosis: RequiredText = Field(description="The working diagnosis in words; no codes needed.")
    problems: RequiredText
    goals: RequiredText
    interventions: RequiredText
    frequency: Frequency
    review_on: dt.date


class TreatmentPlanOut(Schema):
    id: int
    case_id: int
    diagnosis: str
    problems: str
    goals: str
    interventions: str
    frequency: str
    review_on: dt.date
    version: int


class CheckinIn(Input):
    medication: Medication
    adherence: Adherence
    checked_on: dt.date | None = Field(None, description="Default: today.")
    prescribed_by: Prescriber = ""
    side_effects: Text = ""
    note: Text = ""


class CheckinOut(Schema):
    id: int
    checked_on: dt.date
    medication: str
    prescribed_by: str
    adherence: str
    adherence_label: str = label_of("adherence")
    side_effects: str
    note: str


class TeamNoteIn(Input):
    discipline: Discipline
    text: RequiredText
    written_on: dt.date | None = Field(None, description="Default: today.")
    counselling_note: bool = Field(
        False, description="An SUD counselling note: kept apart, released only under its own consent."
    )


class TeamNoteOut(Schema):
    id: int
    discipline: str
    discipline_label: str = label_of("discipline")
    author: StaffName
    written_on: dt.date
    text: str
    counselling_note: bool


class ReleaseIn(Input):
    recipient_id: int = Field(
        description="The organisation the records go to; the written consent must name it."
    )
    purpose: Purpose
    parts: list[Part] = Field(min_length=1)


class ReleaseOut(Schema):
    id: int
    number: str
    case_id: int
    recipient_id: int
    recipient_name: str = Field(validation_alias="recipient.name")
    purpose: str
    parts: list[str]
    consent_id: int = Field(description="The written consent the release was made under.")
    released_at: dt.datetime
    content: dict[str, Any] = Field(description="What was released, as it stood at the time.")
    redisclosure_notice: str = Field(
        description="The 42 CFR 2.32 notice; must travel with the released records."
    )
    consent_explanation: str = Field(
        description="The scope of the consent the release was made under; send it with the records (42 CFR 2.32(b))."
    )
    disclosure_page: str = Field(description="The printable disclosure page.")

    @staticmethod
    def resolve_disclosure_page(obj: Any) -> str:
        return reverse("treatment:release_detail", args=[obj.pk])


class ReleaseRefusedOut(ErrorOut):
    consent_add_url: str = Field(description="Where to record the person's written consent.")
