"""In a real browser, a PHQ-9 with item 9 answered raises a suicide-risk alert that follows the client.

The client already has a crisis case with a safety plan and a draft note; the caseworker gives the
PHQ-9 through its page, answering item 9 "Several days". The alert then shows, saying why, on the
case page, the person's page, the note page and the printed safety plan (printed as on paper).
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tapestry.access.models import Role, User
from tapestry.micro.casework.tests.factories import note_for
from tapestry.micro.crisis.tests.factories import crisis_case, plan
from tapestry.testing import PersonFactory, UserFactory
from tests.browser.signing import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REASON = "PHQ-9 item 9 (thoughts of being better off dead or of self-harm) answered 'Several days' (1)."
# A mild total (7) with item 9 answered: the alert is about suicide risk, not the score.
ANSWERS = {
    "q1": "Several days",
    "q2": "More than half the days",
    "q3": "Several days",
    "q4": "Several days",
    "q5": "Not at all",
    "q6": "Several days",
    "q7": "Not at all",
    "q8": "Not at all",
    "q9": "Several days",
}


@pytest.fixture
def worker(settings: pytest.FixtureRequest) -> User:
    settings.TAPESTRY_DEMO_OTP_BYPASS = True
    return UserFactory(username="rosa", first_name="Rosa", last_name="Okafor", role=Role.CASEWORKER)


def alerts(page: Page):
    return page.get_by_role("region", name="Alerts")


def test_a_phq9_with_item_9_raises_an_alert_seen_on_every_page_about_the_client(page: Page, worker: User):
    client = PersonFactory(given_name="Tomasz", family_name="Lindqvist")
    case = crisis_case(worker, person=client)
    plan(worker, case)
    note = note_for(worker, case)
    # The first pages of a cold live server can be slow on a shared machine.
    page.set_default_timeout(60_000)
    sign_in(page, worker)

    page.goto(reverse("cases:case_detail", args=[case.pk]))
    expect(alerts(page)).not_to_contain_text("Suicide risk")

    page.goto(reverse("assessments:assessment_new", args=[case.pk, "phq-9"]))
    for code, answer in ANSWERS.items():
        page.locator(f"#item-{code}").get_by_label(answer, exact=True).check()
    page.get_by_role("button", name="Score and save").click()
    banner = page.get_by_role("alert").filter(has_text="Risk of suicide")
    expect(banner).to_contain_text(REASON)
    expect(banner).not_to_contain_text("at or above")

    for url in (
        reverse("cases:case_detail", args=[case.pk]),
        reverse("people:person_detail", args=[client.pk]),
        reverse("casework:note_detail", args=[note.pk]),
    ):
        page.goto(url)
        expect(alerts(page)).to_contain_text("Suicide risk")
        expect(alerts(page)).to_contain_text(REASON)
        expect(alerts(page)).to_contain_text("Safety plan in force")

    page.goto(reverse("crisis:safety_plan_print", args=[case.pk]))
    page.emulate_media(media="print")
    expect(alerts(page)).to_be_visible()
    expect(alerts(page)).to_contain_text(REASON)
    expect(alerts(page).get_by_role("link")).to_have_count(0)
