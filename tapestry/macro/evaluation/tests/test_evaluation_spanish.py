"""Indicators in Spanish, for an evaluator who chose it (issue 12, item 10); the status stays English
in the API and in funder report snapshots, and is translated where a page shows it."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tapestry.macro.evaluation.tests.support import attendance, attendance_indicator
from tapestry.programs.tests.support import program_for
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_indicators_read_in_spanish(cast):
    officer = cast["grants_officer"]
    officer.language = "es"
    officer.save(update_fields=["language"])
    attendance(program_for(), {date(2026, 1, 5): (24, 16)})
    indicator = attendance_indicator(target_value=70)

    listing = client_for(officer).get(reverse("evaluation:indicator_list")).content.decode()
    page = client_for(officer).get(
        reverse("evaluation:indicator_detail", args=[indicator.pk]), {"from": "2026-Q1", "to": "2026-Q1"}
    )

    assert "No cumplida" in listing and "Not met" not in listing
    assert "Cómo se calcula" in page.content.decode()
    assert "How it is computed" not in page.content.decode()
