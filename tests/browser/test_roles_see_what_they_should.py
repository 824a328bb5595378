"""In a real browser, each role sees what the access policy gives it, and the shell works by keyboard."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from tapestry.access.models import Role, User
from tapestry.people.models import Person
from tapestry.testing import TEST_PASSWORD, PersonFactory, UserFactory, assign

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOT = f"{tempfile.gettempdir()}/tapestry-home.png"
NOT_ALLOWED = "You do not have access to this"


@dataclass
class Agency:
    caseworker: User
    outsider: User
    evaluator: User
    client: Person
    stranger: Person


@pytest.fixture
def agency(settings: pytest.FixtureRequest) -> Agency:
    # The live server runs in this process, so the setting reaches it: sign in with a password only.
    settings.TAPESTRY_DEMO_OTP_BYPASS = True
    caseworker = UserFactory(username="elena", first_name="Elena", last_name="Vargas", role=Role.CASEWORKER)
    outsider = UserFactory(username="amara", first_name="Amara", last_name="Okafor", role=Role.CASEWORKER)
    evaluator = UserFactory(username="oskar", first_name="Oskar", last_name="Brandt", role=Role.EVALUATOR)
    client = PersonFactory(
        given_name="Ottoline",
        family_name="Brightwater",
        date_of_birth=dt.date(1987, 5, 14),
        pronouns="she/her",
    )
    stranger = PersonFactory(
        given_name="Bartholomew", family_name="Quayle", date_of_birth=dt.date(1979, 11, 2)
    )
    assign(caseworker, client)
    assign(outsider, stranger)
    return Agency(caseworker, outsider, evaluator, client, stranger)


def sign_in(page: Page, user: User) -> None:
    """Through the real login page, as a person would."""
    page.goto("/accounts/login/")
    form = page.locator("form:has(input[name=password])")
    form.locator("input[name=username]").fill(user.username)
    form.locator("input[name=password]").fill(TEST_PASSWORD)
    form.locator("[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Welcome, {user.first_name}")


def test_caseworker_finds_their_client_with_the_search_box_and_opens_the_record(page: Page, agency: Agency):
    sign_in(page, agency.caseworker)

    # A name typed with a letter missing still finds her (the search forgives, as intake's check does).
    page.get_by_role("searchbox", name="Find a person or case number").fill("Ottoline Brightwatr")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    link = page.locator("main").get_by_role("link", name="Ottoline Brightwater")
    expect(link).to_be_visible()
    page.screenshot(path=SCREENSHOT, full_page=True)
    link.click()

    expect(page).to_have_url(re.compile(rf"/people/{agency.client.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ottoline Brightwater")
    main = page.locator("main")
    expect(main).to_contain_text("1987-05-14")
    expect(main).to_contain_text("she/her")


def test_evaluator_has_no_person_search_is_refused_the_record_and_sees_evidence(page: Page, agency: Agency):
    sign_in(page, agency.evaluator)

    expect(page.get_by_role("search")).to_have_count(0)
    expect(page.locator("input[name=q]")).to_have_count(0)

    response = page.goto(f"/people/{agency.client.pk}/")
    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text(NOT_ALLOWED)
    expect(page.locator("main")).not_to_contain_text("Brightwater")
    expect(page.get_by_role("link", name=re.compile("emergency access"))).to_have_count(0)

    page.get_by_role("navigation", name="Levels of practice").get_by_role("link", name="Evidence").click()
    expect(page).to_have_url(re.compile(r"/level/evidence/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Evidence practice")


def test_caseworker_is_refused_a_stranger_but_offered_emergency_access(page: Page, agency: Agency):
    sign_in(page, agency.caseworker)

    response = page.goto(f"/people/{agency.stranger.pk}/")

    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text(NOT_ALLOWED)
    expect(page.locator("main")).not_to_contain_text("Quayle")
    emergency = page.get_by_role("link", name=re.compile("emergency access"))
    expect(emergency).to_be_visible()
    expect(emergency).to_have_attribute("href", re.compile(rf"\b{agency.stranger.pk}\b"))


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page: Page, agency: Agency):
    sign_in(page, agency.caseworker)
    page.goto("/")

    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text("Skip to content")
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0  # shown on screen once focused

    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
