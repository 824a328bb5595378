"""The security baseline every page carries: CSP, framing, idle session timeout, no CDN."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_pages_forbid_inline_and_foreign_scripts_and_framing(cast):
    response = client_for(cast.caseworker).get(reverse("front:home"))

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"


def test_every_script_and_stylesheet_is_served_by_tapestry_itself(cast):
    page = client_for(cast.caseworker).get(reverse("front:home")).content.decode()

    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    assert sources, "the shell loads its stylesheet and htmx"
    assert all(source.startswith("/static/") for source in sources), sources


def test_an_idle_session_expires_after_thirty_minutes(cast, settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    client = Client()
    client.force_login(cast.caseworker)
    assert client.get(reverse("front:home")).status_code == 200

    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("front:home"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_each_request_renews_the_idle_timeout(cast):
    client = Client()
    client.force_login(cast.caseworker)
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=1))

    client.get(reverse("front:home"))

    assert Session.objects.get().expire_date > timezone.now() + timedelta(minutes=29)
