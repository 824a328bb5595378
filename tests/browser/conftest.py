"""Real-Chromium fixtures: a headless Debian chromium per module, a fresh browser context per test."""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator

import pytest
from django.core.servers.basehttp import WSGIServer
from django.db import connection
from playwright.sync_api import Browser, Page, sync_playwright
from pytest_django.live_server_helper import LiveServer

ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
_APPEND_ONLY = importlib.import_module("tapestry.access.migrations.0002_audit_append_only")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    # Debian's chromium, never a downloaded build (`playwright install` is not used).
    executable = os.environ.get("TAPESTRY_CHROMIUM", "/usr/bin/chromium")
    if not os.access(executable, os.X_OK):
        pytest.fail(
            f"Chromium not found at {executable}; install Debian's chromium or set TAPESTRY_CHROMIUM."
        )
    # Playwright's sync API keeps an event loop in this thread, so Django would refuse the ORM
    # calls of tests and fixtures as "async". Allow them only while the browser runs: the flag
    # must not leak into other tests (`check --deploy` in a subprocess rejects it).
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=executable, headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture
def page(browser: Browser, live_server: object) -> Iterator[Page]:
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _needs_taxonomy(transactional_db: None) -> None:
    """The taxonomy of needs the data migration loads: a live-server test's closing flush empties
    every table, so the next test in the session would find none. Put it back before each test."""
    from tapestry.needs.models import Barrier, Need
    from tapestry.needs.taxonomy import load

    load(Need, Barrier)


@pytest.fixture(autouse=True)
def _audit_log_cleared_after_test(transactional_db: None) -> Iterator[None]:
    """Let the live-server test's closing database flush past the audit log's append-only triggers.

    A transactional test ends by deleting every row, which the triggers refuse once a page has
    written an audit entry. Lift them, empty the log, and put them back. PostgreSQL's TRUNCATE
    guard stays off until the next browser test starts, because the flush itself truncates.
    """
    with connection.cursor() as cursor:
        _execute(cursor, _APPEND_ONLY.SQLITE_DOWN, _APPEND_ONLY.POSTGRES_DOWN)
        _execute(cursor, _APPEND_ONLY.SQLITE_UP, _APPEND_ONLY.POSTGRES_UP)
    yield
    with connection.cursor() as cursor:
        _execute(cursor, _APPEND_ONLY.SQLITE_DOWN, _APPEND_ONLY.POSTGRES_DOWN)
        cursor.execute("DELETE FROM access_auditentry")
        row_triggers = [sql for sql in _APPEND_ONLY.POSTGRES_UP if "TRUNCATE" not in sql]
        _execute(cursor, _APPEND_ONLY.SQLITE_UP, row_triggers)


def _execute(cursor: object, sqlite: list[str], postgresql: list[str]) -> None:
    for statement in {"sqlite": sqlite, "postgresql": postgresql}.get(connection.vendor, []):
        cursor.execute(statement)


class _SerialWSGIServer(WSGIServer):
    """One request at a time: the live server shares one in-memory SQLite connection between its
    threads, so the parallel htmx requests of a page (the case workspace's sections, for one) would lock each other's tables. Django closes
    each connection after its response when the server is not threaded, so nothing waits on a
    keep-alive socket."""

    def __init__(self, *args: object, connections_override: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)


@pytest.fixture(scope="module")
def live_server(django_db_setup: None, django_db_blocker: object) -> Iterator[LiveServer]:
    """pytest-django's live server, answering serially (see _SerialWSGIServer)."""
    with django_db_blocker.unblock():
        server = LiveServer("localhost", start=False)
        server.thread.server_class = _SerialWSGIServer
        server.start()
    yield server
    server.stop()


# The demo agency and a browser context per role, for the checks that walk every page.
from tests.browser.crawl import browse, demo_agency  # noqa: E402, F401
