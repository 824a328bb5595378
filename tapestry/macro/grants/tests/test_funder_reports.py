"""Funder reports: figures from evaluation's indicators, frozen at submission, as a page and a PDF."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tapestry.access.models import AuditEntry, Role
from tapestry.access.versioning import StaleEdit
from tapestry.evidence.measures import Periods
from tapestry.macro.evaluation import selectors as evaluation
from tapestry.macro.evaluation.tests.support import attendance
from tapestry.macro.grants import figures, services
from tapestry.macro.grants.models import FunderReport
from tapestry.macro.grants.pdf import report_pdf
from tapestry.macro.grants.tests.reporting import (
    END,
    START,
    a_deadline,
    a_report,
    an_award_funding,
    funded_program,
)
from tapestry.testing import client_for, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(cast):
    return cast[Role.GRANTS_OFFICER]


@pytest.fixture
def funded(officer):
    program, indicator = funded_program()
    award = an_award_funding(officer, program)
    return program, indicator, award


# Figures -----------------------------------------------------------------------------------------


def test_the_figures_are_evaluations_values_for_the_indicator_over_the_period(officer, funded):
    _, indicator, award = funded
    report = a_report(officer, award, [indicator])

    content = figures.content(user=officer, report=report)
    expected = evaluation.indicator_values(
        user=officer, indicator=indicator, periods=Periods("quarter", START, END)
    )

    [figure] = content["figures"]
    assert figure["periods"] == "2026-Q1 to 2026-Q3"
    assert [(v["period"], v["value"], v["status"]) for v in figure["values"]] == [
        (v.period, v.rate.value, v.status) for v in expected
    ]
    assert [v["shown"] for v in figure["values"]][:2] == ["60.0", "71.4"]
    assert figure["values"][1]["target"] == 70.0
    assert figure["values"][2]["numerator_shown"] == "suppressed"
    assert figure["values"][2]["shown"].startswith("suppressed (fewer than 11")
    assert "group_sessions.places_attended" in figure["numerator"]
    assert figure["baseline"] == "65.00 in 2025-Q4"  # as the indicator's page writes it


def test_the_indicators_of_the_funded_programs_are_offered_first(officer, funded):
    _, indicator, award = funded
    funded_program("Another program")  # an indicator of a program the award does not fund

    page = client_for(officer).get(reverse("grants:funder_report_create", args=[award.pk]))

    assert page.status_code == 200
    assert list(page.context["form"].initial["indicators"]) == [indicator.pk]


# Submission --------------------------------------------------------------------------------------


def test_submitting_stores_the_figures_and_later_data_does_not_change_them(officer, funded):
    program, indicator, award = funded
    deadline = a_deadline(officer, award)
    report = a_report(officer, award, [indicator], deadline=deadline)

    submitted = services.funder_report_submit(
        actor=officer, report=report, version=report.version, on=date(2026, 10, 15)
    )
    # Q1 gets 30 more attendances after the report went in: the live figure moves, the sent one does not.
    attendance(program, {date(2026, 3, 5): (30, 0)}, name="Late group")
    live = figures.compute(user=officer, report=submitted)
    sent = figures.content(user=officer, report=FunderReport.objects.get(pk=report.pk))

    assert submitted.status == FunderReport.Status.SUBMITTED
    assert submitted.submitted_on == date(2026, 10, 15)
    assert live["figures"][0]["values"][0]["value"] != 60.0
    assert sent["figures"][0]["values"][0]["value"] == 60.0
    deadline.refresh_from_db()
    assert deadline.submitted_on == date(2026, 10, 15)
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.UPDATE,
        object_type="grants.funderreport",
        fields=sorted(["status", "submitted_on", "submitted_by", "snapshot"]),
    ).exists()


def test_a_submitted_report_cannot_be_changed_or_submitted_again(officer, funded):
    _, indicator, award = funded
    report = a_report(officer, award, [indicator])
    report = services.funder_report_submit(actor=officer, report=report, version=report.version)

    with pytest.raises(ValidationError, match="submitted"):
        services.funder_report_update(
            actor=officer, report=report, version=report.version, changes={"summary": "Rewritten"}
        )
    with pytest.raises(ValidationError, match="submitted"):
        services.funder_report_submit(actor=officer, report=report, version=report.version)
    report.refresh_from_db()
    assert report.summary == "Tenants came to most sessions."


def test_submission_needs_an_indicator_and_a_summary(officer, funded):
    _, indicator, award = funded
    empty = a_report(officer, award, [])
    silent = a_report(officer, award, [indicator], summary="")

    with pytest.raises(ValidationError) as no_indicator:
        services.funder_report_submit(actor=officer, report=empty, version=empty.version)
    with pytest.raises(ValidationError) as no_text:
        services.funder_report_submit(actor=officer, report=silent, version=silent.version)

    assert "indicators" in no_indicator.value.message_dict
    assert "summary" in no_text.value.message_dict


def test_a_stale_edit_is_refused(officer, funded):
    _, indicator, award = funded
    report = a_report(officer, award, [indicator])
    services.funder_report_update(actor=officer, report=report, version=1, changes={"summary": "First"})

    with pytest.raises(StaleEdit):
        services.funder_report_update(actor=officer, report=report, version=1, changes={"summary": "Second"})


def test_bad_periods_deadlines_and_too_many_indicators_are_refused(officer, funded):
    _, indicator, award = funded
    other = an_award_funding(officer, funded_program("Other")[0])
    elsewhere = a_deadline(officer, other)

    with pytest.raises(ValidationError) as backwards:
        a_report(officer, award, [indicator], period_start=END, period_end=START)
    with pytest.raises(ValidationError) as foreign:
        a_report(officer, award, [indicator], deadline=elsewhere)
    with pytest.raises(ValidationError) as many:
        a_report(officer, award, [indicator] * 1 + [funded_program(f"P{n}")[1] for n in range(20)])

    assert "period_end" in backwards.value.message_dict
    assert "deadline" in foreign.value.message_dict
    assert "indicators" in many.value.message_dict
    assert not FunderReport.objects.exists()


# Pages -------------------------------------------------------------------------------------------


def test_a_report_is_written_shown_and_submitted_through_the_pages(officer, funded):
    _, indicator, award = funded
    client = client_for(officer)

    created = client.post(
        reverse("grants:funder_report_create", args=[award.pk]),
        {
            "title": "First quarter to the fund",
            "period_start": "2026-01-01",
            "period_end": "2026-09-30",
            "indicators": [indicator.pk],
            "summary": "A good start.",
        },
    )
    report = FunderReport.objects.get()
    page = client.get(created["Location"]).content.decode()
    submitted = client.post(
        reverse("grants:funder_report_submit", args=[report.pk]), {"version": report.version}
    )
    after = client.get(reverse("grants:funder_report_detail", args=[report.pk])).content.decode()

    assert created.status_code == 302
    assert "71.4" in page and "Draft" in page
    assert "suppressed (fewer than 11" in page  # Q3, as the indicator's page hides it
    assert submitted.status_code == 302
    assert "Submitted" in after and "71.4" in after and "Submit the report" not in after
    grant_page = client.get(reverse("grants:application_detail", args=[award.application_id]))
    assert "First quarter to the fund" in grant_page.content.decode()


def test_a_bad_period_is_an_error_next_to_the_field(officer, funded):
    _, indicator, award = funded

    response = client_for(officer).post(
        reverse("grants:funder_report_create", args=[award.pk]),
        {
            "title": "Report",
            "period_start": "2026-06-01",
            "period_end": "2026-01-01",
            "indicators": [indicator.pk],
        },
    )

    assert response.status_code == 400
    assert response.context["form"].errors["period_end"]
    assert not FunderReport.objects.exists()


def test_a_submitted_reports_edit_page_refuses(officer, funded):
    _, indicator, award = funded
    report = a_report(officer, award, [indicator])
    report = services.funder_report_submit(actor=officer, report=report, version=report.version)

    response = client_for(officer).post(
        reverse("grants:funder_report_edit", args=[report.pk]),
        {
            "version": report.version,
            "title": "Changed",
            "period_start": "2026-01-01",
            "period_end": "2026-09-30",
            "indicators": [indicator.pk],
        },
    )

    assert response.status_code == 400
    report.refresh_from_db()
    assert report.title == "Interim report to the fund"


# The PDF -----------------------------------------------------------------------------------------


def test_the_pdf_holds_the_award_the_figures_and_the_narrative(officer, funded):
    _, indicator, award = funded
    report = a_report(officer, award, [indicator])
    report.content = figures.content(user=officer, report=report)

    body = report_pdf(report, report.content, compress=False)

    assert body.startswith(b"%PDF")
    text = pdf_text(body)
    assert "71.4" in body.decode("latin-1")  # readable as it is, with compression off
    for expected in (award.application.title, "71.4", "60", "suppressed (fewer than 11", "Tenants came"):
        assert expected in text, expected
    assert award.application.opportunity.funder.organisation.name in text


def test_the_pdf_download_is_a_pdf_and_is_audited(officer, funded):
    _, indicator, award = funded
    report = a_report(officer, award, [indicator])

    response = client_for(officer).get(reverse("grants:funder_report_pdf", args=[report.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert "71.4" in text and award.application.title in text
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert entry.object_type == "grants.funderreport" and entry.object_id == str(report.pk)


def test_others_cannot_read_a_report(cast, officer, funded):
    _, indicator, award = funded
    report = a_report(officer, award, [indicator])

    for role in (Role.CASEWORKER, Role.EVALUATOR):
        response = client_for(cast[role]).get(reverse("grants:funder_report_pdf", args=[report.pk]))
        assert response.status_code == 403
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).exists()
