"""Signing in through the real login page, shared by the browser tests."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tapestry.access.models import User
from tapestry.testing import TEST_PASSWORD


def submit_sign_in(page: Page, username: str, password: str = TEST_PASSWORD) -> None:
    """Fill and send the login form already on the page (the password step; the demo asks no code)."""
    form = page.locator("form:has(input[name=password])")
    form.locator("input[name=username]").fill(username)
    form.locator("input[name=password]").fill(password)
    form.locator("[type=submit]").click()


def sign_in(page: Page, user: User) -> None:
    """Open the login page, sign in as `user` and wait for their home page.

    The live server's first request loads every app's URLs: on a busy machine it takes a while.
    """
    page.goto("/accounts/login/", timeout=30_000)
    submit_sign_in(page, user.username)
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Welcome, {user.first_name}")
