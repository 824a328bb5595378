"""The indicator pages: the list with status against target, an indicator's values, the form."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.macro.evaluation.models import Indicator
from tapestry.macro.evaluation.tests.support import attendance, attendance_indicator
from tapestry.programs.tests.support import program_for
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

GOOD = {
    "name": "Attendance at the tenants group",
    "definition": "Places attended over places expected.",
    "numerator": "group_sessions.places_attended",
    "denominator": "group_sessions.places_expected",
    "factor": "percent",
    "period_type": "quarter",
    "breakdown": "",
    "direction": "higher",
    "target_value": "80",
    "targets": "2026-Q1: 75\n",
    "baseline_value": "",
    "baseline_period": "",
}


def test_the_list_shows_each_indicator_with_its_latest_value_and_status(cast):
    attendance(program_for(), {date(2026, 1, 5): (24, 16)})
    attendance_indicator(target_value=70)

    page = client_for(cast["grants_officer"]).get(reverse("evaluation:indicator_list"))

    html = page.content.decode()
    assert page.status_code == 200
    assert "Group attendance rate" in html and "Not met" in html and "60.0" in html
    assert "Define an indicator" not in html  # reads aggregates, does not define indicators


def test_the_detail_shows_values_chart_table_measures_and_suppression(cast):
    # Q3's 11 of 22 is hidden beside Q2, so the year less Q1 does not give Q2's 12 of 16.
    attendance(
        program_for(), {date(2026, 1, 5): (24, 16), date(2026, 4, 5): (12, 4), date(2026, 7, 5): (11, 11)}
    )
    indicator = attendance_indicator(target_value=70)

    page = client_for(cast["evaluator"]).get(
        reverse("evaluation:indicator_detail", args=[indicator.pk]), {"from": "2026-Q1", "to": "2026-Q2"}
    )

    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="indicator-chart"' not in html or "<svg" in html
    assert "<svg" in html and "2026-Q1: 60" in html  # the bar's title
    assert "group_sessions.places_attended" in html and "group_sessions.places_expected" in html
    assert "Suppressed" in html and "fewer than 11 in the denominator but not the numerator" in html
    assert ">12<" not in html  # Q2's 12 who came is hidden beside the 16 expected
    assert "Change the indicator" in html


def test_bad_periods_are_a_clear_error(cast):
    indicator = attendance_indicator()

    page = client_for(cast["evaluator"]).get(
        reverse("evaluation:indicator_detail", args=[indicator.pk]), {"from": "2026-03"}
    )

    assert page.status_code == 400
    assert "Write a quarter as YYYY-Qn" in page.content.decode()


def test_a_missing_indicator_is_404(cast):
    assert (
        client_for(cast["evaluator"]).get(reverse("evaluation:indicator_detail", args=[999])).status_code
        == 404
    )


def test_define_an_indicator_from_the_form(cast):
    client = client_for(cast["evaluator"])
    assert "places_attended" in client.get(reverse("evaluation:indicator_create")).content.decode()

    response = client.post(reverse("evaluation:indicator_create"), {**GOOD, "owner": cast["evaluator"].pk})

    indicator = Indicator.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{indicator.pk}/")
    assert indicator.targets == {"2026-Q1": 75.0} and indicator.created_by == cast["evaluator"]
    assert AuditEntry.objects.filter(action=AuditEntry.Action.CREATE, object_id=str(indicator.pk)).exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"denominator": ""}, "denominator", "needs a denominator"),
        ({"factor": "count"}, "denominator", "A count has no denominator"),
        ({"numerator": "group_outcomes.phq9_change_total"}, "denominator", "divided by the count it is over"),
        ({"breakdown": "service_type"}, "breakdown", "Both measures must offer"),
        ({"denominator": "referrals.sent"}, "denominator", "counts a part of its denominator"),
        ({"baseline_value": "50"}, "baseline_period", "together"),
        ({"baseline_value": "50", "baseline_period": "2026-05"}, "baseline_period", "YYYY-Qn"),
        ({"targets": "2026-Q1 75"}, "targets", "Line 1"),
        ({"targets": "2026: 75"}, "targets", "YYYY-Qn"),
    ],
)
def test_a_bad_definition_is_refused_by_the_field(cast, changes, field, message):
    response = client_for(cast["evaluator"]).post(reverse("evaluation:indicator_create"), {**GOOD, **changes})

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert any(message in error for error in errors[field]), errors
    assert not Indicator.objects.exists()


def test_change_an_indicator_and_a_stale_edit_is_refused(cast):
    indicator = attendance_indicator()
    client = client_for(cast["program_manager"])
    url = reverse("evaluation:indicator_edit", args=[indicator.pk])
    assert client.get(url).status_code == 200

    saved = client.post(url, {**GOOD, "name": "Attendance rate", "version": 1})
    stale = client.post(url, {**GOOD, "name": "Another name", "version": 1})

    indicator.refresh_from_db()
    assert saved.status_code == 302 and indicator.name == "Attendance rate" and indicator.version == 2
    assert stale.status_code == 409 and indicator.name == "Attendance rate"
    assert (
        AuditEntry.objects.filter(action=AuditEntry.Action.UPDATE, object_id=str(indicator.pk)).count() == 1
    )


def test_a_new_evaluator_defines_an_indicator_and_reads_it(cast):
    """What a new user does: from the list, define an indicator, land on its page, see its values."""
    attendance(program_for(), {date(2026, 1, 5): (30, 12)})
    client = client_for(cast["evaluator"])

    listing = client.get(reverse("evaluation:indicator_list")).content.decode()
    assert "No indicators defined yet" in listing and "Define an indicator" in listing
    created = client.post(reverse("evaluation:indicator_create"), GOOD, follow=True)
    html = created.content.decode()

    assert "is defined" in html and "Attendance at the tenants group" in html
    assert "How it is computed" in html and "Places expected at held sessions" in html


def test_an_indicator_of_one_program_is_not_broken_down(cast):
    # Its rows could be subtracted from the agency's rows of the same breakdown.
    program = program_for()
    response = client_for(cast["evaluator"]).post(
        reverse("evaluation:indicator_create"), {**GOOD, "program": program.pk, "breakdown": "program"}
    )

    assert response.status_code == 400
    assert any("not broken down" in error for error in response.context["form"].errors["breakdown"])
    assert not Indicator.objects.exists()
