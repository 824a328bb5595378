"""The demo agency's indicators: the four examples, with baselines and targets, showing real values."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from tapestry.access.models import User
from tapestry.macro.evaluation import demo, selectors
from tapestry.macro.evaluation.models import Indicator

pytestmark = pytest.mark.django_db


def test_the_demo_shows_the_four_examples_with_values_above_the_threshold_and_seeds_once():
    call_command("seed_demo", stdout=StringIO())
    again = StringIO()
    call_command("seed_demo", stdout=again)

    assert "tapestry.macro.evaluation" not in again.getvalue()
    assert sorted(Indicator.objects.values_list("name", flat=True)) == sorted(
        i["name"] for i in demo.INDICATORS
    )
    evaluator = User.objects.get(username="evaluator")
    listed = selectors.indicator_overview(user=evaluator)
    for item in listed:
        assert item.indicator.target_value is not None and item.indicator.owner == evaluator
        # Each shows at least one value that is not suppressed, computed from the demo's practice data.
        assert item.latest is not None and item.latest.rate.value is not None, item.indicator.name
    breakdowns = {item.indicator.breakdown for item in listed}
    assert breakdowns == {"", "service_type", "program"}


def test_the_demo_award_reports_to_its_funder_on_the_demo_indicators():
    from django.urls import reverse

    from tapestry.macro.grants.models import FunderReport
    from tapestry.testing import client_for

    call_command("seed_demo", stdout=StringIO())

    submitted = FunderReport.objects.get(status=FunderReport.Status.SUBMITTED)
    draft = FunderReport.objects.get(status=FunderReport.Status.DRAFT)
    assert submitted.deadline is not None and submitted.deadline.submitted_on == submitted.submitted_on
    assert {f["name"] for f in submitted.snapshot["figures"]} == {
        "Group attendance rate by program",
        "Housing needs met within 90 days",
    }
    assert draft.indicators.count() == 2 and not draft.snapshot
    officer = User.objects.get(username="grants_officer")
    for report in (submitted, draft):
        page = client_for(officer).get(reverse("grants:funder_report_detail", args=[report.pk]))
        assert page.status_code == 200 and "Housing needs met within 90 days" in page.content.decode()
