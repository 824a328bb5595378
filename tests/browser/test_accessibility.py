"""axe-core over the pages each role reaches from its level pages, in a real Chromium.

For every role below, sign in to the demo agency, open the four level pages, follow every link on
them, then every same-site link on those pages (two link levels), one page per Django URL name, and
run axe-core on each. Any violation of impact "serious" or "critical" fails the test, with the rule,
the page and the first offending nodes. axe.min.js comes bundled with axe-playwright-python: nothing
is fetched at run time.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.urls import Resolver404, resolve
from playwright.sync_api import Browser, Error, Page

from tapestry.demo.generate import DEMO_PASSWORD
from tapestry.front.levels import levels
from tests.browser.signing import submit_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

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
FAILING_IMPACTS = {"serious", "critical"}
DOWNLOADS = (".pdf", ".csv", ".ics", ".json", ".zip", ".xlsx", ".png", ".svg")
# Not pages of ours: the JSON API, its docs, signing out, the Django admin.
SKIPPED_PREFIXES = ("/api/", "/accounts/logout/", "/static/", "/media/", "/admin/")
NODES_SHOWN = 3


@dataclass
class Finding:
    role: str
    url: str
    rule: str
    impact: str
    help: str
    targets: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        nodes = "; ".join(self.targets)
        return f"[{self.impact}] {self.rule} on {self.url} as {self.role}: {self.help}\n    {nodes}"


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


def check(page: Page, axe: Axe, role: str, url: str, origin: str) -> tuple[list[Finding], list[str] | None]:
    """Open a page and run axe on it; the findings, and the page's links (None if not HTML)."""
    try:
        response = page.goto(url)
    except Error as error:  # a download starts instead of a page
        if "Download is starting" in str(error):
            return [], None
        raise
    if response is not None and response.status >= 500:
        return [Finding(role, url, f"HTTP {response.status}", "critical", "the page failed")], None
    if response is None or "text/html" not in (response.headers.get("content-type") or ""):
        return [], None
    results = axe.run(page)
    findings = [
        Finding(
            role,
            url,
            violation["id"],
            violation["impact"],
            violation["help"],
            [", ".join(map(str, node["target"])) for node in violation["nodes"][:NODES_SHOWN]],
        )
        for violation in results.response["violations"]
        if violation["impact"] in FAILING_IMPACTS
    ]
    return findings, links_on(page, origin)


def test_pages_two_links_from_the_level_pages_have_no_serious_axe_violations(
    demo_agency: None, browse: callable, live_server: object
):
    axe = Axe()
    origin = live_server.url.rstrip("/")
    level_paths = [f"/level/{level.slug}/" for level in levels()]
    assert len(level_paths) == 4
    findings: list[Finding] = []
    checked = details = 0
    # The level pages and the pages they link to are checked for every role (what a role sees there
    # differs most); a page two links away, once for the first role that reaches it, to keep the
    # run within a few minutes.
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
                found, links = check(page, axe, role, url, origin)
                print(f"  {role} {url} {time.monotonic() - started:.1f}s {len(found)} findings")
                checked += 1
                if path not in level_paths and resolve(path).kwargs:
                    details += 1
                findings.extend(found)
                following.extend(links or [])
            frontier = following
        print(f"{role}: {len(seen)} pages checked")

    print(f"{checked} pages checked in all, {details} of them pages of one record")
    assert details >= 10, "the demo agency should lead to detail pages (a person, a case, a group)"
    report = "\n".join(str(finding) for finding in findings)
    assert not findings, f"{len(findings)} serious or critical axe violations:\n{report}"
