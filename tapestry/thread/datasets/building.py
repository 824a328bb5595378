"""Build one export of a research data set: read the population in chunks, leave out what consent
does not cover, de-identify (pseudonyms, dates, k-anonymity), and write the zip.

The thread may read across the levels; this is the one place that reads person-level records
without a caseload, for the de-identified research set issue 11 allows. It runs in the background
task only, for an export an evaluator requested through `services.export_request`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import secrets
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import translation

from tapestry.access import policy
from tapestry.access.models import Consent
from tapestry.evidence.suppression import is_small, threshold
from tapestry.mezzo.group_sessions.models import Attendance
from tapestry.micro.assessments.models import Assessment
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.micro.casework.models import ServiceRecord
from tapestry.micro.referrals.models import Referral
from tapestry.people.models import Address, HouseholdMember, Person
from tapestry.places.models import Area, AreaPostcode
from tapestry.thread.datasets import catalogue, deid
from tapestry.thread.datasets.models import DataSet, DataSetExport, DateHandling

CHUNK_SIZE = 500
MAX_SHIFT_DAYS = 182
# The area that generalises a postcode: the widest kind the agency has defined that holds it.
AREA_KINDS = (Area.Kind.COUNTY, Area.Kind.SCHOOL_DISTRICT, Area.Kind.NEIGHBOURHOOD)

Progress = Callable[[int], None]


def export_dir() -> Path:
    return Path(getattr(settings, "TAPESTRY_DATASETS_DIR", settings.BASE_DIR / "var" / "datasets"))


def population(data_set: DataSet) -> QuerySet[Case]:
    """The cases of the data set: opened during the period, of its program, need and case type."""
    cases = Case.objects.filter(
        opened_on__gte=data_set.period_start,
        opened_on__lte=data_set.period_end,
        person__merged_into__isnull=True,
    )
    if data_set.program_id:
        cases = cases.filter(program_id=data_set.program_id)
    if data_set.case_type:
        cases = cases.filter(case_type=data_set.case_type)
    if data_set.need_id:
        cases = cases.filter(pk__in=CaseNeed.objects.filter(need_id=data_set.need_id).values("case_id"))
    return cases.order_by("pk")


CASE_COLUMNS = (
    "pk",
    "person_id",
    "segment",
    "case_type",
    "program__name",
    "opened_on",
    "closed_on",
    "closing_reason",
    "person__date_of_birth",
    "person__gender_identity",
    "person__languages",
)


def _age(born: dt.date | None, on: dt.date) -> int | None:
    if born is None:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


class ShiftKeeper:
    """A random whole-day offset per person, the same for all their dates, different between persons
    while there are offsets left to draw."""

    def __init__(self) -> None:
        self._random = secrets.SystemRandom()
        self._by_person: dict[int, int] = {}
        self._pool = [d for d in range(-MAX_SHIFT_DAYS, MAX_SHIFT_DAYS + 1) if d != 0]
        self._random.shuffle(self._pool)

    def offset(self, person_id: int) -> int:
        if person_id not in self._by_person:
            pick = (
                self._pool.pop()
                if self._pool
                else self._random.choice([-1, 1]) * self._random.randint(1, MAX_SHIFT_DAYS)
            )
            self._by_person[person_id] = pick
        return self._by_person[person_id]


class Pseudonyms:
    """Fresh random identifiers for one export; never derived from a database id."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self._given: dict[Any, str] = {}
        self._used: set[str] = set()

    def of(self, key: Any) -> str:
        if key not in self._given:
            name = f"{self.prefix}{secrets.token_hex(5)}"
            while name in self._used:
                name = f"{self.prefix}{secrets.token_hex(5)}"
            self._used.add(name)
            self._given[key] = name
        return self._given[key]


def _area_of_postcode() -> dict[str, str]:
    widest: dict[str, tuple[int, str]] = {}
    rows = AreaPostcode.objects.filter(area__kind__in=AREA_KINDS).values_list(
        "postcode", "area__kind", "area__name"
    )
    for postcode, kind, name in rows:
        rank = AREA_KINDS.index(kind)
        key = postcode.strip().upper()
        if key not in widest or rank < widest[key][0]:
            widest[key] = (rank, name)
    return {postcode: name for postcode, (_, name) in widest.items()}


class ChunkReader:
    """The side records of one chunk of cases, one grouped query per kind the fields need."""

    def __init__(self, data_set: DataSet, wanted: set[str], areas: dict[str, str]) -> None:
        self.data_set = data_set
        self.wanted = wanted
        self.areas = areas

    def read(self, rows: list[dict]) -> dict[str, dict]:
        cases = [row["pk"] for row in rows]
        persons = sorted({row["person_id"] for row in rows})
        found: dict[str, dict] = {}
        w = self.wanted
        if "area" in w:
            found["area"] = self._places(persons)
        if "household_size" in w:
            found["household_size"] = self._households(persons)
        if w & {"needs", "need_statuses"}:
            needs: dict[int, list[tuple[str, str]]] = defaultdict(list)
            for case_id, code, status in (
                CaseNeed.objects.filter(case_id__in=cases)
                .order_by("need__code")
                .values_list("case_id", "need__code", "status")
            ):
                needs[case_id].append((code, status))
            found["needs"] = needs
        if w & {"instrument", "first_score", "latest_score"}:
            found["assessments"] = self._assessments(cases)
        if "services_count" in w:
            found["services_count"] = dict(
                ServiceRecord.objects.filter(case_id__in=cases)
                .values("case_id")
                .annotate(n=Count("id"))
                .values_list("case_id", "n")
            )
        if w & {"referrals_count", "referrals_completed"}:
            counts = (
                Referral.objects.filter(case_id__in=cases)
                .values("case_id")
                .annotate(n=Count("id"), done=Count("id", filter=Q(status=Referral.Status.COMPLETED)))
            )
            found["referrals"] = {row["case_id"]: (row["n"], row["done"]) for row in counts}
        if "sessions_attended" in w:
            attended = Attendance.objects.filter(
                membership__person_id__in=persons,
                status__in=Attendance.ATTENDED,
                session__held_on__gte=self.data_set.period_start,
                session__held_on__lte=self.data_set.period_end,
            )
            found["sessions_attended"] = dict(
                attended.values("membership__person_id")
                .annotate(n=Count("id"))
                .values_list("membership__person_id", "n")
            )
        return found

    def _places(self, persons: list[int]) -> dict[int, tuple[str, str]]:
        places: dict[int, tuple[str, str]] = {}
        addresses = Address.objects.filter(person_id__in=persons, is_current=True).order_by(
            "person_id", "-id"
        )
        for person_id, postcode, confidential in addresses.values_list(
            "person_id", "postcode", "confidential"
        ):
            if person_id in places:
                continue
            if confidential:
                # A shelter or safe address is never shared, not even generalised.
                places[person_id] = (deid.WITHHELD, "")
                continue
            code = postcode.strip().upper()
            places[person_id] = (code, self.areas.get(code, ""))
        return places

    def _households(self, persons: list[int]) -> dict[int, int]:
        current = HouseholdMember.objects.filter(left_on__isnull=True)
        homes: dict[int, int] = {}
        for person_id, household_id in (
            current.filter(person_id__in=persons)
            .order_by("person_id", "id")
            .values_list("person_id", "household_id")
        ):
            homes.setdefault(person_id, household_id)
        sizes = dict(
            current.filter(household_id__in=set(homes.values()))
            .values("household_id")
            .annotate(n=Count("id"))
            .values_list("household_id", "n")
        )
        return {person_id: sizes.get(household_id, 1) for person_id, household_id in homes.items()}

    def _assessments(self, cases: list[int]) -> dict[int, dict]:
        """Per case: the first instrument used, and its first and latest final scores and bands."""
        found: dict[int, dict] = {}
        rows = (
            Assessment.objects.filter(case_id__in=cases, status=Assessment.Status.FINAL)
            .order_by("case_id", "administered_on", "id")
            .values_list("case_id", "instrument", "custom_form__name", "total_score", "severity_band")
        )
        for case_id, instrument, form_name, score, band in rows:
            name = instrument or form_name or ""
            entry = found.setdefault(case_id, {"instrument": name, "first": (score, band)})
            if entry["instrument"] == name:
                entry["latest"] = (score, band)
        return found


def _consent_allows(data_set: DataSet, row: dict, parts: list[str]) -> bool:
    """A case of a sensitive segment goes into the set only under a research consent in force that
    covers it (policy.consent_for_disclosure: for Part 2 and school records a complete written
    consent naming the data set's recipient organisation and every part the fields draw on)."""
    consent = policy.consent_for_disclosure(
        person=Person(pk=row["person_id"]),
        segment=row["segment"],
        purpose=Consent.Purpose.RESEARCH,
        recipient=data_set.recipient_organisation,
        parts=parts,
    )
    return consent is not None


def _value(code: str, row: dict, side: dict[str, dict], data_set: DataSet) -> Any:
    """The raw value of one field for one case (quasi-identifiers are generalised later)."""
    case_id, person_id = row["pk"], row["person_id"]
    if code == "age":
        return _age(row["person__date_of_birth"], data_set.period_start)
    if code == "gender":
        return row["person__gender_identity"]
    if code == "language":
        return (row["person__languages"] or "").split(",")[0].strip()
    if code == "area":
        return side["area"].get(person_id)
    if code == "household_size":
        return side["household_size"].get(person_id)
    if code == "case_type":
        return row["case_type"]
    if code == "program":
        return row["program__name"] or ""
    if code in ("opened_on", "closed_on"):
        return row[code]
    if code == "closing_reason":
        return row["closing_reason"]
    if code == "needs":
        return ";".join(need for need, _ in side["needs"].get(case_id, []))
    if code == "need_statuses":
        return ";".join(f"{need}:{status}" for need, status in side["needs"].get(case_id, []))
    if code == "instrument":
        return side["assessments"].get(case_id, {}).get("instrument", "")
    if code in ("first_score", "latest_score"):
        return side["assessments"].get(case_id, {}).get(code.split("_")[0], ("", ""))
    if code == "services_count":
        return side["services_count"].get(case_id, 0)
    if code == "referrals_count":
        return side["referrals"].get(case_id, (0, 0))[0]
    if code == "referrals_completed":
        return side["referrals"].get(case_id, (0, 0))[1]
    if code == "sessions_attended":
        return side["sessions_attended"].get(person_id, 0)
    raise KeyError(code)


def read_population(data_set: DataSet, progress: Progress) -> tuple[list[dict], int]:
    """Every case of the population that may go into the set, with its raw values; and how many were
    left out because no research consent covers them."""
    codes = [code for code in data_set.fields if code in catalogue.BY_CODE]
    parts = catalogue.parts_for(codes)
    reader = ChunkReader(data_set, set(codes), _area_of_postcode() if "area" in codes else {})
    records: list[dict] = []
    left_out = 0
    done = 0
    chunk: list[dict] = []

    def flush() -> None:
        nonlocal left_out, done
        side = reader.read(chunk)
        for row in chunk:
            if row["segment"] and not _consent_allows(data_set, row, parts):
                left_out += 1
                continue
            values = {code: _value(code, row, side, data_set) for code in codes}
            records.append({"person": row["person_id"], "values": values})
        done += len(chunk)
        progress(done)
        chunk.clear()

    # A server-side cursor where the database has one (PostgreSQL); chunked fetches on SQLite.
    for row in population(data_set).values(*CASE_COLUMNS).iterator(chunk_size=CHUNK_SIZE):
        chunk.append(row)
        if len(chunk) == CHUNK_SIZE:
            flush()
    if chunk:
        flush()
    return records, left_out


def _population(population: int, left_out: int) -> int | str:
    """The population, unless the records left out for consent are a hidden small count: then the
    population beside the records written and suppressed would give that count back."""
    if is_small(left_out):
        return f"not stated (with the records written and suppressed it would give away a count below {threshold()})"
    return population


def _shown_count(count: int) -> str:
    return f"fewer than {threshold()}" if is_small(count) else str(count)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def deidentify(data_set: DataSet, records: list[dict]) -> tuple[list[str], list[list[str]], deid.Outcome]:
    """The header and rows of the CSV, and what the k-anonymity search did."""
    codes = [code for code in data_set.fields if code in catalogue.BY_CODE]
    dates = catalogue.date_hierarchy(data_set.date_handling)
    quasi: dict[str, tuple[deid.Hierarchy, list]] = {}
    for code in codes:
        field = catalogue.BY_CODE[code]
        hierarchy = field.hierarchy or (dates if field.is_date else None)
        if hierarchy is not None:
            quasi[code] = (hierarchy, [record["values"][code] for record in records])
    outcome = deid.anonymise(
        persons=[record["person"] for record in records],
        quasi=quasi,
        k=data_set.k,
        max_suppressed_share=data_set.max_suppressed_percent / 100,
    )
    shifts = ShiftKeeper()
    record_names, person_names = Pseudonyms("r-"), Pseudonyms("p-")
    header = ["record", "person", *(column for code in codes for column in catalogue.columns_of(code))]
    rows: list[list[str]] = []
    for index in outcome.kept:
        record = records[index]
        person = record["person"]
        line = [record_names.of(index), person_names.of(person)]
        for code in codes:
            value = record["values"][code]
            if code in quasi:
                line.append(outcome.values[code][index])
            elif catalogue.BY_CODE[code].is_date:
                shifted = value + dt.timedelta(days=shifts.offset(person)) if value else None
                line.append(_text(shifted))
            elif code in catalogue.COLUMNS:
                line.extend(_text(part) for part in value)
            else:
                line.append(_text(value))
        rows.append(line)
    # Shuffled, so the order of the file says nothing about the order of the database.
    secrets.SystemRandom().shuffle(rows)
    return header, rows, outcome


def report_of(data_set: DataSet, outcome: deid.Outcome, *, population: int, left_out: int) -> dict:
    """What the file states about itself (also kept on the export row)."""
    return {
        "data_set": data_set.name,
        "purpose": data_set.purpose,
        "period": [data_set.period_start.isoformat(), data_set.period_end.isoformat()],
        "k": outcome.k,
        "quasi_identifiers": list(outcome.levels),
        "generalised_to": outcome.level_names,
        "levels": outcome.levels,
        "max_suppressed_percent": data_set.max_suppressed_percent,
        "within_suppression_limit": outcome.within_limit,
        "population": _population(population, left_out),
        "records_written": len(outcome.kept),
        "records_suppressed": outcome.suppressed,
        "equivalence_classes": outcome.classes,
        "smallest_class_persons": outcome.smallest_class,
        "left_out_for_consent": _shown_count(left_out),
        "date_handling": data_set.date_handling,
        "date_handling_text": _english(DateHandling(data_set.date_handling).label),
        "max_shift_days": MAX_SHIFT_DAYS if data_set.date_handling == DateHandling.SHIFT else 0,
        "method": "Full-domain generalisation with bounded suppression (Samarati 2001; Sweeney 2002)",
    }


def _english(label: object) -> str:
    """A choice label as the file keeps it: in the agency's language, whoever asked for the export."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(label)


def readme_of(report: dict) -> str:
    generalised = (
        "\n".join(f"  - {name}: {level}" for name, level in report["generalised_to"].items()) or "  (none)"
    )
    return "\n".join(
        [
            f"Research data set: {report['data_set']}",
            f"Purpose: {report['purpose']}",
            f"Period: {report['period'][0]} to {report['period'][1]}",
            "",
            f"k-anonymity: every combination of the quasi-identifiers below is shared by at least k = {report['k']} persons.",
            f"Method: {report['method']}; at most {report['max_suppressed_percent']}% of records suppressed"
            + (
                ""
                if report["within_suppression_limit"]
                else " could not be kept: the most general level was used"
            ),
            "Quasi-identifiers and the level each was generalised to:",
            generalised,
            f"Records in the population: {report['population']}",
            f"Records written: {report['records_written']}",
            f"Records suppressed (in classes of fewer than k persons): {report['records_suppressed']}",
            f"Equivalence classes: {report['equivalence_classes']}; smallest: {report['smallest_class_persons']} persons",
            f"Left out (substance-use, school or other protected records without a research consent): {report['left_out_for_consent']}",
            f"Dates: {report['date_handling_text']}"
            + (f" (up to {report['max_shift_days']} days either way)" if report["max_shift_days"] else ""),
            "",
            "Direct identifiers (names, addresses, phones, emails, dates of birth, case numbers, database ids)",
            "are not in the file. 'record' and 'person' are random pseudonyms made for this export only.",
            "",
        ]
    )


def write_zip(path: Path, header: list[str], rows: Iterable[list[str]], report: dict) -> None:
    """data.csv, metadata.json and README.txt; written to a temporary name and renamed when whole."""
    partial = path.with_suffix(".part")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            with (
                archive.open("data.csv", "w") as raw,
                io.TextIOWrapper(raw, encoding="utf-8", newline="") as text,
            ):
                writer = csv.writer(text)
                writer.writerow(header)
                writer.writerows(rows)
            archive.writestr("metadata.json", json.dumps(report, indent=2))
            archive.writestr("README.txt", readme_of(report))
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(path)


def build(export: DataSetExport, progress: Progress) -> tuple[dict, str]:
    """Read, de-identify and write one export; the report and the file's name."""
    data_set = export.data_set
    records, left_out = read_population(data_set, progress)
    header, rows, outcome = deidentify(data_set, records)
    report = report_of(data_set, outcome, population=len(records) + left_out, left_out=left_out)
    report["left_out_count"] = left_out
    directory = export_dir()
    directory.mkdir(parents=True, exist_ok=True)
    name = f"dataset-{export.pk}-{secrets.token_hex(8)}.zip"
    write_zip(directory / name, header, rows, report)
    return report, name
