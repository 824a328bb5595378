"""API schemas of the needs taxonomy."""

# No `from __future__ import annotations`: ninja reads the field types at runtime.

from typing import Literal

from ninja import Field, Schema

from tapestry.needs.models import Domain, Level
from tapestry.web.schemas import label_of

DomainCode = Literal[tuple(Domain.values)]
LevelCode = Literal[tuple(Level.values)]


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


class InterventionOut(Schema):
    code: str
    name: str
    level: str = Field(description="micro, mezzo or macro.")
    description: str
    domains: list[str] = Field(description="The need domains it fits: every need of these domains.")
    needs: list[str] = Field(description="Codes of single needs it fits beyond its domains.")
    acts: str = Field(
        description="The local option the level advisor acts on in one step: group, service, campaign, "
        "or empty (work done within the case)."
    )

    @staticmethod
    def resolve_needs(kind) -> list[str]:
        return [need.code for need in kind.needs.all()]
