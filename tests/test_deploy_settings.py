"""Production settings: `check --deploy` is clean, and insecure values refuse to start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "TAPESTRY_ENV": "production",
    "TAPESTRY_SECRET_KEY": "k" * 20 + "-production-secret-for-the-deploy-check-0123456789",
    "TAPESTRY_ALLOWED_HOSTS": "tapestry.agency.example",
    "DATABASE_URL": "sqlite:////tmp/tapestry-deploy-check.sqlite3",
}


def manage(*args: str, **overrides: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TAPESTRY_")}
    env.update(PRODUCTION)
    env.update(overrides)
    env["DJANGO_SETTINGS_MODULE"] = "tapestry.settings"
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_reports_nothing_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"TAPESTRY_SECRET_KEY": "short"}, "TAPESTRY_SECRET_KEY"),
        ({"TAPESTRY_DEBUG": "1"}, "TAPESTRY_DEBUG must be off"),
        ({"TAPESTRY_DEMO_OTP_BYPASS": "1"}, "production requires TOTP"),
        ({"TAPESTRY_ALLOWED_HOSTS": ""}, "TAPESTRY_ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_insecure_settings(override, message):
    result = manage("check", **override)
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.parametrize("value", ["Production", "prod", "PRODUCTION", "staging", ""])
def test_an_unknown_environment_refuses_to_start(value):
    result = manage("check", TAPESTRY_ENV=value)
    assert result.returncode != 0
    assert f"TAPESTRY_ENV is {value!r}; it must be exactly 'development' or 'production'." in result.stderr


def test_development_still_starts():
    result = manage("check", TAPESTRY_ENV="development")
    assert result.returncode == 0, result.stdout + result.stderr
