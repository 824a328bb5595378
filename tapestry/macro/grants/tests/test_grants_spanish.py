"""Grants in Spanish: a reminder goes out in its recipient's language, and the pipeline reads in
Spanish for a worker who chose it (issue 12, item 10)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from tapestry.access.models import Role
from tapestry.macro.grants import services
from tapestry.macro.grants.reminders import deadline_reminders_send
from tapestry.macro.grants.tests.support import an_award
from tapestry.testing import UserFactory, client_for

pytestmark = pytest.mark.django_db


TODAY = dt.date(2026, 5, 1)


def test_a_spanish_speaking_owner_is_reminded_in_spanish_and_an_english_one_in_english(cast):
    officer = cast[Role.GRANTS_OFFICER]
    award = an_award(officer)
    hablante = UserFactory(username="hablante", email="hablante@example.org", language="es")
    speaker = UserFactory(username="speaker", email="speaker@example.org")
    services.deliverable_add(
        actor=officer,
        award=award,
        description="Hire a worker",
        due_on=TODAY + dt.timedelta(days=6),
        owner=hablante,
    )
    services.deliverable_add(
        actor=officer,
        award=award,
        description="Open a site",
        due_on=TODAY + dt.timedelta(days=6),
        owner=speaker,
    )

    deadline_reminders_send(today=TODAY)

    sent = {message.to[0]: message for message in mail.outbox}
    spanish = sent["hablante@example.org"]
    assert spanish.subject == "Plazo de subvención: Hire a worker vence en 6 días"
    assert "Consulte los próximos plazos de subvenciones en Tapestry." in spanish.body
    assert "mayo" in spanish.body and "is due" not in spanish.body
    english = sent["speaker@example.org"]
    assert english.subject == "Grant deadline: Open a site is due in 6 days"
    assert "See the upcoming grant deadlines in Tapestry." in english.body


def test_the_pipeline_reads_in_spanish(cast):
    officer = cast[Role.GRANTS_OFFICER]
    officer.language = "es"
    officer.save(update_fields=["language"])
    an_award(officer)

    page = client_for(officer).get(reverse("grants:pipeline")).content.decode()

    assert "Cartera de subvenciones" in page or "Total solicitado" in page
    assert "Requested in all" not in page


def test_the_fit_choices_read_in_spanish(cast):
    officer = cast[Role.GRANTS_OFFICER]
    officer.language = "es"
    officer.save(update_fields=["language"])

    page = client_for(officer).get(reverse("grants:opportunity_create")).content.decode()

    assert "5 – encaje sólido" in page and "1 – encaje deficiente" in page
    assert "strong fit" not in page and "poor fit" not in page
