"""In a real browser, a facilitator runs a support group from its set-up to its outcome report.

The facilitator sets up a grief support group (weekly, four places), registers community members
from the sign-up sheet of the first session, and a caseworker enrols a client from her case. A
fifth person goes to the waiting list, not silently into an over-full group. Each member gives a
PHQ-2 before the group; three sessions are recorded with one-tap attendance; the member who misses
sessions shows in the attendance rates; post measures and a goal met lead to the outcome report.
Only the two staff accounts and the client's case exist beforehand: the rest is done through pages.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from tapestry.access.models import Role, User
from tapestry.mezzo.group_sessions.models import Attendance, Session
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.micro.cases.models import Case
from tapestry.testing import TEST_PASSWORD, PersonFactory, UserFactory, open_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GROUP = "Thursday grief circle"
COMMUNITY = ["Rosalind Fairweather", "Tobias Quennell", "Imogen Ashdown"]
CLIENT = "Marisol Penhallow"
MEMBERS = [*COMMUNITY, CLIENT]
# PHQ-2 answers (items 1 and 2) before and after; totals 5, 4, 3, 4 before and 2, 2, 1, 3 after.
PHQ2_PRE = {
    "Rosalind Fairweather": ("Nearly every day", "More than half the days"),
    "Tobias Quennell": ("More than half the days", "More than half the days"),
    "Imogen Ashdown": ("More than half the days", "Several days"),
    CLIENT: ("More than half the days", "More than half the days"),
}
PHQ2_POST = {
    "Rosalind Fairweather": ("Several days", "Several days"),
    "Tobias Quennell": ("Several days", "Several days"),
    "Imogen Ashdown": ("Several days", "Not at all"),
    CLIENT: ("More than half the days", "Several days"),
}
# Attendance per session; Tobias misses the second and third.
ROLLS = [
    {
        "Rosalind Fairweather": "Present",
        "Tobias Quennell": "Present",
        "Imogen Ashdown": "Late",
        CLIENT: "Present",
    },
    {
        "Rosalind Fairweather": "Present",
        "Tobias Quennell": "Absent",
        "Imogen Ashdown": "Present",
        CLIENT: "Excused",
    },
    {
        "Rosalind Fairweather": "Present",
        "Tobias Quennell": "Absent",
        "Imogen Ashdown": "Present",
        CLIENT: "Present",
    },
]


@dataclass
class Agency:
    facilitator: User
    caseworker: User
    case: Case
    first_session: dt.date


@pytest.fixture
def agency(settings: pytest.FixtureRequest) -> Agency:
    settings.TAPESTRY_DEMO_OTP_BYPASS = True
    facilitator = UserFactory(
        username="dana", first_name="Dana", last_name="Okafor", role=Role.GROUP_FACILITATOR
    )
    caseworker = UserFactory(username="elena", first_name="Elena", last_name="Vargas", role=Role.CASEWORKER)
    given, family = CLIENT.split()
    case = open_case(caseworker, person=PersonFactory(given_name=given, family_name=family), segment="")
    # Weekly from two weeks ago, so sessions one to three have all been held by today.
    return Agency(facilitator, caseworker, case, timezone.localdate() - dt.timedelta(days=14))


@pytest.fixture
def second_page(browser: Browser, live_server: object) -> Iterator[Page]:
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def sign_in(page: Page, user: User) -> None:
    page.goto("/accounts/login/")
    form = page.locator("form:has(input[name=password])")
    form.locator("input[name=username]").fill(user.username)
    form.locator("input[name=password]").fill(TEST_PASSWORD)
    form.locator("[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Welcome, {user.first_name}")


def heading(page: Page):
    return page.get_by_role("heading", level=1)


def main(page: Page):
    return page.locator("main")


def set_up_group(page: Page, agency: Agency) -> None:
    page.get_by_role("navigation", name="Levels of practice").get_by_role("link", name="Mezzo").click()
    main(page).get_by_role("link", name="My groups", exact=True).click()
    main(page).get_by_role("link", name=re.compile("Set up a group")).first.click()
    expect(heading(page)).to_have_text("Set up a group")
    form = main(page)
    form.get_by_label("Name").fill(GROUP)
    form.get_by_label("Kind").select_option(label="Support group")
    form.get_by_label("Purpose").fill("Peer support for adults grieving the death of someone close.")
    form.get_by_label("Focus needs").select_option(label="Disappearance or death of a family member (Z63.4)")
    form.get_by_label("Facilitators").select_option(label="Dana Okafor (Group facilitator)")
    form.get_by_label("Location").fill("Riverside community centre, room 2")
    form.get_by_label("Capacity").fill("4")
    form.get_by_label("First session").fill(agency.first_session.isoformat())
    form.get_by_label("Starts at").fill("18:30")
    form.get_by_label("Number of sessions").fill("8")
    form.get_by_label("Eligibility").fill("Adults bereaved in the last two years.")
    page.get_by_role("button", name="Set up the group").click()
    expect(heading(page)).to_have_text(GROUP)
    expect(page.get_by_role("status")).to_contain_text("is set up")
    expect(main(page)).to_contain_text("4 of 4 free")


def register(page: Page, name: str, joined_on: dt.date) -> None:
    main(page).get_by_role("link", name="Register a community member").first.click()
    given, family = name.split()
    main(page).get_by_label("Given name").fill(given)
    main(page).get_by_label("Family name").fill(family)
    main(page).get_by_label("Joined on").fill(joined_on.isoformat())
    page.get_by_role("button", name="Register").click()
    expect(heading(page)).to_have_text(GROUP)


def record_phq2(page: Page, phase: str, answers: dict[str, tuple[str, str]]) -> None:
    for name, (first, second) in answers.items():
        page.get_by_role("link", name=f"Record {phase} for {name}").click()
        expect(heading(page)).to_contain_text(f"PHQ-2, {phase} measure for {name}")
        page.locator("#item-q1").get_by_label(first, exact=True).check()
        page.locator("#item-q2").get_by_label(second, exact=True).check()
        page.get_by_role("button", name="Score and save").click()
        expect(heading(page)).to_contain_text("Pre and post measures")


def record_session(page: Page, number: int, held_on: dt.date, roll: dict[str, str]) -> None:
    page.get_by_role("link", name="Record a session").first.click()
    main(page).get_by_label(re.compile(r"^Date\b")).fill(held_on.isoformat())
    main(page).get_by_label("Topic").fill(
        f"Week {number}: {['Telling our stories', 'Anniversaries', 'Carrying on'][number - 1]}"
    )
    main(page).get_by_label("Activities").fill("Check-in round, a short reading, closing circle.")
    main(page).get_by_label("Dana Okafor").check()
    page.get_by_role("button", name="Save").click()
    expect(heading(page)).to_have_text(f"Attendance on {held_on.day} {held_on:%b %Y}")
    # One screen, one tap per member, one save.
    for name, mark in roll.items():
        page.get_by_role("group", name=name).get_by_text(mark, exact=True).click()
    page.get_by_role("button", name="Save attendance").click()
    expect(heading(page)).to_contain_text(f"Week {number}")
    for name, mark in roll.items():
        expect(main(page).get_by_role("row", name=name)).to_contain_text(mark)


def test_a_support_group_from_set_up_through_three_sessions_to_its_outcome_report(
    page: Page, second_page: Page, agency: Agency
) -> None:
    first = agency.first_session
    sign_in(page, agency.facilitator)
    set_up_group(page, agency)
    group_url = page.url
    for name in COMMUNITY:
        register(page, name, first)

    # The caseworker enrols her client from the case, and sees the group on it.
    sign_in(second_page, agency.caseworker)
    second_page.goto(reverse("cases:case_detail", kwargs={"pk": agency.case.pk}))
    second_page.get_by_role("region", name="Everything on this case").get_by_role(
        "link", name="Groups", exact=True
    ).click()
    expect(heading(second_page)).to_have_text(f"Groups for {CLIENT}")
    main(second_page).get_by_label(re.compile(r"^Group\b")).select_option(label=GROUP)
    main(second_page).get_by_label("Joined on").fill(first.isoformat())
    second_page.get_by_role("button", name="Enrol").click()
    expect(main(second_page).get_by_role("row", name=f"{GROUP} Enrolled")).to_be_visible()

    # The group is now full: the next person waits, in order, and is told so.
    page.goto(group_url)
    expect(main(page)).to_contain_text("Full (4 places)")
    register(page, "Winifred Harcourt", timezone.localdate())
    expect(page.get_by_role("status")).to_contain_text("waiting list")
    waiting = main(page).get_by_role("table").filter(has_text="Place")
    expect(waiting.get_by_role("row", name="Winifred Harcourt")).to_contain_text("1")

    # Before the group: a PHQ-2 for each member.
    main(page).get_by_role("link", name="Pre/post measures").click()
    main(page).get_by_role("combobox", name=re.compile("^Instrument")).select_option(
        label="PHQ-2: Patient Health Questionnaire, 2 items (depression screen)"
    )
    page.get_by_role("button", name="Add the instrument").click()
    record_phq2(page, "pre", PHQ2_PRE)

    for number, roll in enumerate(ROLLS, start=1):
        page.goto(group_url)
        record_session(page, number, first + dt.timedelta(days=7 * (number - 1)), roll)

    # Attendance rates: a chart with its data table; Tobias came to one session of three.
    page.goto(group_url)
    main(page).get_by_role("link", name="Attendance rates").click()
    expect(main(page).locator("svg")).to_have_count(1)
    members = main(page).get_by_role("table").filter(has_text="Sessions since joining")
    expect(members.get_by_role("row", name="Tobias Quennell")).to_contain_text("33%")
    expect(members.get_by_role("row", name="Rosalind Fairweather")).to_contain_text("100%")

    # After the group: post measures and the group's goal.
    page.goto(group_url)
    main(page).get_by_role("link", name="Pre/post measures").click()
    record_phq2(page, "post", PHQ2_POST)
    page.goto(group_url)
    main(page).get_by_role("link", name="Group goals").click()
    main(page).get_by_label(re.compile(r"^Goal\b")).fill("Members feel less alone with their grief")
    main(page).get_by_label("Measure or indicator").fill("Closing-circle self-report")
    main(page).get_by_label(re.compile(r"^Target")).fill("Most members say so")
    main(page).get_by_label(re.compile(r"^Status")).select_option(label="Met")
    page.get_by_role("button", name="Add the goal").click()
    expect(main(page).get_by_role("row", name=re.compile("Members feel less alone"))).to_contain_text("Met")

    # The outcome report: every member's change, the average, and the goal met.
    page.goto(group_url)
    main(page).get_by_role("link", name="Outcome report").click()
    expect(heading(page)).to_have_text(f"Outcome report: {GROUP}")
    expect(page.get_by_role("region", name="Goals met")).to_contain_text("1 of 1")
    averages = main(page).get_by_role("table").filter(has_text="Average change")
    # Before 5, 4, 3, 4 (average 4.0); after 2, 2, 1, 3 (average 2.0): an average change of -2.
    phq2 = averages.get_by_role("row", name=re.compile("PHQ-2"))
    expect(phq2.get_by_role("cell")).to_have_text(["4", "4.0", "2.0", "-2.0"])
    rows = page.get_by_role("region", name="PHQ-2").get_by_role("table")
    expect(rows.get_by_role("row", name="Rosalind Fairweather")).to_contain_text("-3")
    expect(rows.get_by_role("row", name=CLIENT)).to_contain_text("Yes")
    expect(page.get_by_role("region", name="PHQ-2")).to_contain_text("4 of 4")


def test_attendance_for_twenty_members_fits_a_phone_and_saves_in_one_post(
    browser: Browser, live_server: object, agency: Agency
) -> None:
    group = Group.objects.create(
        name="Youth club",
        kind=Group.Kind.YOUTH,
        purpose="A weekly club for teenagers.",
        capacity=25,
        first_session_on=agency.first_session,
        start_time=dt.time(16, 0),
        status=Group.Status.RUNNING,
    )
    group.facilitators.set([agency.facilitator])
    for number in range(20):
        Membership.objects.create(
            group=group,
            person=PersonFactory(given_name=f"Member{number:02d}", family_name="Tester"),
            status=Membership.Status.ENROLLED,
            enrolled_on=agency.first_session,
        )
    session = Session.objects.create(
        group=group, held_on=timezone.localdate(), start_time=dt.time(16, 0), topic="Games night"
    )
    context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
    context.set_default_timeout(10_000)
    phone = context.new_page()
    try:
        sign_in(phone, agency.facilitator)
        phone.goto(reverse("group_sessions:attendance", kwargs={"pk": session.pk}))
        # Nothing sideways to scroll on a 360-pixel screen, and each button is big enough to tap.
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360
        first = phone.get_by_role("group", name="Member00 Tester").get_by_text("Present", exact=True)
        box = first.bounding_box()
        assert box is not None and box["height"] >= 40
        first.click()
        phone.get_by_role("group", name="Member01 Tester").get_by_text("Absent", exact=True).click()
        posts = []
        phone.on("request", lambda request: posts.append(request) if request.method == "POST" else None)
        phone.get_by_role("button", name="Mark the rest present and save").click()
        expect(heading(phone)).to_have_text("Games night")
    finally:
        context.close()
    assert len(posts) == 1
    marks = dict(
        Attendance.objects.filter(session=session).values_list("membership__person__given_name", "status")
    )
    assert len(marks) == 20
    assert marks["Member01"] == Attendance.Mark.ABSENT
    assert list(marks.values()).count(Attendance.Mark.PRESENT) == 19
