"""In a real browser: the safety plan prints on one page without the app's chrome, its numbers dial,
the header stays compact on a 360 px phone, and the focus ring shows."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tapestry.access.models import Role, User
from tapestry.micro.crisis.tests.factories import crisis_case, plan
from tapestry.testing import UserFactory, pdf_page_count
from tests.browser.signing import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Measured before this change: 203 px for a caseworker (levels, search and account on four rows).
HEADER_MAX_PX = 120


@pytest.fixture
def worker(settings: pytest.FixtureRequest) -> User:
    settings.TAPESTRY_DEMO_OTP_BYPASS = True
    return UserFactory(username="diego", first_name="Diego", last_name="Ferreira", role=Role.CRISIS_WORKER)


def test_the_printed_safety_plan_is_one_page_of_the_plan_alone(page: Page, worker: User):
    case = crisis_case(worker)
    plan(worker, case)
    sign_in(page, worker)

    page.goto(f"/crisis/case/{case.pk}/safety-plan/print/")
    expect(page.get_by_role("link", name="555-0142")).to_have_attribute("href", "tel:5550142")
    page.emulate_media(media="print")

    for chrome in (".site-header", ".site-footer", "text=Back to the safety plan", "text=Sign out"):
        assert not page.locator(chrome).first.is_visible(), chrome
    expect(page.get_by_role("heading", level=1)).to_have_text("My safety plan")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") in (
        "rgb(255, 255, 255)",
        "rgba(0, 0, 0, 0)",
    )
    assert page.evaluate("getComputedStyle(document.querySelector('main li')).color") == "rgb(0, 0, 0)"
    assert pdf_page_count(page.pdf(format="A4")) == 1


def test_the_header_is_compact_on_a_phone_and_the_focus_ring_is_dark_on_white(page: Page, worker: User):
    page.set_viewport_size({"width": 360, "height": 740})
    sign_in(page, worker)

    height = page.locator(".site-header").bounding_box()["height"]
    assert height <= HEADER_MAX_PX, f"the header is {height} px high on a 360 px phone"
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    expect(page.get_by_role("searchbox", name="Find a person or case number")).to_be_visible()

    link = page.locator("main a").first
    link.focus()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineColor") == "rgb(26, 26, 26)"
