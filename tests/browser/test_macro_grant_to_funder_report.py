"""In a real browser, a grants officer follows a grant from prospect to a report to its funder.

A funder and its opportunity exist, with a prospect application; a program has attendance data
behind its evaluation indicator. Through the pages the officer moves the application to drafting,
writes the proposal, submits it, records it awarded and the award, names the program it funds,
writes a funder report choosing the indicator, reads a figure equal to what the indicator's own
page shows for that quarter, submits the report and downloads its PDF.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tapestry.access.models import Role, User
from tapestry.macro.grants.models import Application, FunderReport
from tapestry.macro.grants.tests.reporting import funded_program
from tapestry.macro.grants.tests.support import a_funder, an_opportunity
from tapestry.testing import TEST_PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Tenant rights outreach"


@pytest.fixture
def officer(settings: pytest.FixtureRequest) -> User:
    settings.TAPESTRY_DEMO_OTP_BYPASS = True
    return UserFactory(username="ruth", first_name="Ruth", last_name="Feldman", role=Role.GRANTS_OFFICER)


@pytest.fixture
def prospect(officer: User) -> Application:
    from tapestry.macro.grants import services

    opportunity = an_opportunity(officer, a_funder(officer, "Harbourside Housing Fund"), title=TITLE)
    return services.application_create(actor=officer, opportunity=opportunity, amount_requested=40000)


def sign_in(page: Page, user: User) -> None:
    # The live server's first request loads every app's URLs: on a busy machine it takes longer.
    page.goto("/accounts/login/", timeout=30_000)
    form = page.locator("form:has(input[name=password])")
    form.locator("input[name=username]").fill(user.username)
    form.locator("input[name=password]").fill(TEST_PASSWORD)
    form.locator("[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Welcome, {user.first_name}")


def move(page: Page, stage: str) -> None:
    page.get_by_label("Move to").select_option(label=stage)
    page.get_by_role("button", name="Move").click()
    expect(page.locator("main")).to_contain_text(f"is now {stage.lower()}")


def test_a_grant_from_prospect_to_a_funder_report_with_figures_from_program_data(
    page: Page, officer: User, prospect: Application
) -> None:
    _, indicator = funded_program()
    sign_in(page, officer)

    # What evaluation shows for the indicator in the second quarter of 2026.
    page.goto(f"/macro/evaluation/{indicator.pk}/?from=2026-Q1&to=2026-Q3")
    evaluation_value = page.locator("tr", has=page.locator("th", has_text="2026-Q2")).locator("td").nth(2)
    expected = evaluation_value.inner_text().strip()
    assert expected == "71.4"

    page.goto("/macro/grants/")
    page.get_by_role("link", name=TITLE).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    move(page, "Drafting")
    page.get_by_role("link", name="Write the proposal").click()
    page.get_by_label("Summary").fill("Outreach to tenants at risk of eviction, with group workshops.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("Version 1 of the proposal is saved")
    move(page, "Submitted")
    move(page, "Awarded")

    page.get_by_role("link", name="Record the award").click()
    page.get_by_label("Amount awarded").fill("36000")
    page.get_by_label("Period starts").fill("2026-01-01")
    page.get_by_label("Period ends").fill("2026-12-31")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("The award is recorded")
    page.get_by_role("link", name="Add a program it funds").click()
    page.locator("select[name=program]").select_option(label="Tenant Voices")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("The program is funded by the award")

    page.get_by_role("link", name="Write a funder report").click()
    page.get_by_label("Period ends").fill("2026-09-30")
    checkbox = page.get_by_role("checkbox", name=re.compile(f"^{indicator.name}"))
    expect(checkbox).to_be_checked()  # the funded program's indicator is chosen to start with
    page.get_by_label("Summary").fill("Tenants came to most workshops.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("saved as a draft")

    figure = page.locator(f"section[data-indicator='{indicator.pk}']")
    row = figure.locator("tr", has=page.locator("th", has_text="2026-Q2"))
    expect(row.locator("td.figure-value")).to_have_text(expected)
    expect(figure.locator("tr", has=page.locator("th", has_text="2026-Q3"))).to_contain_text("suppressed")

    page.get_by_role("button", name="Submit the report").click()
    expect(page.locator("main")).to_contain_text("The report is submitted")
    expect(row.locator("td.figure-value")).to_have_text(expected)
    assert FunderReport.objects.get().status == FunderReport.Status.SUBMITTED

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the PDF").click()
    download = download_info.value
    with open(download.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"
    answer = page.request.get(f"/macro/grants/funder-reports/{FunderReport.objects.get().pk}/pdf/")
    assert answer.headers["content-type"] == "application/pdf"
    assert answer.body().startswith(b"%PDF")
