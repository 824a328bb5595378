"""In a real browser, a caseworker takes a new client from intake to closure, and the timeline tells the story.

Intake (no duplicate found), a consent to share, a case, a PHQ-9, a care-plan goal, a signed DAP
note, a referral to a service in the resource directory, closure with a reason; then the person's
timeline and ecomap show what happened. Only the directory's services and the agency's record of
the provider are set up in the database beforehand: everything else is done through the pages.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tapestry.access.models import Role, User
from tapestry.directory.models import Location, Organization, Service, ServiceAtLocation
from tapestry.needs.models import Need
from tapestry.people.models import Organisation, Person
from tapestry.testing import TEST_PASSWORD, PersonFactory, UserFactory, assign

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PROVIDER = "Harbor Food Bank"
SERVICE = "Weekly food pantry"
# A PHQ-9 in the moderate band (total 10), with item 9 "not at all": flagged, not a crisis.
PHQ9_ANSWERS = {
    "q1": "More than half the days",
    "q2": "More than half the days",
    "q3": "Several days",
    "q4": "More than half the days",
    "q5": "Several days",
    "q6": "Several days",
    "q7": "Several days",
    "q8": "Not at all",
    "q9": "Not at all",
}


@dataclass
class Agency:
    caseworker: User
    service: Service


@pytest.fixture
def agency(settings: pytest.FixtureRequest) -> Agency:
    settings.TAPESTRY_DEMO_OTP_BYPASS = True
    caseworker = UserFactory(username="elena", first_name="Elena", last_name="Vargas", role=Role.CASEWORKER)
    # Someone else's client with another name: the intake must not take them for our new client.
    assign(
        UserFactory(username="amara", role=Role.CASEWORKER),
        PersonFactory(given_name="Bartholomew", family_name="Quayle"),
    )
    provider = Organization.objects.create(hsds_id=uuid.uuid4(), name=PROVIDER)
    service = Service.objects.create(
        hsds_id=uuid.uuid4(),
        organization=provider,
        name=SERVICE,
        description="Groceries once a week for households on a low income.",
    )
    service.needs.set(Need.objects.filter(code="food-insecurity"))
    site = Location.objects.create(
        hsds_id=uuid.uuid4(), organization=provider, name="Harbor hall", latitude=40.0, longitude=-75.0
    )
    ServiceAtLocation.objects.create(hsds_id=uuid.uuid4(), service=service, location=site)
    # The agency's own record of the provider, which a consent names as the recipient.
    Organisation.objects.create(name=PROVIDER, kind=Organisation.Kind.NONPROFIT)
    return Agency(caseworker, service)


def sign_in(page: Page, user: User) -> None:
    page.goto("/accounts/login/")
    form = page.locator("form:has(input[name=password])")
    form.locator("input[name=username]").fill(user.username)
    form.locator("input[name=password]").fill(TEST_PASSWORD)
    form.locator("[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Welcome, {user.first_name}")


def heading(page: Page):
    return page.get_by_role("heading", level=1)


def open_micro(page: Page, entry: str) -> None:
    page.get_by_role("navigation", name="Levels of practice").get_by_role("link", name="Micro").click()
    page.locator("main").get_by_role("link", name=entry, exact=True).click()


def register_client(page: Page) -> Person:
    open_micro(page, "New intake")
    expect(heading(page)).to_have_text("New intake")
    page.locator("main").get_by_label("Given name").fill("Ottoline")
    page.locator("main").get_by_label("Family name").fill("Brightwater")
    page.locator("main").get_by_label("Date of birth").fill("1987-05-14")
    page.locator("main").get_by_label("Pronouns").fill("she/her")
    page.locator("main").get_by_label("Phone").fill("555 0142 7788")
    page.get_by_role("button", name="Check for duplicates and register").click()

    expect(heading(page)).to_contain_text("Ottoline Brightwater")
    expect(page.get_by_role("status")).to_contain_text(
        "Ottoline Brightwater is registered and on your caseload"
    )
    expect(page.get_by_text("Is this someone we already know?")).to_have_count(0)
    return Person.objects.get(given_name="Ottoline", family_name="Brightwater")


def record_consent(page: Page) -> None:
    page.get_by_role("link", name="Record a consent").click()
    page.locator("main").get_by_label("Purpose").select_option(label="Referral to a service")
    page.locator("main").get_by_label("What may be shared, in the person's words").fill(
        "Name, phone number and that the household needs food"
    )
    page.locator("main").get_by_label("Recipient organisation").select_option(label=PROVIDER)
    page.get_by_role("button", name=re.compile("Save|Record")).click()

    consents = page.get_by_role("region", name="Consents to share")
    expect(consents).to_contain_text("Referral to a service")
    expect(consents).to_contain_text("In force")


def open_case(page: Page, client: Person) -> str:
    open_micro(page, "Cases")
    page.get_by_role("link", name="Open a case").click()
    page.locator("main").get_by_label("Person").select_option(value=str(client.pk))
    page.get_by_role("button", name="Continue").click()
    page.locator("main").get_by_label("Type of case").select_option(label="Case management")
    page.locator("main").get_by_label("Presenting problem").fill(
        "Lost her job in March; the family is short of food by the end of each month."
    )
    page.locator("main").get_by_label("Referral source").fill("Self-referred after a school meeting")
    page.get_by_role("button", name="Open the case").click()

    expect(heading(page)).to_contain_text("Case management")
    number = re.search(r"C-\d{6}", heading(page).inner_text()).group(0)
    expect(page.get_by_role("status")).to_contain_text(f"Case {number} is open")

    page.get_by_role("link", name="Add a need").click()
    page.locator("main").get_by_label("Need").select_option(label="Food insecurity (Z59.41)")
    page.get_by_role("button", name=re.compile("Add|Save|Record")).click()
    expect(page.get_by_role("region", name="Needs and barriers")).to_contain_text("Food insecurity")
    return number


def back_to_case(page: Page, number: str) -> None:
    page.goto("/cases/")
    page.get_by_role("link", name=number).click()
    expect(heading(page)).to_contain_text(number)


def administer_phq9(page: Page) -> None:
    page.get_by_role("region", name="Everything on this case").get_by_role("link", name="Assessments").click()
    page.get_by_role("link", name="PHQ-9", exact=True).click()
    expect(heading(page)).to_contain_text("PHQ-9 for Ottoline Brightwater")
    for code, answer in PHQ9_ANSWERS.items():
        page.locator(f"#item-{code}").get_by_label(answer, exact=True).check()
    page.get_by_role("button", name="Score and save").click()

    result = page.get_by_role("region", name="Result")
    expect(result).to_contain_text("10 of 27")
    expect(result).to_contain_text("Moderate")
    expect(result).to_contain_text("Flagged")
    expect(page.get_by_role("alert").filter(has_text="Risk of suicide")).to_have_count(0)


def plan_a_goal(page: Page) -> None:
    page.get_by_role("region", name="Everything on this case").get_by_role(
        "link", name="Plans, notes and services"
    ).click()
    page.get_by_role("link", name="Start the care plan").click()
    page.locator("main").get_by_label("Summary").fill(
        "Steady food for the family while Ottoline looks for work."
    )
    page.get_by_role("button", name="Save").click()

    page.get_by_role("link", name="Add a goal").click()
    page.locator("main").get_by_label("Description").fill("The family has enough food every week")
    page.locator("main").get_by_label("Measure").fill(
        "Weeks in the month with enough food, by Ottoline's account"
    )
    page.locator("main").get_by_label(re.compile(r"^Target(?! date)")).fill("4")
    page.locator("main").get_by_label("Target date").fill(
        (timezone.localdate() + dt.timedelta(days=90)).isoformat()
    )
    page.get_by_role("button", name="Save").click()

    expect(heading(page)).to_contain_text("Care plan")
    expect(page.get_by_role("region", name="Goals")).to_contain_text("The family has enough food every week")


def write_and_sign_a_dap_note(page: Page, number: str) -> str:
    back_to_case(page, number)
    page.get_by_role("region", name="Everything on this case").get_by_role(
        "link", name="Plans, notes and services"
    ).click()
    page.get_by_role("link", name="New DAP note").click()
    title = "First meeting: food and work"
    page.locator("main").get_by_label("Title").fill(title)
    page.locator("main").get_by_label("Duration (minutes)").fill("50")
    page.locator("main").get_by_label("Data").fill(
        "Ottoline came alone. She lost her job in March and skips meals so her son can eat."
    )
    page.locator("main").get_by_label("Assessment").fill(
        "Moderate depressive symptoms (PHQ-9 10); food insecurity is the pressing need."
    )
    page.locator("main").get_by_label(re.compile(r"^Plan\b")).fill(
        "Refer to the Harbor food pantry; review the PHQ-9 in four weeks."
    )
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Draft: not yet signed")).to_be_visible()

    page.get_by_label("I attest this note is accurate and complete.").check()
    page.get_by_role("button", name="Sign and lock the note").click()
    expect(page.get_by_text("Signed by Elena Vargas")).to_be_visible()
    expect(page.get_by_role("link", name="Change the draft")).to_have_count(0)
    return title


def refer_to_the_food_pantry(page: Page, number: str) -> None:
    back_to_case(page, number)
    page.get_by_role("region", name="Everything on this case").get_by_role("link", name="Referrals").click()
    page.get_by_role("link", name="New referral").click()
    search = page.locator("main").get_by_role("search")
    search.get_by_label("Words in the name or description").fill("pantry")
    search.get_by_role("button", name="Search").click()
    results = page.locator("#directory-results")
    expect(results).to_contain_text(SERVICE)
    results.get_by_role("link", name="Refer to this service").click()

    expect(page.get_by_role("heading", name=f"Referring to {SERVICE}")).to_be_visible()
    page.locator("main").get_by_label("Reason for the referral").fill(
        "Weekly groceries for a family of two while Ottoline looks for work."
    )
    page.locator("main").get_by_label("Identity: name, date of birth, pronouns, languages").check()
    page.locator("main").get_by_label("Send it now (the consent check comes first)").check()
    page.get_by_role("button", name="Record the referral").click()

    expect(heading(page)).to_have_text(f"Referral to {SERVICE}")
    referral = page.get_by_role("region", name="The referral")
    expect(referral).to_contain_text("Sent")
    expect(page.get_by_role("region", name="Consent")).to_contain_text("In force")


def close_the_case(page: Page, number: str) -> None:
    back_to_case(page, number)
    page.get_by_role("link", name="Close the case").click()
    page.locator("main").get_by_label("Reason for closing").select_option(label="Goals met")
    page.locator("main").get_by_label("Closing note").fill(
        "Food is steady through the pantry; Ottoline started a new job."
    )
    page.get_by_role("button", name="Close the case").click()

    expect(page.get_by_role("status")).to_contain_text(f"Case {number} is closed")
    facts = page.get_by_role("region", name="The case")
    expect(facts).to_contain_text("Goals met")


def test_a_client_from_intake_to_closure_and_the_timeline_tells_the_story(page: Page, agency: Agency):
    sign_in(page, agency.caseworker)

    client = register_client(page)
    record_consent(page)
    number = open_case(page, client)
    administer_phq9(page)
    back_to_case(page, number)
    plan_a_goal(page)
    note_title = write_and_sign_a_dap_note(page, number)
    refer_to_the_food_pantry(page, number)
    close_the_case(page, number)

    # The person's record links to their timeline, which lists every step, newest first.
    page.get_by_role("link", name="Ottoline Brightwater").first.click()
    page.get_by_role("link", name="Timeline", exact=True).click()
    expect(heading(page)).to_have_text("Timeline of Ottoline Brightwater")
    main = page.locator("main")
    for step in (
        "Registered",
        f"Consent given for referral to a service to {PROVIDER}",
        f"Case {number} opened: Case management",
        "PHQ-9: 10 (Moderate)",
        note_title,
        f"Referral to {SERVICE}: sent",
        f"Case {number} closed: Goals met",
    ):
        expect(main).to_contain_text(step)
    steps = main.locator("tbody tr td:nth-child(3)").all_inner_texts()
    closed = next(i for i, text in enumerate(steps) if "closed: Goals met" in text)
    registered = next(i for i, text in enumerate(steps) if text.startswith("Registered"))
    # Newest first; within a day, timed events come before those with a date alone (the closure).
    assert registered < closed

    # Filtering by kind keeps only the assessments.
    page.locator("main").get_by_label("Kind of event").select_option(label="Assessment")
    page.get_by_role("button", name="Show").click()
    expect(main.locator("tbody tr")).to_have_count(1)
    expect(main.locator("tbody")).to_contain_text("PHQ-9: 10 (Moderate)")

    # The ecomap shows the service she was referred to and her worker, with a table beside it.
    page.get_by_role("link", name="Ecomap").click()
    expect(heading(page)).to_have_text("Ecomap of Ottoline Brightwater")
    connections = page.get_by_role("region", name="Connections")
    expect(connections).to_contain_text(SERVICE)
    expect(connections).to_contain_text("Elena Vargas")
    expect(page.get_by_role("img", name="Ecomap of Ottoline Brightwater")).to_be_visible()
