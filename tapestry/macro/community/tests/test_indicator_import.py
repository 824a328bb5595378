"""Indicator import from CSV: a per-row report, nothing stored when a row is bad, re-import updates."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tapestry.macro.community.importing import COLUMNS, indicators_import
from tapestry.macro.community.models import IndicatorValue
from tapestry.macro.community.tests.support import county
from tapestry.programs.tests.support import api_client
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db
FIXTURE = (Path(__file__).parent / "fixtures" / "indicators.csv").read_bytes()
HEADER = ",".join(COLUMNS)


def test_the_fixture_imports_every_row(cast):
    county()
    report = indicators_import(actor=cast["community_organiser"], source="indicators.csv", content=FIXTURE)
    assert report.ok, report.problems
    assert (report.added, report.updated) == (5, 0)
    found = IndicatorValue.objects.get(area__code="T-N2", indicator="Rent burden (%)")
    assert found.value == Decimal("27.0") and found.margin_of_error is None


def test_a_bad_row_stores_nothing_and_is_reported_by_row_and_column(cast):
    county()
    content = FIXTURE + b"neighbourhood:NOWHERE,Rent burden (%),2025,1,,Test\nT-N1,Rent,2025-13,abc,-1,Test\n"
    report = indicators_import(actor=cast["community_organiser"], source="bad.csv", content=content)
    assert not report.ok
    where = {(problem.row, problem.column) for problem in report.problems}
    assert where == {(7, "area_code"), (8, "period"), (8, "value"), (8, "margin_of_error")}
    assert IndicatorValue.objects.count() == 0


def test_importing_again_updates_instead_of_adding(cast):
    county()
    organiser = cast["community_organiser"]
    indicators_import(actor=organiser, source="first.csv", content=FIXTURE)
    again = f"{HEADER}\nneighbourhood:T-N1,Rent burden (%),2025,39.9,3.0,Test survey\n".encode()
    report = indicators_import(actor=organiser, source="second.csv", content=again)
    assert (report.added, report.updated) == (0, 1)
    assert IndicatorValue.objects.count() == 5
    assert IndicatorValue.objects.get(area__code="T-N1", period="2025").value == Decimal("39.9")


def test_a_missing_column_is_reported(cast):
    report = indicators_import(
        actor=cast["community_organiser"], source="x.csv", content=b"area_code,value\n"
    )
    assert "indicator" in report.problems[0].column


def test_the_same_row_twice_in_a_file_is_a_problem(cast):
    county()
    row = "T-N1,Rent burden (%),2025,1,,S\n"
    report = indicators_import(
        actor=cast["community_organiser"], source="x.csv", content=f"{HEADER}\n{row}{row}".encode()
    )
    assert report.problems[0].row == 3


def test_the_page_shows_the_report_and_answers_400(cast):
    county()
    client = client_for(cast["community_organiser"])
    upload = SimpleUploadedFile("bad.csv", f"{HEADER}\nXX,I,2025,1,,S\n".encode(), content_type="text/csv")
    page = client.post(reverse("community:indicator_import"), {"file": upload})
    assert page.status_code == 400
    assert "No area has the code XX" in page.content.decode()


def test_the_page_refuses_a_file_over_5_mb(cast):
    client = client_for(cast["community_organiser"])
    big = SimpleUploadedFile("huge.csv", b" " * (5 * 1024 * 1024 + 1), content_type="text/csv")
    page = client.post(reverse("community:indicator_import"), {"file": big})
    assert page.status_code == 400
    assert "over 5 MB" in page.context["form"].errors["file"][0]


def test_the_api_answers_the_report_as_400(cast):
    county()
    client = api_client(cast["community_organiser"])
    upload = SimpleUploadedFile("bad.csv", f"{HEADER}\nT-N1,I,20255,1,,S\n".encode(), content_type="text/csv")
    answer = client.post("/api/v1/community/indicators/import", {"file": upload})
    assert answer.status_code == 400
    body = answer.json()
    assert body["errors"] == {
        "row 2": ["period: Write a year, a quarter or a month: 2025, 2025-Q3, 2025-07."]
    }
    assert body["problems"][0]["row"] == 2
    assert IndicatorValue.objects.count() == 0


def test_the_api_imports(cast):
    county()
    client = api_client(cast["community_organiser"])
    answer = client.post(
        "/api/v1/community/indicators/import", {"file": SimpleUploadedFile("ok.csv", FIXTURE)}
    )
    assert answer.status_code == 201, answer.json()
    assert answer.json()["added"] == 5
