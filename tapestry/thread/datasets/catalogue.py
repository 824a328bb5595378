"""The fields a research data set may ask for: what each holds, and which are quasi-identifiers.

Direct identifiers (names, aliases, dates of birth, addresses, phones, emails, case numbers,
database ids, workers) are not in the catalogue at all, so no definition can ask for them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext, gettext_noop

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
    CatalogueField(
        "age", gettext_noop("Age at the start of the period"), gettext_noop("Person"), deid.AGE, Part.IDENTITY
    ),
    CatalogueField(
        "gender", gettext_noop("Gender identity"), gettext_noop("Person"), deid.GENDER, Part.IDENTITY
    ),
    CatalogueField(
        "language", gettext_noop("Preferred language"), gettext_noop("Person"), deid.LANGUAGE, Part.IDENTITY
    ),
    CatalogueField(
        "area",
        gettext_noop("Postcode and area of the current address"),
        gettext_noop("Person"),
        deid.PLACE,
        Part.CONTACT_DETAILS,
    ),
    CatalogueField(
        "household_size",
        gettext_noop("Household size"),
        gettext_noop("Person"),
        deid.HOUSEHOLD,
        Part.IDENTITY,
    ),
    CatalogueField("case_type", gettext_noop("Case type"), gettext_noop("Case")),
    CatalogueField("program", gettext_noop("Program"), gettext_noop("Case")),
    CatalogueField("opened_on", gettext_noop("Date opened"), gettext_noop("Case"), is_date=True),
    CatalogueField("closed_on", gettext_noop("Date closed"), gettext_noop("Case"), is_date=True),
    CatalogueField("closing_reason", gettext_noop("Closing reason"), gettext_noop("Case")),
    CatalogueField("needs", gettext_noop("Needs (codes)"), gettext_noop("Case"), part=Part.NEEDS),
    CatalogueField(
        "need_statuses", gettext_noop("Needs with their status"), gettext_noop("Case"), part=Part.NEEDS
    ),
    CatalogueField(
        "instrument",
        gettext_noop("Assessment instrument (the first used on the case)"),
        gettext_noop("Assessments"),
        part=Part.ASSESSMENT_SUMMARY,
    ),
    CatalogueField(
        "first_score",
        gettext_noop("First score and band"),
        gettext_noop("Assessments"),
        part=Part.ASSESSMENT_SUMMARY,
    ),
    CatalogueField(
        "latest_score",
        gettext_noop("Latest score and band"),
        gettext_noop("Assessments"),
        part=Part.ASSESSMENT_SUMMARY,
    ),
    CatalogueField(
        "services_count", gettext_noop("Services delivered (count)"), gettext_noop("Services and referrals")
    ),
    CatalogueField(
        "referrals_count", gettext_noop("Referrals made (count)"), gettext_noop("Services and referrals")
    ),
    CatalogueField(
        "referrals_completed",
        gettext_noop("Referrals completed (count)"),
        gettext_noop("Services and referrals"),
    ),
    CatalogueField(
        "sessions_attended",
        gettext_noop("Group sessions attended in the period (count)"),
        gettext_noop("Groups"),
    ),
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
    # Read when the form is shown, so in the reader's language; the export's metadata keeps English.
    return [(f.code, f"{gettext(f.group)}: {gettext(f.label)}") for f in FIELDS]


def unknown(codes: list[str]) -> list[str]:
    return [code for code in codes if code not in BY_CODE]


def date_hierarchy(date_handling: str) -> deid.Hierarchy | None:
    """Kept dates are quasi-identifiers when generalised; shifted dates are not (see the docs)."""
    return {"month": deid.DATE_MONTH, "year": deid.DATE_YEAR}.get(date_handling)


def parts_for(codes: list[str]) -> list[str]:
    """The record parts a consent must cover to let a sensitive case contribute these fields."""
    return sorted({BY_CODE[code].part for code in codes if code in BY_CODE and BY_CODE[code].part})
