"""In a real browser, on a phone, a facilitator takes today's attendance from home in two taps.

The group meets today by its schedule and no session has been recorded yet. From the home page the
facilitator taps "Take the roll" (the session is opened from the schedule, with no topic asked)
and, with everyone present, "Mark the rest present and save". The issue asks for at most three.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from tapestry.access.models import Role, User
from tapestry.mezzo.group_sessions.models import Attendance, Session
from tapestry.mezzo.group_sessions.tests.factories import enrol, make_group
from tapestry.testing import PersonFactory, UserFactory
from tests.browser.signing import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MEMBERS = ["Rosalind Fairweather", "Tobias Quennell", "Imogen Ashdown", "Marisol Penhallow"]


@pytest.fixture
def phone(browser: Browser, live_server: object) -> Iterator[Page]:
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def facilitator(settings: pytest.FixtureRequest) -> User:
    settings.TAPESTRY_DEMO_OTP_BYPASS = True
    return UserFactory(username="dana", first_name="Dana", last_name="Okafor", role=Role.GROUP_FACILITATOR)


def test_everyone_present_is_two_taps_from_home(phone: Page, facilitator: User):
    group = make_group(
        facilitator,
        name="Thursday grief circle",
        first_session_on=timezone.localdate() - dt.timedelta(weeks=3),
    )
    for name in MEMBERS:
        given, family = name.split()
        enrol(group, PersonFactory(given_name=given, family_name=family))

    sign_in(phone, facilitator)

    taps = 0
    groups = phone.get_by_role("region", name="Your groups")
    groups.get_by_role("button", name="Take the roll of Thursday grief circle").tap()
    taps += 1
    expect(phone.get_by_role("heading", level=1)).to_contain_text("Attendance on")
    for name in MEMBERS:
        expect(phone.locator("main")).to_contain_text(name)
    phone.get_by_role("button", name="Mark the rest present and save").tap()
    taps += 1
    expect(phone.get_by_role("status")).to_contain_text(f"Attendance saved for {len(MEMBERS)} members")

    assert taps <= 3
    session = Session.objects.get(group=group)
    assert session.held_on == timezone.localdate() and session.topic == ""
    assert Attendance.objects.filter(session=session, status="present").count() == len(MEMBERS)
