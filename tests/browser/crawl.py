"""Walking the pages each role reaches from its level pages, for checks that read every page
(axe-core in test_accessibility.py, untranslated text in test_spanish.py).

For every role, sign in to the demo agency, open the four level pages, follow every link on them,
then every same-site link on those pages (two link levels), one page per Django URL name.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.urls import Resolver404, resolve
from playwright.sync_api import Browser, Error, Page, Response

from tapestry.demo.generate import DEMO_PASSWORD
from tapestry.front.levels import levels
from tests.browser.signing import submit_sign_in

# One demo login per role that has work on a level page (the demo's username is the role).
ROLES = (
    "caseworker",
    "group_facilitator",
    "supervisor",
    "program_manager",
    "evaluator",
    "community_organiser",
    "grants_officer",
    "agency_director",
)
DOWNLOADS = (".pdf", ".csv", ".ics", ".json", ".zip", ".xlsx", ".png", ".svg")
# Not pages of ours: the JSON API, its docs, signing out, the Django admin.
SKIPPED_PREFIXES = ("/api/", "/accounts/logout/", "/static/", "/media/", "/admin/")


@pytest.fixture
def demo_agency(settings: pytest.FixtureRequest) -> None:
    # The live server runs in this process, so the setting reaches it: sign in with a password only.
    settings.TAPESTRY_DEMO_OTP_BYPASS = True
    call_command("seed_demo", stdout=_Null())


class _Null:
    def write(self, _text: str) -> None:
        pass


@pytest.fixture
def browse(browser: Browser, live_server: object) -> Iterator[callable]:
    contexts = []

    def open_page() -> Page:
        context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def sign_in(page: Page, username: str) -> None:
    page.goto("/accounts/login/")
    with page.expect_navigation():
        submit_sign_in(page, username, DEMO_PASSWORD)
    assert "/accounts/login/" not in page.url, f"{username} could not sign in"


def url_name(path: str) -> str | None:
    """The Django URL name a path resolves to (namespace included), or None when it is not ours."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name or match._func_path


def followable(href: str, origin: str) -> str | None:
    """The same-site path (and query) worth visiting, or None for downloads, sign-out, other sites."""
    absolute = urljoin(origin + "/", href)
    parts = urlsplit(absolute)
    if f"{parts.scheme}://{parts.netloc}" != origin or parts.scheme not in ("http", "https"):
        return None
    path = parts.path
    if path.lower().endswith(DOWNLOADS) or path.startswith(SKIPPED_PREFIXES):
        return None
    if "export=" in parts.query or "format=" in parts.query:
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def links_on(page: Page, origin: str) -> list[str]:
    hrefs = page.eval_on_selector_all(
        "a[href]:not([download])", "links => links.map(link => link.getAttribute('href'))"
    )
    found = []
    for href in hrefs:
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        target = followable(href, origin)
        if target is not None:
            found.append(target)
    return found


def open_html(page: Page, url: str) -> Response | None:
    """Go to a page; None when it is a download or not HTML (a 5xx answer is returned as it is)."""
    try:
        response = page.goto(url)
    except Error as error:  # a download starts instead of a page
        if "Download is starting" in str(error):
            return None
        raise
    if response is None:
        return None
    if response.status < 500 and "text/html" not in (response.headers.get("content-type") or ""):
        return None
    return response


def crawl(
    browse: Callable[[], Page], origin: str, visit: Callable[[Page, str, str], list[str] | None]
) -> tuple[int, int]:
    """Call `visit(page, role, url)` on each page once per role and URL name (a page two links away
    once for the first role that reaches it, to keep the run within a few minutes); `visit` returns
    the page's links to follow. Returns (pages visited, of them pages of one record)."""
    level_paths = [f"/level/{level.slug}/" for level in levels()]
    assert len(level_paths) == 4
    checked = details = 0
    deep_seen: set[str] = set()
    for role in ROLES:
        page = browse()
        sign_in(page, role)
        seen: set[str] = set()
        frontier = list(level_paths)
        for depth in range(3):  # the level pages, their links, and the links on those
            following: list[str] = []
            for url in frontier:
                path = urlsplit(url).path
                # The four level pages share one URL name; each is its own page.
                name = path if path in level_paths else url_name(path)
                if name is None or name in seen or (depth == 2 and name in deep_seen):
                    continue
                seen.add(name)
                if depth == 2:
                    deep_seen.add(name)
                started = time.monotonic()
                links = visit(page, role, url)
                print(f"  {role} {url} {time.monotonic() - started:.1f}s")
                checked += 1
                if path not in level_paths and resolve(path).kwargs:
                    details += 1
                following.extend(links or [])
            frontier = following
        print(f"{role}: {len(seen)} pages")
    return checked, details
