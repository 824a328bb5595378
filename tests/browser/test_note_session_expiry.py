"""In a real browser, a note survives the end of the session: it is autosaved while typed, the page
warns before the session ends and can keep it open, and after the session has ended the worker signs
in again and lands back on the draft, text and all, then signs it with the attestation.

Clicks for "write and sign a note" from the casework overview, typing aside: before issue 12, three
(New DAP note, Save draft, Sign and lock on the note page); now also three (New DAP note, the
attestation box, Sign and lock on the form itself), since autosave keeps the draft without a save.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.sessions.models import Session
from playwright.sync_api import Page, expect

from tapestry.access.models import Role, User
from tapestry.micro.casework.models import ProgressNote
from tapestry.testing import PersonFactory, UserFactory, open_case
from tests.browser.signing import submit_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = "Ottoline came alone and talked about the landlord's letter; she wants to stay in the flat."


@pytest.fixture
def worker(settings) -> User:
    settings.TAPESTRY_DEMO_OTP_BYPASS = True
    return UserFactory(username="elena", first_name="Elena", last_name="Vargas", role=Role.CASEWORKER)


def saved_in_the_database(page: Page, field: str, text: str) -> None:
    """Wait (in the browser's time) for the autosave to reach the database."""
    for _ in range(80):
        if getattr(ProgressNote.objects.get(), field) == text:
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"the autosave never saved {field}")


def test_a_note_written_across_a_session_expiry_comes_back_after_signing_in(page: Page, worker, settings):
    case = open_case(worker, PersonFactory(given_name="Ottoline", family_name="Marsh"), segment="")
    # The first request loads every app's URLs: on a busy machine it takes longer.
    page.goto("/accounts/login/", timeout=30_000)
    submit_sign_in(page, worker.username)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome, Elena")

    page.goto(f"/casework/case/{case.pk}/")
    page.get_by_role("link", name="New DAP note").click()
    page.locator("main").get_by_label("Data").fill(TEXT)
    status = page.locator("[data-autosave-status]")
    expect(status).to_have_text(re.compile(r"^Saved \d\d:\d\d$"), timeout=15_000)
    note = ProgressNote.objects.get()
    # The page's address is now the draft's, so a reload or a sign-in comes back to it.
    expect(page).to_have_url(re.compile(rf"/casework/notes/{note.pk}/edit/$"))
    assert note.data == TEXT and note.status == ProgressNote.Status.DRAFT

    page.locator("main").get_by_label("Assessment").fill("Worried but clear about what she wants.")
    saved_in_the_database(page, "assessment", "Worried but clear about what she wants.")
    expect(status).to_have_text(re.compile(r"^Saved \d\d:\d\d$"))

    # The session ends (the server forgets it) while the page stays open; the next save is a sign-in.
    Session.objects.all().delete()
    page.locator("main").get_by_label(re.compile(r"^Plan\b")).fill("See her next week with the letter.")
    banner = page.get_by_role("alert").filter(has_text="Your session has ended")
    expect(banner).to_be_visible(timeout=15_000)
    expect(banner).to_contain_text("Your draft was saved at")
    banner.get_by_role("link", name="Sign in again").click()

    submit_sign_in(page, worker.username)
    expect(page).to_have_url(re.compile(rf"/casework/notes/{note.pk}/edit/$"))
    expect(page.locator("main").get_by_label("Data")).to_have_value(TEXT)
    expect(page.locator("main").get_by_label("Assessment")).to_have_value(
        "Worried but clear about what she wants."
    )

    # What was typed after the session ended is typed again, and the note is signed from the form.
    page.locator("main").get_by_label(re.compile(r"^Plan\b")).fill("See her next week with the letter.")
    page.get_by_role("button", name="Sign and lock the note").click()
    expect(page.get_by_text("Tick the attestation to sign")).to_be_visible()
    page.get_by_label("I attest this note is accurate and complete.").check()
    page.get_by_role("button", name="Sign and lock the note").click()
    expect(page.get_by_text("Signed by Elena Vargas")).to_be_visible()
    expect(page.locator("main")).to_contain_text("See her next week with the letter.")
    assert ProgressNote.objects.count() == 1


def test_the_warning_before_the_end_keeps_the_session_open(page: Page, worker, settings):
    settings.SESSION_COOKIE_AGE = 20  # the warning shows for the last quarter: five seconds
    case = open_case(worker, segment="")
    page.goto("/accounts/login/", timeout=30_000)
    submit_sign_in(page, worker.username)
    page.goto(f"/casework/case/{case.pk}/notes/new/")

    warning = page.get_by_role("alert").filter(has_text="You will be signed out at")
    expect(warning).to_be_visible(timeout=30_000)
    warning.get_by_role("button", name="Stay signed in").click()
    expect(warning).to_have_count(0)

    page.locator("main").get_by_label("Data").fill("Still here.")
    expect(page.locator("[data-autosave-status]")).to_have_text(re.compile(r"^Saved "), timeout=15_000)
