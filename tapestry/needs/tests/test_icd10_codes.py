"""Every ICD-10-CM code in the taxonomy is a billable code of the FY2026 code set, and updating the
code set keeps every link to a need."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps

from tapestry.micro.cases.models import CaseNeed
from tapestry.needs import taxonomy
from tapestry.needs.models import Need
from tapestry.testing import open_case

CODE_LIST = Path(taxonomy.__file__).with_name("icd10cm_2026_z_codes.tsv")
Z_CODE = re.compile(r"Z[5-6][0-9]\.[0-9A-Z]{1,4}")


def fy2026_codes() -> dict[str, str]:
    """The checked-in list of FY2026 billable Z codes: code -> title as published."""
    rows = [line.split("\t") for line in CODE_LIST.read_text().splitlines() if not line.startswith("#")]
    assert all(len(row) == 2 for row in rows), "each line is a code, a tab and its title"
    codes = dict(rows)
    assert len(codes) == len(rows), "a code is listed twice"
    return codes


def test_the_code_list_holds_only_leaf_codes():
    codes = fy2026_codes()
    assert all(Z_CODE.fullmatch(code) for code in codes), "not a Z55-Z65 code"
    # A heading is the start of its own sub-codes (Z59.86 of Z59.861): none may stand beside them.
    headings = sorted(code for code in codes for other in codes if other != code and other.startswith(code))
    assert headings == []


def test_every_code_in_the_taxonomy_is_a_billable_fy2026_code():
    codes = fy2026_codes()
    used = {icd10 for _, _, _, icd10 in taxonomy.NEEDS if icd10}

    assert sorted(used - set(codes)) == []
    assert taxonomy.ICD10_YEAR == 2026


@pytest.mark.django_db
def test_every_need_in_the_database_carries_a_fy2026_code_and_its_year():
    codes = fy2026_codes()
    needs = list(Need.objects.all())

    assert needs, "the data migration loads the taxonomy"
    assert [n.code for n in needs if n.icd10 and n.icd10 not in codes] == []
    assert {n.icd10_year for n in needs if n.icd10} == {2026}
    assert {n.icd10_year for n in needs if not n.icd10} == {None}


@pytest.mark.parametrize(
    ("need", "code", "title"),
    [
        ("financial-insecurity", "Z59.869", "Financial insecurity, unspecified"),
        ("employment-problems", "Z56.89", "Other problems related to employment"),
        ("incarceration", "Z65.1", "Imprisonment and other incarceration"),
        ("prison-release", "Z65.2", "Problems related to release from prison"),
        ("utility-payment-difficulty", "Z59.861", "Financial insecurity, difficulty paying for utilities"),
        ("insufficient-welfare-support", "Z59.72", "Insufficient welfare support"),
        ("utilities", "Z59.12", "Inadequate housing utilities"),
    ],
)
def test_the_fy2026_corrections(need, code, title):
    by_need = {row[0]: row[3] for row in taxonomy.NEEDS}
    assert by_need[need] == code
    assert fy2026_codes()[code] == title


@pytest.mark.django_db
def test_the_data_migration_changes_codes_in_place_and_keeps_links_both_ways(cast):
    migration = importlib.import_module("tapestry.needs.migrations.0004_icd10cm_fy2026")
    financial = Need.objects.get(code="financial-insecurity")
    case_need = CaseNeed.objects.create(case=open_case(cast.caseworker), need=financial)

    migration.to_before(apps, None)
    financial.refresh_from_db()
    assert (financial.icd10, financial.icd10_year) == ("Z59.86", None)
    assert not Need.objects.get(code="prison-release").is_active

    migration.to_fy2026(apps, None)
    financial.refresh_from_db()
    case_need.refresh_from_db()
    assert (financial.icd10, financial.icd10_year) == ("Z59.869", 2026)
    assert case_need.need_id == financial.pk  # the case still points to the same need
    assert Need.objects.get(code="prison-release").is_active
    assert Need.objects.filter(code="financial-insecurity").count() == 1
