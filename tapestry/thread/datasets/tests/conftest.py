"""Exports of these tests are written under the test's own temporary directory."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _exports_in_tmp(settings, tmp_path) -> None:
    settings.TAPESTRY_DATASETS_DIR = tmp_path / "datasets"
