"""A session's attendance names its members: reading it, on the page or through the API, is audited."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry, Role
from tapestry.mezzo.group_sessions.tests.factories import enrol_many, hold_session, make_group, mark_all
from tapestry.testing import UserFactory, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def session():
    facilitator = UserFactory(username="facilitator", role=Role.GROUP_FACILITATOR)
    group = make_group(facilitator)
    enrol_many(group, 3)
    held = hold_session(facilitator, group)
    mark_all(facilitator, held)
    return held


def _attendance_reads(session) -> int:
    return AuditEntry.objects.filter(
        action=AuditEntry.Action.VIEW, object_type="group_sessions.session", object_id=str(session.pk)
    ).count()


@pytest.mark.parametrize("where", ["page", "attendance page", "api"])
def test_reading_a_sessions_attendance_is_audited(session, where):
    browser = client_for(session.group.facilitators.get())
    path = {
        "page": reverse("group_sessions:session_detail", kwargs={"pk": session.pk}),
        "attendance page": reverse("group_sessions:attendance", kwargs={"pk": session.pk}),
        "api": f"/api/v1/sessions/{session.pk}",
    }[where]
    response = browser.get(path)
    assert response.status_code == 200
    assert _attendance_reads(session) == 1
    entry = AuditEntry.objects.order_by("-id").first()
    assert entry.fields == ["attendance"] and entry.actor.username == "facilitator"
