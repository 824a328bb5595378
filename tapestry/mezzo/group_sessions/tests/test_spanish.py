"""The roll, the page a facilitator uses on a phone, speaks Spanish to a user who chose it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import Role
from tapestry.mezzo.group_sessions.tests.factories import enrol_many, hold_session, make_group
from tapestry.testing import UserFactory, client_for

pytestmark = pytest.mark.django_db


def test_the_roll_is_in_spanish_for_a_spanish_speaking_facilitator():
    facilitator = UserFactory(username="facilitadora", role=Role.GROUP_FACILITATOR, language="es")
    group = make_group(facilitator)
    enrol_many(group, 2)
    session = hold_session(facilitator, group)

    text = (
        client_for(facilitator)
        .get(reverse("group_sessions:attendance", kwargs={"pk": session.pk}))
        .content.decode()
    )

    assert "Guardar asistencia" in text and "Save attendance" not in text
    assert "Marcar al resto como presente y guardar" in text
    assert "Ausencia justificada" in text and "Excused" not in text


def test_the_session_page_is_in_spanish():
    facilitator = UserFactory(username="facilitadora", role=Role.GROUP_FACILITATOR, language="es")
    group = make_group(facilitator)
    enrol_many(group, 2)
    session = hold_session(facilitator, group)

    text = (
        client_for(facilitator)
        .get(reverse("group_sessions:session_detail", kwargs={"pk": session.pk}))
        .content.decode()
    )

    assert "Tomar asistencia" in text and "Take attendance" not in text
    assert "2 miembros aún sin marcar." in text
