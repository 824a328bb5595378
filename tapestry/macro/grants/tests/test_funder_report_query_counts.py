"""A funder report's page, PDF and API detail run the same number of queries at 3 and at 30 of everything
(sessions and attendance behind its indicators, deliverables, reporting deadlines, other reports).

A draft computes its figures: 2 grouped measure queries per indicator it reports (at most 20), so
the counts are pinned for reports of two indicators. A submitted report reads its stored figures:
its count does not grow with its indicators either (pinned with one and with two).
"""

from __future__ import annotations

import datetime as dt
from datetime import date

import pytest
from django.urls import reverse

from tapestry.access.models import Role
from tapestry.macro.evaluation.tests.support import attendance, attendance_indicator
from tapestry.macro.grants import services
from tapestry.macro.grants.tests.reporting import a_report, an_award_funding, funded_program
from tapestry.macro.grants.tests.test_grants_query_counts import counted
from tapestry.programs.tests.support import api_client
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

SIZES = [3, 30]

# Signed in (5, see test_grants_query_counts), the report with its award, funder and deadline (1),
# then for a draft its indicators (1), the award's deliverables (1) and 2 per indicator; a submitted
# report shows its stored figures and deliverables (no further query, whatever its indicators).
DRAFT_PAGE = 6 + 2 + 2 * 2
SUBMITTED_PAGE = 6
# The draft's reads (the session is not saved again) and the export's audit entry (chain head, entry, head saved).
DRAFT_PDF = 15
# The API: the token (1), then the draft's reads.
DRAFT_API = 1 + 1 + 2 + 2 * 2


def filled(officer, rows: int, *, submit: bool):
    program, indicator = funded_program()
    second = attendance_indicator(name="Attendance, whole agency", target_value=80)
    award = an_award_funding(officer, program)
    attendance(
        program,
        {date(2026, 1, 1) + dt.timedelta(days=7 * n): (12 + n % 5, 3) for n in range(rows)},
        name="Weekly group",
    )
    for n in range(rows):
        services.deliverable_add(
            actor=officer, award=award, description=f"Deliverable {n}", due_on=award.ends_on, owner=officer
        )
        services.report_add(actor=officer, award=award, kind="interim", due_on=award.ends_on)
        a_report(officer, award, [indicator], title=f"Earlier report {n}")
    report = a_report(officer, award, [indicator, second], title="The report")
    if submit:
        report = services.funder_report_submit(actor=officer, report=report, version=report.version)
    return report


@pytest.mark.parametrize("rows", SIZES)
def test_a_draft_reports_page_and_pdf(cast, rows, django_assert_num_queries):
    officer = cast[Role.GRANTS_OFFICER]
    report = filled(officer, rows, submit=False)
    client = client_for(officer)

    html = counted(
        client,
        reverse("grants:funder_report_detail", args=[report.pk]),
        DRAFT_PAGE,
        django_assert_num_queries,
    )
    client.get(reverse("grants:funder_report_pdf", args=[report.pk]))
    with django_assert_num_queries(DRAFT_PDF):
        pdf = client.get(reverse("grants:funder_report_pdf", args=[report.pk]))

    assert "Deliverable 2" in html and "Attendance, whole agency" in html
    assert pdf.content.startswith(b"%PDF")


@pytest.mark.parametrize("rows", SIZES)
def test_a_submitted_reports_page(cast, rows, django_assert_num_queries):
    officer = cast[Role.GRANTS_OFFICER]
    report = filled(officer, rows, submit=True)

    html = counted(
        client_for(officer),
        reverse("grants:funder_report_detail", args=[report.pk]),
        SUBMITTED_PAGE,
        django_assert_num_queries,
    )

    assert "Submitted" in html and "Attendance, whole agency" in html


@pytest.mark.parametrize("rows", SIZES)
def test_a_draft_report_in_the_api(cast, rows, django_assert_num_queries):
    officer = cast[Role.GRANTS_OFFICER]
    report = filled(officer, rows, submit=False)
    api = api_client(officer)
    url = f"/api/v1/grants/funder-reports/{report.pk}"
    api.get(url)

    with django_assert_num_queries(DRAFT_API):
        answer = api.get(url)

    assert answer.status_code == 200
    assert len(answer.json()["deliverables"]) == rows
