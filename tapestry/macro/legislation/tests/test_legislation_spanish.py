"""Legislation in Spanish: a hearing reminder is written in its follower's language, and the bill
pages read in Spanish for a worker who chose it (issue 12, item 10)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.macro.legislation import services
from tapestry.macro.legislation.models import HearingReminder
from tapestry.macro.legislation.tests.support import tracked_bill
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_each_follower_is_reminded_in_their_own_language(cast):
    organiser = cast.by_role["community_organiser"]
    organiser.language = "es"
    organiser.save(update_fields=["language"])
    evaluator = cast.by_role["evaluator"]
    bill = tracked_bill(organiser)
    services.bill_follow(actor=evaluator, bill=bill, follow=True)
    services.hearing_schedule(
        actor=organiser, bill=bill, starts_at=timezone.now() + dt.timedelta(days=1), committee="Finance"
    )

    services.hearing_reminders_send()

    spanish = HearingReminder.objects.get(recipient=organiser).message
    english = HearingReminder.objects.get(recipient=evaluator).message
    assert "HB 7 (Example State) será tratado por Finance el" in spanish
    assert "HB 7 (Example State) is heard by Finance on" in english


def test_the_bill_list_reads_in_spanish(cast):
    organiser = cast.by_role["community_organiser"]
    organiser.language = "es"
    organiser.save(update_fields=["language"])
    tracked_bill(organiser)

    page = client_for(organiser).get(reverse("legislation:bill_list")).content.decode()

    assert "Seguir un proyecto de ley o una política" in page
    assert "1 proyecto de ley o política." in page
    assert "Track a bill or policy" not in page
    # The filters' own choices, and the Open States kinds a bill is filed as.
    assert "Cualquier estado" in page and "Sin posición tomada" in page and "Cualquier tipo" in page
    assert "Any status" not in page and "No position taken" not in page


def test_the_bill_form_offers_the_open_states_kinds_in_spanish(cast):
    organiser = cast.by_role["community_organiser"]
    organiser.language = "es"
    organiser.save(update_fields=["language"])

    page = client_for(organiser).get(reverse("legislation:bill_create")).content.decode()

    assert "Resolución concurrente" in page and "Solicitud de estudio" in page
    assert "Concurrent resolution" not in page and "Study request" not in page
