"""Casework pages in Spanish: a worker who chose Spanish reads the note page, its form and its messages in
Spanish (issue 12, item 10)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tapestry.micro.casework.models import ProgressNote
from tapestry.micro.casework.tests.factories import note_for, plan_for
from tapestry.testing import client_for, open_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _back_to_english():
    """A request in Spanish leaves Spanish active in the test's thread; the next test expects English."""
    yield
    translation.deactivate()


def test_a_note_reads_in_spanish_for_a_worker_who_chose_spanish(cast):
    cast.caseworker.language = "es"
    cast.caseworker.save(update_fields=["language"])
    case = open_case(cast.caseworker)
    plan_for(cast.caseworker, case)
    note = note_for(cast.caseworker, case, contact_type=ProgressNote.ContactType.HOME_VISIT)
    client = client_for(cast.caseworker)

    text = client.get(reverse("casework:note_detail", kwargs={"pk": note.pk})).content.decode()
    assert "Sobre este contacto" in text
    assert "Visita domiciliaria" in text
    assert "Firmar y bloquear la nota" in text
    assert "About this contact" not in text
    assert "Sign and lock the note" not in text

    form = client.get(reverse("casework:note_create", kwargs={"case_pk": case.pk}) + "?format=soap")
    text = form.content.decode()
    assert "Nota SOAP nueva" in text
    assert "Guardar borrador" in text
    assert "Save draft" not in text

    index = client.get(reverse("casework:case_index", kwargs={"case_pk": case.pk})).content.decode()
    assert "Plan de atención" in index
    assert "Care plan" not in index


def test_a_worker_signing_in_spanish_has_the_spanish_words_kept_with_the_signature(cast):
    """The attestation stored is the sentence the signer ticked, in their language (issue 12)."""
    cast.caseworker.language = "es"
    cast.caseworker.save(update_fields=["language"])
    case = open_case(cast.caseworker)
    url = reverse("casework:note_create", kwargs={"case_pk": case.pk}) + "?format=contact"
    client = client_for(cast.caseworker)
    form = client.get(url).content.decode()
    assert "Declaro que esta nota es exacta y completa." in form

    fields = {
        "contact_date": timezone.localdate().isoformat(),
        "segment": "",
        "text": "Llamada sobre la entrevista.",
    }
    client.post(url, {**fields, "sign": "1", "attested": "on"})

    note = ProgressNote.objects.get()
    assert note.is_signed and note.attestation == "Declaro que esta nota es exacta y completa."
    page = client.get(reverse("casework:note_detail", kwargs={"pk": note.pk})).content.decode()
    assert "Declaro que esta nota es exacta y completa." in page
    assert ProgressNote.ATTESTATION not in page


def test_a_notes_state_on_the_timeline_reads_in_spanish(cast):
    from tapestry.micro.casework.timeline import timeline_events

    case = open_case(cast.caseworker)
    note_for(cast.caseworker, case, title="Sesión 3", signed=True)
    note_for(cast.caseworker, case, title="Sesión 4")

    with translation.override("es"):
        details = sorted(event.detail for event in timeline_events(user=cast.caseworker, person=case.person))

    assert details == ["borrador", "firmada"]
