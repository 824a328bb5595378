"""Reading HSDS rows: checking each field, noting each problem, and the model fields each row fills."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email

from tapestry.directory.models import Location, Schedule, Service
from tapestry.needs.models import Need

# Attributes whose taxonomy term carries this taxonomy name map a service to our needs; a term
# from another taxonomy (AIRS, Open Eligibility) whose code is not a need code is ignored.
NEED_TAXONOMY = "tapestry-needs"

ADDRESS_FIELDS = ("address_1", "address_2", "city", "state_province", "postal_code", "country")
STATUSES = [value for value, _ in Service.Status.choices]
LOCATION_TYPES = [value for value, _ in Location.LocationType.choices]
FREQUENCIES = [value.lower() for value, _ in Schedule.Frequency.choices]
NOT_KEPT = "Not kept: Tapestry has no place for this field."


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an import: where it is and what to do about it."""

    file: str
    row: int  # 0 for the file as a whole
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}, row {self.row}" if self.row else self.file
        return f"{where}, {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


@dataclass
class Dataset:
    """Checked rows ready to store, keyed by HSDS id; references to other rows are HSDS ids too."""

    source: str
    organizations: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    services: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    locations: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    service_at_locations: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    phones: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    schedules: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    service_areas: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    cost_options: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    required_documents: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    # Need codes per service, only for services whose source said which needs they meet.
    service_needs: dict[uuid.UUID, list[str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Fields and tables present in the source that Tapestry does not keep: a report, not an error.
    unkept: list[Problem] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems

    def note_unkept_fields(self) -> None:
        """Each object's fields that no reader used and that hold a value, once per object."""
        for row in self.rows:
            for name, value in row.data.items():
                if name not in row.used and value not in (None, "", [], {}):
                    self.unkept.append(Problem(row.file, row.row, f"{row.prefix}{name}", NOT_KEPT))
        self.rows.clear()


class Row:
    """Reads and checks the fields of one row (a CSV line or a JSON object), noting each problem."""

    def __init__(
        self, dataset: Dataset, file: str, row: int, data: Mapping[str, Any], prefix: str = ""
    ) -> None:
        self.dataset, self.file, self.row, self.data, self.prefix = dataset, file, row, data, prefix
        self.used: set[str] = set()
        dataset.rows.append(self)

    def problem(self, name: str, message: str) -> None:
        self.dataset.problems.append(Problem(self.file, self.row, f"{self.prefix}{name}", message))

    def unkept(self, name: str, message: str = NOT_KEPT) -> None:
        self.used.add(name)
        self.dataset.unkept.append(Problem(self.file, self.row, f"{self.prefix}{name}", message))

    def mark(self, *names: str) -> None:
        """These fields were read (or deliberately folded into another), so they are not reported."""
        self.used.update(names)

    def object(self, name: str) -> Mapping[str, Any] | None:
        value = self.data.get(name)
        self.used.add(name)
        return value if isinstance(value, dict) else None

    def raw(self, name: str) -> Any:
        self.used.add(name)
        value = self.data.get(name)
        if isinstance(value, str):
            value = value.strip()
        return None if value in (None, "") else value

    def text(self, name: str, max_length: int | None = None, *, required: bool = False) -> str:
        value = self.raw(name)
        if value is None:
            if required:
                self.problem(name, "This field is required.")
            return ""
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            self.problem(name, "Expected text.")
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # an extension sent as the number 100.0 is still "100"
        value = str(value)
        if max_length is not None and len(value) > max_length:
            self.problem(name, f"Too long: at most {max_length} characters (this has {len(value)}).")
            return ""
        return value

    def uuid(self, name: str, *, required: bool = True) -> uuid.UUID | None:
        value = self.raw(name)
        if value is None:
            if required:
                self.problem(name, "This field is required (a UUID).")
            return None
        try:
            return uuid.UUID(str(value))
        except ValueError:
            self.problem(name, f"Not a UUID: {str(value)[:60]!r}.")
            return None

    def _validated(self, name: str, value: str, validator: Callable[[str], object], message: str) -> str:
        """`value` when empty or the validator accepts it; else a problem (`message`: the value) and ""."""
        if value:
            try:
                validator(value)
            except ValidationError:
                self.problem(name, f"{message}: {value[:60]!r}.")
                return ""
        return value

    def email(self, name: str) -> str:
        return self._validated(name, self.text(name, 254), validate_email, "Not an email address")

    def url(self, name: str) -> str:
        return self._validated(
            name, self.text(name, 500), URLValidator(), "Not a full web address (https://...)"
        )

    def choice(self, name: str, choices: list[str], *, required: bool = False, default: str = "") -> str:
        value = self.text(name, required=required)
        if not value:
            return default
        if value.lower() not in choices:
            self.problem(name, f"{value[:40]!r} is not one of: {', '.join(choices)}.")
            return default
        return value.lower()

    def coordinate(self, name: str, limit: float) -> float | None:
        value = self.raw(name)
        if value is None:
            return None
        try:
            number = float(value)
        except (TypeError, ValueError):
            self.problem(name, f"Not a number: {str(value)[:40]!r}.")
            return None
        if not -limit <= number <= limit:
            self.problem(name, f"Must be between -{limit:g} and {limit:g} degrees.")
            return None
        return number

    def integer(self, name: str, low: int, high: int) -> int | None:
        value = self.raw(name)
        if value is None:
            return None
        try:
            number = int(value) if not isinstance(value, float) or value.is_integer() else None
        except (TypeError, ValueError):
            number = None
        if number is None or isinstance(value, bool):
            self.problem(name, f"Not a whole number: {str(value)[:40]!r}.")
            return None
        if not low <= number <= high:
            self.problem(name, f"Must be between {low} and {high}.")
            return None
        return number

    def decimal(self, name: str) -> Decimal | None:
        value = self.raw(name)
        if value is None:
            return None
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            number = None
        if number is None or isinstance(value, bool) or not number.is_finite():
            self.problem(name, f"Not a number: {str(value)[:40]!r}.")
            return None
        if abs(number) >= Decimal(10) ** 10:
            self.problem(name, "Too large an amount.")
            return None
        return number.quantize(Decimal("0.01"))

    def _parsed(self, name: str, parse: Callable[[str], Any], message: str) -> Any:
        """The field parsed, None when empty; a value `parse` refuses is a problem (`message`: the value)."""
        value = self.text(name, 40)
        if not value:
            return None
        try:
            return parse(value)
        except ValueError:
            self.problem(name, f"{message}: {value!r}.")
            return None

    def date(self, name: str) -> datetime.date | None:
        return self._parsed(
            name, lambda text: datetime.date.fromisoformat(text[:10]), "Not a date (YYYY-MM-DD)"
        )

    def time(self, name: str) -> datetime.time | None:
        return self._parsed(
            name,
            lambda text: datetime.time.fromisoformat(text).replace(tzinfo=None),
            "Not a time of day (HH:MM or HH:MM:SS)",
        )

    def list_of_objects(self, name: str) -> list[Mapping[str, Any]]:
        self.used.add(name)
        value = self.data.get(name)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.problem(name, "Expected a list of objects.")
            return []
        return value

    def nested(self, name: str, index: int | None = None) -> Row:
        self.used.add(name)
        data = self.data.get(name) if index is None else self.data[name][index]
        label = name if index is None else f"{name}[{index}]"
        return Row(self.dataset, self.file, self.row, data, f"{self.prefix}{label}.")


# Each kind of row, as the model fields it fills -------------------------------------------------


def organization_values(row: Row) -> tuple[uuid.UUID | None, dict[str, Any]]:
    return row.uuid("id"), {
        "name": row.text("name", 255, required=True),
        "alternate_name": row.text("alternate_name", 255),
        "description": row.text("description"),
        "email": row.email("email"),
        "website": row.url("website"),
    }


def service_values(row: Row) -> tuple[uuid.UUID | None, dict[str, Any]]:
    return row.uuid("id"), {
        "name": row.text("name", 255, required=True),
        "alternate_name": row.text("alternate_name", 255),
        "description": row.text("description"),
        "url": row.url("url"),
        "email": row.email("email"),
        "status": row.choice("status", STATUSES, required=True),
        "eligibility_description": row.text("eligibility_description"),
        # `fees` is the deprecated name of `fees_description`; older files still use it.
        "fees_description": row.text("fees_description") or row.text("fees"),
        "application_process": row.text("application_process"),
        "minimum_age": row.integer("minimum_age", 0, 150),
        "maximum_age": row.integer("maximum_age", 0, 150),
    }


def schedule_values(row: Row) -> tuple[uuid.UUID | None, dict[str, Any]]:
    return row.uuid("id"), {
        "valid_from": row.date("valid_from"),
        "valid_to": row.date("valid_to"),
        "freq": row.choice("freq", FREQUENCIES).upper(),
        "interval": row.integer("interval", 1, 366),
        "byday": row.text("byday", 100),
        "bymonthday": row.text("bymonthday", 100),
        "opens_at": row.time("opens_at"),
        "closes_at": row.time("closes_at"),
        "description": row.text("description"),
        "attending_type": row.text("attending_type", 255),
        "notes": row.text("notes"),
    }


def service_area_values(row: Row) -> tuple[uuid.UUID | None, dict[str, Any]]:
    return row.uuid("id"), {
        "name": row.text("name", 500),
        "description": row.text("description"),
        "extent": row.text("extent"),
        "extent_type": row.text("extent_type", 20),
        "uri": row.text("uri", 500),
    }


def cost_option_values(row: Row) -> tuple[uuid.UUID | None, dict[str, Any]]:
    return row.uuid("id"), {
        "valid_from": row.date("valid_from"),
        "valid_to": row.date("valid_to"),
        "option": row.text("option", 255),
        "currency": row.text("currency", 3).upper(),
        "amount": row.decimal("amount"),
        "amount_description": row.text("amount_description", 255),
    }


def required_document_values(row: Row) -> tuple[uuid.UUID | None, dict[str, Any]]:
    return row.uuid("id"), {"document": row.text("document"), "uri": row.text("uri", 500)}


# The tables of a service's own rows (each names its one service), with how a row of each is read.
SERVICE_PARTS = {
    "service_areas": service_area_values,
    "cost_options": cost_option_values,
    "required_documents": required_document_values,
}


def location_values(row: Row) -> tuple[uuid.UUID | None, dict[str, Any]]:
    values = {
        "name": row.text("name", 255),
        "location_type": row.choice("location_type", LOCATION_TYPES, default=Location.LocationType.PHYSICAL),
        "description": row.text("description"),
        "latitude": row.coordinate("latitude", 90),
        "longitude": row.coordinate("longitude", 180),
    }
    if (row.raw("latitude") is None) != (row.raw("longitude") is None):
        row.problem("latitude", "Give both latitude and longitude, or neither.")
    return row.uuid("id"), values


def address_values(row: Row) -> dict[str, Any]:
    row.mark("id", "address_type")  # the address becomes part of its location's row
    country = row.text("country", 2)
    return {
        "address_1": row.text("address_1", 255, required=True),
        "address_2": row.text("address_2", 255),
        "city": row.text("city", 100, required=True),
        "state_province": row.text("state_province", 100),
        "postal_code": row.text("postal_code", 20),
        "country": country.upper(),
    }


def phone_values(row: Row) -> tuple[uuid.UUID | None, dict[str, Any]]:
    return row.uuid("id"), {
        "number": row.text("number", 50, required=True),
        "extension": row.text("extension", 20),
        "type": row.text("type", 20),
        "description": row.text("description", 255),
    }


class Collector:
    """Adds checked rows to a dataset, refusing an id used twice for different rows."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.first_row: dict[tuple[str, uuid.UUID], int] = {}

    def add(
        self,
        table: str,
        row: Row,
        hsds_id: uuid.UUID | None,
        values: dict[str, Any],
        *,
        shared: bool = False,
    ) -> bool:
        """Keep the row; `shared` rows (an organization or location nested under many services) may repeat.

        A shared row seen again fills in what it adds and keeps what an earlier copy said: a short
        copy (a location listed without its addresses) does not blank out a full one.
        """
        if hsds_id is None:
            return False
        key = (table, hsds_id)
        if key in self.first_row and not shared:
            row.problem("id", f"This id is used again; it was first used on row {self.first_row[key]}.")
            return False
        self.first_row.setdefault(key, row.row)
        rows = getattr(self.dataset, table)
        if hsds_id in rows:
            rows[hsds_id].update(
                {
                    name: value
                    for name, value in values.items()
                    if value not in ("", None) or name not in rows[hsds_id]
                }
            )
        else:
            rows[hsds_id] = values
        return True

    def link(
        self, table: str, row: Row, hsds_id: uuid.UUID | None, values: dict[str, Any], links: dict[str, Any]
    ) -> bool:
        """Keep a phone or schedule, which HSDS may list under its service, organization and location at once.

        Each listing adds its link; the row keeps every one. A row has at most one of each kind (HSDS
        gives a phone one service_id, one location_id...), so two different services is a problem.
        """
        if hsds_id is None:
            return False
        rows = getattr(self.dataset, table)
        current = rows.get(hsds_id)
        if current is None:
            rows[hsds_id] = {**links, **values}
            self.first_row[(table, hsds_id)] = row.row
            return True
        for kind, target in links.items():
            if target is None:
                continue
            if current.get(kind) not in (None, target):
                row.problem(
                    "id",
                    f"This id is also listed under another {kind.replace('_', ' ')} "
                    f"({current[kind]}); HSDS gives it one {kind}_id.",
                )
                return False
            current[kind] = target
        current.update({name: value for name, value in values.items() if value not in ("", None)})
        return True


class References:
    """Ids that must name a row in the upload or already in the directory, checked in one query per table."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.wanted: list[tuple[Row, str, uuid.UUID, type, str]] = []

    def need(self, row: Row, field: str, hsds_id: uuid.UUID | None, model: type, table: str) -> None:
        if hsds_id is not None and hsds_id not in getattr(self.dataset, table):
            self.wanted.append((row, field, hsds_id, model, table))

    def check(self, message: str) -> None:
        """`message` may use {table} and {noun}: where the id was looked for."""
        stored: dict[type, set[uuid.UUID]] = {}
        for model in {model for _, _, _, model, _ in self.wanted}:
            ids = [hsds_id for _, _, hsds_id, wanted_model, _ in self.wanted if wanted_model is model]
            stored[model] = set(model.objects.filter(hsds_id__in=ids).values_list("hsds_id", flat=True))
        for row, name, hsds_id, model, table in self.wanted:
            if hsds_id not in stored[model] and hsds_id not in getattr(self.dataset, table):
                noun = model._meta.verbose_name.removeprefix("directory ")
                row.problem(name, message.format(table=table, noun=noun))


def need_codes(row: Row, attributes: Iterable[tuple[str, Mapping[str, Any]]], known: set[str]) -> list[str]:
    """Need codes from HSDS attributes: (field label, taxonomy term) pairs."""
    codes: list[str] = []
    for label, term in attributes:
        code = str(term.get("code") or "").strip()
        taxonomy = str(term.get("taxonomy") or "").strip()
        if code in known:
            codes.append(code)
        elif taxonomy == NEED_TAXONOMY:
            row.problem(label, f"{code[:60]!r} is not a need code of this agency's taxonomy.")
        else:
            row.unkept(
                label,
                f"Not kept: {code[:60]!r} ({taxonomy or 'no taxonomy'}) is not one of the agency's needs.",
            )
    return sorted(set(codes))


def known_need_codes() -> set[str]:
    return set(Need.objects.values_list("code", flat=True))
