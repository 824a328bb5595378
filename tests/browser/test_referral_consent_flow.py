"""In a real browser, a caseworker refers a client whose consent is not yet on file, records the consent
from the referral in one flow (the form arrives filled in), lands back on the referral and sends it."""

from __future__ import annotations

import uuid

import pytest
from playwright.sync_api import Page, expect

from tapestry.access.models import Role
from tapestry.directory.models import Location, Organization, Service, ServiceAtLocation
from tapestry.needs.models import Need
from tapestry.people.models import Organisation
from tapestry.testing import TEST_PASSWORD, PersonFactory, UserFactory, open_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PROVIDER = "Lantern Street Pantry"
SERVICE = "Saturday groceries"


@pytest.fixture
def setting(settings: pytest.FixtureRequest):
    settings.TAPESTRY_DEMO_OTP_BYPASS = True
    worker = UserFactory(username="noor", first_name="Noor", last_name="Haddad", role=Role.CASEWORKER)
    case = open_case(worker, PersonFactory(given_name="Tamsin", family_name="Oyelaran"))
    provider = Organization.objects.create(hsds_id=uuid.uuid4(), name=PROVIDER)
    service = Service.objects.create(
        hsds_id=uuid.uuid4(), organization=provider, name=SERVICE, description="Groceries on Saturdays."
    )
    service.needs.set(Need.objects.filter(code="food-insecurity"))
    site = Location.objects.create(
        hsds_id=uuid.uuid4(), organization=provider, name="Lantern hall", latitude=40.0, longitude=-75.0
    )
    ServiceAtLocation.objects.create(hsds_id=uuid.uuid4(), service=service, location=site)
    Organisation.objects.create(name=PROVIDER, kind=Organisation.Kind.NONPROFIT)
    return worker, case


def test_a_referral_with_its_consent_in_one_flow(page: Page, setting):
    worker, case = setting
    page.set_default_timeout(30_000)  # a loaded CI machine; every wait is still for what a user sees
    page.goto("/accounts/login/")
    form = page.locator("form:has(input[name=password])")
    form.locator("input[name=username]").fill(worker.username)
    form.locator("input[name=password]").fill(TEST_PASSWORD)
    form.locator("[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome, Noor")

    # Refer: what goes with it must be chosen; leaving it out is an error by the field.
    page.goto(f"/referrals/case/{case.pk}/new/?q=groceries")
    page.locator("#directory-results").get_by_role("link", name="Refer to this service").click()
    main = page.locator("main")
    main.get_by_label("Reason for the referral").fill("Groceries for Tamsin and her son this month.")
    page.get_by_role("button", name="Record the referral").click()
    expect(main).to_contain_text("Choose what goes with the referral")
    main.get_by_label("Identity: name, date of birth, pronouns, languages").check()
    main.get_by_label("The needs this referral is for").check()
    page.get_by_role("button", name="Record the referral").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(f"Referral to {SERVICE}")
    referral_url = page.url
    expect(page.get_by_role("region", name="The referral")).to_contain_text("The needs this referral is for")

    # Record consent: the form arrives filled with the referral's purpose, recipient and parts.
    page.get_by_role("link", name="Record consent").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a consent")
    expect(main.get_by_label("Purpose")).to_have_value("referral")
    expect(main.get_by_label("Recipient organisation").locator("option:checked")).to_have_text(PROVIDER)
    expect(main.get_by_label("Identity (name, date of birth, pronouns, languages)")).to_be_checked()
    expect(main.get_by_label("Needs and their codes")).to_be_checked()
    expect(main.get_by_label("Contact details", exact=True)).not_to_be_checked()
    expect(main.get_by_label("What may be shared, in the person's words")).to_have_value(
        f"For the referral to {SERVICE} ({PROVIDER}): Identity: name, date of birth, pronouns, languages; "
        "The needs this referral is for."
    )
    page.get_by_role("button", name="Save").click()

    # Back on the referral, which may now go.
    expect(page).to_have_url(referral_url)
    expect(page.get_by_role("status")).to_contain_text("Consent recorded")
    expect(page.get_by_role("region", name="Consent")).to_contain_text("In force")
    page.get_by_role("button", name="Send the referral").click()
    expect(page.get_by_role("region", name="The referral")).to_contain_text("Sent")
