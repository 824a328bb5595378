"""In a real browser, the survivor journey: one client's case becomes a campaign's evidence, and its win helps the next.

A caseworker counsels Ysolde, who left a violent partner and is waiting for housing: she records
both needs on the case, the housing need unmet behind a waiting list, and enrols her in the
survivors' support group from the level advisor. Many more housing needs go unmet in her
neighbourhood this quarter than in the eight before: the nightly signal run (called here as the
scheduler would) raises a signal, and the supervisor accepts it as a housing-access campaign. The
worker proposes Ysolde's story under her consent; the supervisor approves the scrubbed text. The
organiser builds the campaign's evidence pack: suppressed counts and the story, scrubbed, on the
page and in the CSV and PDF. The campaign is won: the organiser puts the program it won into the
directory, and the next client in the neighbourhood is referred to it from her case's level advisor.

Set up in Python: the staff, Ysolde (registered, with her address and phone), the neighbourhood,
the survivors' group, and the synthetic background cases (a flat baseline and this quarter's
cluster). Everything the staff do is done through the pages, each in their own browser context.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from tapestry.access.models import Role, User
from tapestry.mezzo.groups.models import Group
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.needs.models import Barrier, Need
from tapestry.people.models import Address, ContactPoint, Organisation, Person
from tapestry.places.models import Area
from tapestry.testing import TEST_PASSWORD, PersonFactory, UserFactory, assign, open_case, pdf_text
from tapestry.thread.signals import tasks
from tapestry.thread.signals.models import Signal
from tapestry.thread.signals.tests.support import area, plant

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEIGHBOURHOOD = "Ashgrove"
POSTCODE = "62704"
OTHER_POSTCODE = "62711"  # another neighbourhood, quiet this quarter
GIVEN, FAMILY = "Ysolde", "Marchbanks"
CLIENT = f"{GIVEN} {FAMILY}"
PHONE = "(217) 555-0148"
STREET = "14 Linden Court"
GROUP = "Wednesday survivors' circle"
HOUSING = "Housing instability, housed (Z59.819)"
DV = "Domestic or intimate partner violence"
BARRIER = "Waiting list too long"
CAMPAIGN = "Homes for survivors in Ashgrove"
STORY_TITLE = "Two years on a waiting list"
STORY = (
    f"{GIVEN} left her partner in March after he broke her wrist. {GIVEN}'s only safe bed was her "
    f"sister's sofa at {STREET}, and the housing waiting list told her two years. "
    f'"I just want a door I can lock," she said. Call her on {PHONE} if a flat comes up.'
)
STORY_WORDS = ["a door I can lock", "the housing waiting list told her two years"]
PROVIDER = "Springfield Housing Authority"
PROGRAM = "Survivors' rapid rehousing"
NEXT_CLIENT = "Perpetua Oyelaran"


@dataclass
class Agency:
    caseworker: User
    supervisor: User
    organiser: User
    client: Person
    neighbourhood: Area
    group: Group
    next_case: Case


@pytest.fixture
def agency(settings: pytest.FixtureRequest) -> Agency:
    settings.TAPESTRY_DEMO_OTP_BYPASS = True
    supervisor = UserFactory(
        username="miriam", first_name="Miriam", last_name="Adeyemi", role=Role.SUPERVISOR
    )
    caseworker = UserFactory(
        username="elena", first_name="Elena", last_name="Vargas", role=Role.CASEWORKER, supervisor=supervisor
    )
    organiser = UserFactory(
        username="tomas", first_name="Tomas", last_name="Reyes", role=Role.COMMUNITY_ORGANISER
    )
    facilitator = UserFactory(
        username="dana", first_name="Dana", last_name="Okafor", role=Role.GROUP_FACILITATOR
    )
    # Ysolde is registered and on Elena's caseload. Her address is not a confidential (safe-house)
    # one: the advisor and the signal run place a case only by a non-confidential address's postcode
    # (a shelter address is never used for area counts), so hers counts in Ashgrove.
    client = PersonFactory(given_name=GIVEN, family_name=FAMILY, date_of_birth=dt.date(1991, 8, 23))
    Address.objects.create(person=client, line1=STREET, city="Springfield", region="IL", postcode=POSTCODE)
    ContactPoint.objects.create(person=client, kind=ContactPoint.Kind.PHONE, value=PHONE)
    assign(caseworker, client)
    neighbourhood = area("ASH", POSTCODE)
    neighbourhood.name = NEIGHBOURHOOD
    neighbourhood.save()
    area("ELM", OTHER_POSTCODE)

    group = Group.objects.create(
        name=GROUP,
        kind=Group.Kind.SUPPORT,
        purpose="Peer support for women who have left a violent partner.",
        capacity=10,
        first_session_on=timezone.localdate() + dt.timedelta(days=9),
        start_time=dt.time(18, 0),
        status=Group.Status.PLANNED,
        location="Ashgrove library, meeting room",
        area=neighbourhood,
    )
    group.focus_needs.set(Need.objects.filter(code="domestic-violence"))
    group.facilitators.set([facilitator])

    # The agency's own record of the housing authority, which a referral consent names as the recipient.
    Organisation.objects.create(name=PROVIDER, kind=Organisation.Kind.GOVERNMENT)
    # The next client: on Elena's caseload, in Ashgrove, and facing eviction.
    given, family = NEXT_CLIENT.split()
    neighbour = PersonFactory(given_name=given, family_name=family)
    Address.objects.create(person=neighbour, line1="3 Mill Lane", city="Springfield", postcode=POSTCODE)
    next_case = open_case(caseworker, person=neighbour, segment="")
    CaseNeed.objects.create(
        case=next_case,
        need=Need.objects.get(code="risk-of-homelessness"),
        identified_on=timezone.localdate(),
    )
    return Agency(caseworker, supervisor, organiser, client, neighbourhood, group, next_case)


@pytest.fixture
def housing_cluster(agency: Agency) -> None:
    """Synthetic background cases, as the signals tests plant them: two unmet housing needs a
    quarter in each neighbourhood over the eight quarters before this one, then this quarter
    fourteen more in Ashgrove (held back by the waiting list) while the other stays at two."""
    need = Need.objects.get(code="housing-instability")
    waitlist = Barrier.objects.get(code="waitlist")
    this_quarter = timezone.localdate().replace(day=1)
    start = dt.date(this_quarter.year, (this_quarter.month - 1) // 3 * 3 + 1, 1)
    for back in range(1, 9):
        month = start.year * 12 + start.month - 1 - 3 * back
        day = dt.date(month // 12, month % 12 + 1, 15)
        for postcode in (POSTCODE, OTHER_POSTCODE):
            plant(2, postcode, day, need)
    plant(2, OTHER_POSTCODE, start, need)
    plant(14, POSTCODE, start, need, status=CaseNeed.Status.UNMET, barrier=waitlist)


@pytest.fixture
def new_page(browser: Browser, live_server: object) -> Iterator[Callable[[], Page]]:
    """A fresh browser context per member of staff."""
    contexts = []

    def make() -> Page:
        context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def sign_in(page: Page, user: User) -> None:
    # The live server's first request loads every app's URLs: on a busy machine it takes longer.
    page.goto("/accounts/login/", timeout=30_000)
    form = page.locator("form:has(input[name=password])")
    form.locator("input[name=username]").fill(user.username)
    form.locator("input[name=password]").fill(TEST_PASSWORD)
    form.locator("[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Welcome, {user.first_name}")


def heading(page: Page):
    return page.get_by_role("heading", level=1)


def main(page: Page):
    return page.locator("main")


def status(page: Page):
    return page.get_by_role("status")


def open_level(page: Page, level: str, entry: str) -> None:
    """Through the navigation: a level of practice, then one of its pages."""
    page.get_by_role("navigation", name="Levels of practice").get_by_role("link", name=level).click()
    main(page).get_by_role("link", name=entry, exact=True).click()


def open_case_page(page: Page, number: str) -> None:
    open_level(page, "Micro", "Cases")
    page.get_by_role("link", name=number).click()
    expect(heading(page)).to_contain_text(number)


def case_area(page: Page, name: str | re.Pattern) -> None:
    page.get_by_role("region", name="Everything on this case").get_by_role("link", name=name).click()


# 1. The caseworker opens a counselling case and records the two needs.
def counsel(page: Page, client: Person) -> str:
    open_level(page, "Micro", "Cases")
    page.get_by_role("link", name="Open a case").click()
    main(page).get_by_label("Person").select_option(value=str(client.pk))
    page.get_by_role("button", name="Continue").click()
    main(page).get_by_label("Type of case").select_option(label="Individual counselling")
    main(page).get_by_label("Presenting problem").fill(
        "Left a violent partner in March; staying on her sister's sofa and waiting for housing."
    )
    main(page).get_by_label("Referral source").fill("Police domestic-violence liaison")
    page.get_by_role("button", name="Open the case").click()
    expect(heading(page)).to_contain_text("Individual counselling")
    number = re.search(r"C-\d{6}", heading(page).inner_text()).group(0)
    expect(status(page)).to_contain_text(f"Case {number} is open")

    for need in (DV, HOUSING):
        page.get_by_role("link", name="Add a need").click()
        main(page).get_by_label("Need").select_option(label=need)
        page.get_by_role("button", name=re.compile("Add|Save|Record")).click()
        expect(status(page)).to_contain_text(f"is recorded on case {number}")

    # The housing need is unmet: the waiting list stands in the way. The workspace's sections load
    # one after another and the test server answers one request at a time: wait for them, or the
    # next page waits behind them (past the timeout on a loaded machine).
    expect(page.locator(".workspace [aria-busy=true]")).to_have_count(0)
    needs = page.get_by_role("region", name="Needs and barriers")
    needs.get_by_role("link", name="Change status of Housing instability, housed").click()
    main(page).get_by_label("New status").select_option(label="Unmet")
    main(page).get_by_label("Barrier").select_option(label=BARRIER)
    page.get_by_role("button", name="Save the status").click()
    expect(needs.get_by_role("row", name=re.compile("Housing instability"))).to_contain_text(
        f"Barrier: {BARRIER}"
    )
    expect(needs.get_by_role("row", name=re.compile(DV))).to_contain_text("Identified")
    return number


# 2. From the level advisor, one step: enrol her in the survivors' group. The enrolment's checks are
# the groups service's (the worker may change the case, it is open, the group takes members, its
# segment is granted, she is not already in it); joining a group discloses nothing to another
# organisation, so no consent to share is asked for.
def enrol_in_the_survivors_group(page: Page) -> None:
    case_area(page, re.compile("^Level advisor"))
    expect(heading(page)).to_have_text(f"Level advisor for {CLIENT}")
    expect(main(page)).to_contain_text(f"Options in or near the client's area come first ({NEIGHBOURHOOD})")
    safety = page.get_by_role("region", name=re.compile(f"^{DV}"))
    row = safety.get_by_role("row", name=re.compile(GROUP))
    expect(row).to_contain_text("In the client's area")
    row.get_by_role("button", name=f"Enrol in {GROUP}").click()
    expect(status(page)).to_contain_text(f"Enrolled in {GROUP}.")
    expect(safety.get_by_role("row", name=re.compile(GROUP))).to_contain_text("Already a member")


# 3. The nightly run finds the cluster; the supervisor accepts it as a campaign.
def accept_the_signal_as_a_campaign(page: Page) -> None:
    open_level(page, "Evidence", "Escalation signals")
    expect(heading(page)).to_have_text("Escalation signals")
    row = main(page).get_by_role("row", name=re.compile("Unmet need: Housing instability, housed"))
    expect(row).to_contain_text(NEIGHBOURHOOD)
    row.get_by_role("link").click()
    expect(heading(page)).to_have_text("Unmet need: Housing instability, housed")
    found = page.get_by_role("region", name="What was found")
    signal = Signal.objects.get(need__code="housing-instability", barrier=None)
    # Fourteen planted and Ysolde's own: 15, at or over the threshold, so shown.
    assert signal.observed == 15
    expect(found.locator("dt:text-is('Observed') + dd")).to_have_text("15")
    # Two a quarter before (16 in the baseline, not a small total): the expectation, scaled by the
    # share of this quarter passed, is shown to one decimal, with the p-value of the Poisson test.
    assert signal.baseline_total == 16 and signal.expected <= 2.0
    expect(found.locator("dt:text-is('Expected') + dd")).to_have_text(f"{signal.expected:.1f}")
    expect(found.locator("dt:text-is('p-value') + dd")).to_have_text(f"{signal.p_value:.2g}")
    assert signal.p_value < 0.001
    # The previous quarters held two cases each: every one is suppressed.
    trend = page.get_by_role("region", name="Previous periods")
    expect(trend.locator("tbody tr")).to_have_count(8)
    expect(trend.get_by_text("hidden (small or would reveal a small count)")).to_have_count(8)

    expect(page.get_by_role("region", name="Proposed responses")).to_contain_text("Macro:")

    form = page.get_by_role("region", name="Accept: plan a campaign")
    form.get_by_label("Title").fill(CAMPAIGN)
    form.get_by_label("Goals").fill(
        "The city funds a housing program that places survivors within three months."
    )
    form.get_by_role("button", name="Plan the campaign").click()
    expect(status(page)).to_contain_text("The signal is accepted: a campaign is in planning.")
    decision = page.get_by_role("region", name="Decision")
    expect(decision).to_contain_text(f"Campaign: {CAMPAIGN} (planning)")


# 4. The worker proposes Ysolde's story under her consent; the supervisor approves it scrubbed.
def propose_her_story(page: Page, number: str) -> None:
    open_case_page(page, number)
    case_area(page, "Stories for advocacy")
    expect(heading(page)).to_have_text(f"Stories for advocacy: {CLIENT}")
    # No consent to tell her story yet: the page says so and offers to record it.
    expect(page.get_by_role("link", name="Propose a story")).to_have_count(0)
    page.get_by_role("link", name="Record the client's consent").click()
    main(page).get_by_label("Purpose").select_option(label="Telling their story in advocacy")
    main(page).get_by_label("What may be shared, in the person's words").fill(
        "My story, without my name or anything that could find me"
    )
    page.get_by_role("button", name=re.compile("Save|Record")).click()
    consents = page.get_by_role("region", name="Consents to share")
    expect(consents).to_contain_text("Telling their story in advocacy")
    expect(consents).to_contain_text("In force")

    open_case_page(page, number)
    case_area(page, "Stories for advocacy")
    page.get_by_role("link", name="Propose a story").click()
    main(page).get_by_label("Title").fill(STORY_TITLE)
    main(page).get_by_label("The story").fill(STORY)
    main(page).get_by_role("checkbox", name=HOUSING).check()
    page.get_by_role("button", name="Propose the story").click()
    expect(status(page)).to_contain_text("The story is proposed. It goes to a reviewer")
    expect(main(page)).to_contain_text(STORY_TITLE)


def approve_her_story(page: Page) -> None:
    open_level(page, "Evidence", "Stories to review")
    expect(heading(page)).to_have_text("Stories to review")
    main(page).get_by_role("link", name=STORY_TITLE).click()
    expect(heading(page)).to_have_text(STORY_TITLE)
    text = main(page).locator("blockquote.story-text")
    for word in STORY_WORDS:
        expect(text).to_contain_text(word)
    for identifier in (GIVEN, FAMILY, PHONE, STREET, "Linden"):
        expect(text).not_to_contain_text(identifier)
    # Each replaced span is marked: her name twice, the month (the scrubber errs on the safe side),
    # the street and the phone.
    expect(text.locator("mark")).to_have_text(["[NAME]", "[DATE]", "[NAME]", "[ADDRESS]", "[PHONE]"])
    page.get_by_role("button", name="Approve for advocacy").click()
    expect(status(page)).to_contain_text("The story is approved")
    expect(main(page)).to_contain_text("Approved")


# 5. The organiser builds the campaign's evidence pack: suppressed counts and the scrubbed story.
def build_the_evidence_pack(page: Page) -> None:
    open_level(page, "Macro", "Campaigns")
    main(page).get_by_role("link", name=CAMPAIGN).click()
    expect(heading(page)).to_have_text(f"{CAMPAIGN} Planning")
    page.get_by_role("link", name="Build an evidence pack").click()
    expect(heading(page)).to_have_text(f"An evidence pack for {CAMPAIGN}")
    expect(main(page).get_by_role("checkbox", name=HOUSING)).to_be_checked()
    page.get_by_role("button", name="Save").click()
    expect(heading(page)).to_have_text(f"Evidence for {CAMPAIGN}")
    expect(status(page)).to_contain_text("is ready")

    # Counts from 1 to 10 are shown as <11, and the page says so. By area: the quiet neighbourhood's
    # two a quarter are <11; Ashgrove's sixteen this quarter are hidden too, since the "All" row less
    # them would give the quiet one's small count back (complementary suppression).
    expect(main(page)).to_contain_text("Counts from 1 to 10 show as <11")
    by_area = page.get_by_role("region", name="Housing needs identified, by area")
    expect(by_area).to_contain_text("complementary suppression")
    table = by_area.get_by_role("table")
    expect(table.get_by_role("row", name=re.compile(f"^{OTHER_POSTCODE}"))).to_contain_text("<11")
    ashgrove = table.get_by_role("row", name=re.compile(f"^{POSTCODE}"))
    expect(ashgrove).to_contain_text("hidden")
    expect(ashgrove).not_to_contain_text("16")
    stories = page.get_by_role("region", name="Stories told with consent")
    expect(stories.get_by_role("heading", name=STORY_TITLE)).to_be_visible()
    for word in STORY_WORDS:
        expect(stories).to_contain_text(word)
    for identifier in (GIVEN, FAMILY, PHONE, STREET):
        expect(stories).not_to_contain_text(identifier)

    with page.expect_download() as csv_download:
        page.get_by_role("link", name="Download the CSV").click()
    with open(csv_download.value.path(), encoding="utf-8") as handle:
        rows = list(csv.DictReader(io.StringIO(handle.read())))
    assert any(row["shown"] == "<11" for row in rows)
    story_rows = [row for row in rows if row["section"] == "story"]
    text = " ".join(" ".join(row.values()) for row in story_rows)
    assert STORY_WORDS[0] in text
    assert not any(identifier in text for identifier in (GIVEN, FAMILY, PHONE, STREET))

    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Download the PDF").click()
    with open(pdf_download.value.path(), "rb") as handle:
        data = handle.read()
    assert data.startswith(b"%PDF")
    shown = pdf_text(data)
    assert "door I can lock" in shown
    assert not any(identifier in shown for identifier in (GIVEN, FAMILY, "555-0148", "Linden"))


# 6. The campaign is won; the organiser puts the program it won into the directory.
def win_and_list_the_program(page: Page) -> None:
    open_level(page, "Macro", "Campaigns")
    main(page).get_by_role("link", name=CAMPAIGN).click()
    page.get_by_role("link", name="Change the campaign").click()
    main(page).get_by_label("Status").select_option(label="Won")
    main(page).get_by_label("Outcome").fill(
        "The city funds rapid rehousing for survivors, run by the housing authority."
    )
    page.get_by_role("button", name="Save").click()
    expect(status(page)).to_contain_text("The campaign is saved.")
    expect(heading(page)).to_have_text(f"{CAMPAIGN} Won")

    won = page.get_by_role("region", name="What it won, in the directory")
    expect(won).to_contain_text("Nothing yet")
    won.get_by_role("link", name="Add the program it won to the directory").click()
    form = main(page)
    form.get_by_label("Organisation").fill(PROVIDER)
    form.get_by_label("Service name").fill(PROGRAM)
    form.get_by_label("Description").fill(
        "Places survivors of domestic violence in a home of their own within three months, with the deposit paid."
    )
    # The campaign's need is chosen to start with; the program also takes those at risk of eviction.
    expect(form.get_by_role("checkbox", name=HOUSING)).to_be_checked()
    form.get_by_role("checkbox", name="Housed, at risk of homelessness (Z59.811)").check()
    form.get_by_label("Phone").fill("(217) 555-0100")
    form.get_by_label("Street address").fill("200 Civic Plaza")
    form.get_by_label("City").fill("Springfield")
    form.get_by_label("State").fill("IL")
    form.get_by_label("ZIP code").fill(POSTCODE)
    page.get_by_role("button", name="Add to the directory").click()

    expect(heading(page)).to_have_text(PROGRAM)
    expect(status(page)).to_contain_text(f"{PROGRAM} is in the directory, won by {CAMPAIGN}.")
    expect(main(page)).to_contain_text(PROVIDER)
    expect(main(page)).to_contain_text("200 Civic Plaza")


# 7. The next case in Ashgrove: the advisor lists the new program near her, and she is referred in one step.
def refer_the_next_client(page: Page, case: Case) -> None:
    open_case_page(page, case.number)
    case_area(page, re.compile("^Level advisor"))
    expect(heading(page)).to_have_text(f"Level advisor for {NEXT_CLIENT}")
    housing = page.get_by_role("region", name=re.compile("^Housed, at risk of homelessness"))
    row = housing.get_by_role("row", name=re.compile(PROGRAM))
    expect(row).to_contain_text("In the client's postcode")
    expect(row).to_contain_text("200 Civic Plaza")
    row.get_by_label("What you ask the service to do").fill(
        "A home for Perpetua and her two children before the eviction date."
    )
    row.get_by_role("button", name=f"Refer to {PROGRAM}").click()

    expect(heading(page)).to_have_text(f"Referral to {PROGRAM}")
    expect(status(page)).to_contain_text("Referral recorded.")
    referral = page.get_by_role("region", name="The referral")
    expect(referral).to_contain_text("Recorded, not sent")
    expect(referral).to_contain_text("Housed, at risk of homelessness")
    referral_url = page.url

    # Sending passes the consent gate: she agrees, and the worker records it from the referral.
    consent = page.get_by_role("region", name="Consent")
    expect(consent.get_by_role("alert")).to_be_visible()
    consent.get_by_role("link", name="Record consent").click()
    # The form opens filled with the referral's purpose and recipient, and comes back to the referral.
    expect(main(page).get_by_label("Purpose")).to_have_value("referral")
    main(page).get_by_label("What may be shared, in the person's words").fill(
        "My name, my children's ages and that we face eviction"
    )
    page.get_by_role("button", name=re.compile("Save|Record")).click()
    expect(page).to_have_url(referral_url)
    expect(page.get_by_role("region", name="Consent")).to_contain_text("In force")
    page.get_by_role("button", name="Send the referral").click()
    expect(page.get_by_role("region", name="The referral")).to_contain_text("Sent")

    page.get_by_role("link", name="All referrals on this case").click()
    expect(heading(page)).to_have_text(f"Referrals for {NEXT_CLIENT}")
    expect(main(page).get_by_role("row", name=re.compile(PROGRAM))).to_contain_text("Sent")


def test_the_survivor_journey_from_one_case_to_a_campaign_and_back(
    new_page: Callable[[], Page], agency: Agency, housing_cluster: None
) -> None:
    worker = new_page()
    sign_in(worker, agency.caseworker)
    number = counsel(worker, agency.client)
    enrol_in_the_survivors_group(worker)

    # The scheduler runs the nightly task; its function is called here as the worker process would.
    result = tasks.find_signals.call()
    assert result["found"] >= 1

    supervisor = new_page()
    sign_in(supervisor, agency.supervisor)
    accept_the_signal_as_a_campaign(supervisor)

    propose_her_story(worker, number)
    approve_her_story(supervisor)

    organiser = new_page()
    sign_in(organiser, agency.organiser)
    build_the_evidence_pack(organiser)
    win_and_list_the_program(organiser)

    refer_the_next_client(worker, agency.next_case)
