"""axe-core over the pages each role reaches from its level pages, in a real Chromium.

The pages are those of tests/browser/crawl.py (every role, the level pages and two link levels, one
page per URL name). Any violation of impact "serious" or "critical" fails the test, with the rule,
the page and the first offending nodes. axe.min.js comes bundled with axe-playwright-python: nothing
is fetched at run time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.browser.crawl import crawl, links_on, open_html

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FAILING_IMPACTS = {"serious", "critical"}
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


def check(page: Page, axe: Axe, role: str, url: str, origin: str) -> tuple[list[Finding], list[str] | None]:
    """Open a page and run axe on it; the findings, and the page's links (None if not HTML)."""
    response = open_html(page, url)
    if response is None:
        return [], None
    if response.status >= 500:
        return [Finding(role, url, f"HTTP {response.status}", "critical", "the page failed")], None
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
    findings: list[Finding] = []

    def visit(page: Page, role: str, url: str) -> list[str] | None:
        found, links = check(page, axe, role, url, origin)
        findings.extend(found)
        return links

    checked, details = crawl(browse, origin, visit)
    print(f"{checked} pages checked in all, {details} of them pages of one record")
    assert details >= 10, "the demo agency should lead to detail pages (a person, a case, a group)"
    report = "\n".join(str(finding) for finding in findings)
    assert not findings, f"{len(findings)} serious or critical axe violations:\n{report}"
