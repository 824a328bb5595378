"""The fields a research data set may ask for: what each holds, and which are quasi-identifiers.

Direct identifiers (names, aliases, dates of birth, addresses, phones, emails, case numbers,
database ids, workers) are not in the catalogue at all, so no definition can ask for them.
"""

from __future__ import annotations

from dataclasses import dataclass

from tapestry.access.models import Consent
from tapestry.thread.datasets import deid

Part = Consent.RecordPart


@dataclass(frozen=True)
class CatalogueField:
    code: str
    label: str
    group: str
    # A quasi-identifier generalises along its hierarchy; the other fields are carried as they are.
    hierarchy: deid.Hierarchy | None = None
    # The part of the record a consent must cover for a sensitive case to contribute this field.
    part: str = ""
    is_date: bool = False


FIELDS: tuple[CatalogueField, ...] = (
    CatalogueField("age", "Age at the start of the period", "Person", deid.AGE, Part.IDENTITY),
    CatalogueField("gender", "Gender identity", "Person", deid.GENDER, Part.IDENTITY),
    CatalogueField("language", "Preferred language", "Person", deid.LANGUAGE, Part.IDENTITY),
    CatalogueField(
        "area", "Postcode and area of the current address", "Person", deid.PLACE, Part.CONTACT_DETAILS
    ),
    CatalogueField("household_size", "Household size", "Person", deid.HOUSEHOLD, Part.IDENTITY),
    CatalogueField("case_type", "Case type", "Case"),
    CatalogueField("program", "Program", "Case"),
    CatalogueField("opened_on", "Date opened", "Case", is_date=True),
    CatalogueField("closed_on", "Date closed", "Case", is_date=True),
    CatalogueField("closing_reason", "Closing reason", "Case"),
    CatalogueField("needs", "Needs (codes)", "Case", part=Part.NEEDS),
    CatalogueField("need_statuses", "Needs with their status", "Case", part=Part.NEEDS),
    CatalogueField(
        "instrument",
        "Assessment instrument (the first used on the case)",
        "Assessments",
        part=Part.ASSESSMENT_SUMMARY,
    ),
    CatalogueField("first_score", "First score and band", "Assessments", part=Part.ASSESSMENT_SUMMARY),
    CatalogueField("latest_score", "Latest score and band", "Assessments", part=Part.ASSESSMENT_SUMMARY),
    CatalogueField("services_count", "Services delivered (count)", "Services and referrals"),
    CatalogueField("referrals_count", "Referrals made (count)", "Services and referrals"),
    CatalogueField("referrals_completed", "Referrals completed (count)", "Services and referrals"),
    CatalogueField("sessions_attended", "Group sessions attended in the period (count)", "Groups"),
)

BY_CODE = {f.code: f for f in FIELDS}

# The columns each field writes to the CSV (a score writes its band beside it).
COLUMNS: dict[str, tuple[str, ...]] = {
    "first_score": ("first_score", "first_band"),
    "latest_score": ("latest_score", "latest_band"),
}


def columns_of(code: str) -> tuple[str, ...]:
    return COLUMNS.get(code, (code,))


def choices() -> list[tuple[str, str]]:
    return [(f.code, f"{f.group}: {f.label}") for f in FIELDS]


def unknown(codes: list[str]) -> list[str]:
    return [code for code in codes if code not in BY_CODE]


def date_hierarchy(date_handling: str) -> deid.Hierarchy | None:
    """Kept dates are quasi-identifiers when generalised; shifted dates are not (see the docs)."""
    return {"month": deid.DATE_MONTH, "year": deid.DATE_YEAR}.get(date_handling)


def parts_for(codes: list[str]) -> list[str]:
    """The record parts a consent must cover to let a sensitive case contribute these fields."""
    return sorted({BY_CODE[code].part for code in codes if code in BY_CODE and BY_CODE[code].part})
