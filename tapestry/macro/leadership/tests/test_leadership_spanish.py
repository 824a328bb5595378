"""Leadership in Spanish: a compliance reminder goes out in its owner's language, and the agency
dashboard reads in Spanish for a director who chose it (issue 12, item 10)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from tapestry.access.models import Role
from tapestry.macro.leadership.reminders import compliance_reminders_send
from tapestry.macro.leadership.tests.support import an_item
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 5, 1)


@pytest.fixture
def director(cast):
    director = cast[Role.AGENCY_DIRECTOR]
    director.email = "director@example.org"
    director.language = "es"
    director.save()
    return director


def test_a_spanish_speaking_owner_is_reminded_in_spanish(director):
    an_item(director, due_on=TODAY - dt.timedelta(days=2))

    compliance_reminders_send(today=TODAY)

    [message] = mail.outbox
    assert message.subject == "Cumplimiento: Agency licence renewal está vencido"
    assert "Licencia: Agency licence renewal está vencido" in message.body
    assert "abril" in message.body and "overdue" not in message.body


def test_the_compliance_list_reads_in_spanish(director):
    an_item(director)

    page = client_for(director).get(reverse("leadership:compliance_list")).content.decode()

    assert "Registrar un elemento de cumplimiento" in page
    assert "Keep a compliance item" not in page
