"""Fixtures every test module can use."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.conf import settings
from django.utils import translation

from tapestry.testing import Cast


@pytest.fixture(autouse=True)
def _demo_second_factor_off(settings: pytest.FixtureRequest) -> None:
    # Tests sign in with force_login; the TOTP flow has its own tests that turn this back off.
    settings.TAPESTRY_DEMO_OTP_BYPASS = True
    # A deliberately fast hasher: the real one spends ~0.3 s per password by design.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Background tasks run in the test process when enqueued (the demo and production use the worker).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _language_as_before() -> Iterator[None]:
    """Each test starts and ends in the default language: a test that switches language (or calls a
    page in Spanish outside a request's scope) cannot leave the next one in Spanish."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def cast(db: None) -> Cast:
    return Cast()
