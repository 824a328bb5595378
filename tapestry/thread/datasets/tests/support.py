"""Planted clients for the research data set tests: distinctive identifiers, known quasi-identifiers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile

from django.test import TestCase

from tapestry.people.models import Address, ContactPoint
from tapestry.testing import CaseFactory, PersonFactory

PERIOD_START = dt.date(2025, 1, 1)
PERIOD_END = dt.date(2025, 12, 31)


def a_client(
    worker,
    *,
    given: str = "Plain",
    family: str = "Client",
    age: int = 40,
    gender: str = "woman",
    language: str = "English",
    postcode: str = "12345",
    phone: str = "",
    email: str = "",
    line1: str = "1 Main Street",
    opened: dt.date = dt.date(2025, 3, 1),
    person=None,
    **case_fields: object,
):
    """A case opened in the period, for a person (new unless given) with these quasi-identifiers."""
    if person is None:
        born = dt.date(PERIOD_START.year - age - 1, 6, 15)  # `age` at the start of the period
        person = PersonFactory(
            given_name=given,
            family_name=family,
            date_of_birth=born,
            gender_identity=gender,
            languages=language,
        )
        Address.objects.create(person=person, line1=line1, city="Riverton", postcode=postcode)
        if phone:
            ContactPoint.objects.create(person=person, kind=ContactPoint.Kind.PHONE, value=phone)
        if email:
            ContactPoint.objects.create(person=person, kind=ContactPoint.Kind.EMAIL, value=email)
    return CaseFactory(person=person, worker=worker, opened_on=opened, **case_fields)


def read_zip(content: bytes) -> tuple[list[dict], dict, str]:
    """The rows of data.csv, metadata.json and README.txt of an export's zip."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        rows = list(csv.DictReader(io.StringIO(archive.read("data.csv").decode("utf-8"))))
        metadata = json.loads(archive.read("metadata.json"))
        readme = archive.read("README.txt").decode("utf-8")
    return rows, metadata, readme


def classes_of(rows: list[dict], quasi: list[str]) -> dict[tuple, set[str]]:
    """The equivalence classes of the file: persons (pseudonyms) by their quasi-identifier values."""
    found: dict[tuple, set[str]] = {}
    for row in rows:
        found.setdefault(tuple(row[name] for name in quasi), set()).add(row["person"])
    return found


def request_export(actor, data_set):
    """Request an export and run the task queued on commit (the test's transaction never commits)."""
    from tapestry.thread.datasets import services

    with TestCase.captureOnCommitCallbacks(execute=True):
        export = services.export_request(actor=actor, data_set=data_set)
    export.refresh_from_db()
    return export
