"""API schemas of the needs taxonomy."""

# No `from __future__ import annotations`: ninja reads the field types at runtime.

from typing import Literal

from ninja import Field, Schema

from tapestry.needs.models import Domain
from tapestry.web.schemas import label_of

DomainCode = Literal[tuple(Domain.values)]


class NeedOut(Schema):
    code: str = Field(description="Stable code, used to record the need on a case.")
    label: str
    domain: str
    domain_label: str = label_of("domain")
    icd10: str = Field(description="ICD-10-CM Z code (Z55-Z65) where one exists, else empty.")
    icd10_year: int | None = Field(
        description="The ICD-10-CM code set the code is from, by US fiscal year (2026: in effect from "
        "1 October 2025 to 30 September 2026); null when the need has no code."
    )
    description: str


class BarrierOut(Schema):
    code: str
    label: str
    description: str
