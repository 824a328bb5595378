"""The funder reports API: list and create on an award, read with figures, change, submit, download."""

from __future__ import annotations

from datetime import date

import pytest

from tapestry.access.models import AuditEntry, Role
from tapestry.macro.evaluation.tests.support import attendance
from tapestry.macro.grants.tests.reporting import a_deadline, an_award_funding, funded_program
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db
JSON = "application/json"


@pytest.fixture
def officer(cast):
    return cast[Role.GRANTS_OFFICER]


@pytest.fixture
def api(officer):
    return client_for(officer)


@pytest.fixture
def funded(officer):
    program, indicator = funded_program()
    return program, indicator, an_award_funding(officer, program)


def body(indicator, **fields):
    return {
        "title": "Interim report",
        "period_start": "2026-01-01",
        "period_end": "2026-09-30",
        "indicator_ids": [indicator.pk],
        "summary": "Going well.",
        **fields,
    }


def test_a_report_through_the_api_from_draft_to_submitted(api, officer, funded):
    program, indicator, award = funded
    deadline = a_deadline(officer, award)

    created = api.post(
        f"/api/v1/grants/awards/{award.pk}/funder-reports",
        body(indicator, deadline_id=deadline.pk),
        content_type=JSON,
    )
    assert created.status_code == 201, created.content
    report = created.json()
    [figure] = report["figures"]
    assert report["status"] == "draft" and report["indicator_ids"] == [indicator.pk]
    assert [(v["period"], v["value"], v["status"]) for v in figure["values"]] == [
        ("2026-Q1", 60.0, "Not met"),
        ("2026-Q2", 71.4, "Met"),
        ("2026-Q3", None, "Suppressed"),
    ]
    assert figure["values"][1]["value"] == 71.4 and figure["values"][1]["target"] == 70.0
    assert figure["values"][2]["numerator"] is None and figure["values"][2]["suppressed"]
    assert figure["values"][2]["shown"].startswith("suppressed (fewer than 11")

    changed = api.patch(
        f"/api/v1/grants/funder-reports/{report['id']}",
        {"version": report["version"], "challenges": "Winter weather.", "summary": None},
        content_type=JSON,
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["challenges"] == "Winter weather." and changed.json()["summary"] == ""
    submitted = api.post(
        f"/api/v1/grants/funder-reports/{report['id']}/submit",
        {"version": changed.json()["version"], "on": "2026-10-15"},
        content_type=JSON,
    )
    assert submitted.status_code == 400  # a report goes with its summary
    api.patch(
        f"/api/v1/grants/funder-reports/{report['id']}",
        {"version": changed.json()["version"], "summary": "Going well."},
        content_type=JSON,
    )
    submitted = api.post(
        f"/api/v1/grants/funder-reports/{report['id']}/submit",
        {"version": changed.json()["version"] + 1, "on": "2026-10-15"},
        content_type=JSON,
    )
    assert submitted.status_code == 200, submitted.content
    assert submitted.json()["status"] == "submitted" and submitted.json()["submitted_on"] == "2026-10-15"

    attendance(program, {date(2026, 4, 20): (40, 0)}, name="Later group")
    again = api.get(f"/api/v1/grants/funder-reports/{report['id']}").json()
    assert again["figures"][0]["values"][1]["value"] == 71.4  # as sent, whatever came after
    listed = api.get(f"/api/v1/grants/awards/{award.pk}/funder-reports").json()
    assert [row["id"] for row in listed["items"]] == [report["id"]]
    deadline.refresh_from_db()
    assert str(deadline.submitted_on) == "2026-10-15"

    refused = api.patch(
        f"/api/v1/grants/funder-reports/{report['id']}",
        {"version": again["version"], "summary": "Rewritten"},
        content_type=JSON,
    )
    assert refused.status_code == 400


def test_the_pdf_through_the_api_is_a_pdf_and_audited(api, officer, funded):
    _, indicator, award = funded
    report = api.post(
        f"/api/v1/grants/awards/{award.pk}/funder-reports", body(indicator), content_type=JSON
    ).json()

    answer = api.get(f"/api/v1/grants/funder-reports/{report['id']}/pdf")

    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/pdf"
    assert answer.content.startswith(b"%PDF")
    assert (
        AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT, object_id=str(report["id"])).count() == 1
    )


def test_bad_input_is_answered_in_the_error_format(api, officer, funded):
    _, indicator, award = funded
    other = an_award_funding(officer, funded_program("Other")[0])
    url = f"/api/v1/grants/awards/{award.pk}/funder-reports"

    backwards = api.post(
        url, body(indicator, period_start="2026-09-30", period_end="2026-01-01"), content_type=JSON
    )
    unknown = api.post(url, body(indicator, indicator_ids=[indicator.pk, 999999]), content_type=JSON)
    foreign = api.post(url, body(indicator, deadline_id=a_deadline(officer, other).pk), content_type=JSON)
    no_title = api.post(url, body(indicator, title=""), content_type=JSON)
    no_award = api.post("/api/v1/grants/awards/999999/funder-reports", body(indicator), content_type=JSON)
    no_report = api.get("/api/v1/grants/funder-reports/999999")
    report = api.post(url, body(indicator), content_type=JSON).json()
    stale = api.patch(
        f"/api/v1/grants/funder-reports/{report['id']}", {"version": 99, "summary": "x"}, content_type=JSON
    )
    null_title = api.patch(
        f"/api/v1/grants/funder-reports/{report['id']}",
        {"version": report["version"], "title": None},
        content_type=JSON,
    )

    assert backwards.status_code == 400 and "period_end" in backwards.json()["errors"]
    assert unknown.status_code == 400 and "999999" in str(unknown.json()["errors"]["indicator_ids"])
    assert foreign.status_code == 400 and "deadline_id" in foreign.json()["errors"]
    assert no_title.status_code == 422
    assert no_award.status_code == 404 and no_report.status_code == 404
    assert stale.status_code == 409
    assert null_title.status_code == 400 and "title" in null_title.json()["errors"]
