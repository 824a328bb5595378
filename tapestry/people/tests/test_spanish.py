"""People pages in Spanish for a worker who chose it (issue 12, item 10): search, intake with its
duplicate check, and the person's page. English stays as it was."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tapestry.testing import PersonFactory, assign, client_for

pytestmark = pytest.mark.django_db


def spanish_client(user):
    user.language = "es"
    user.save(update_fields=["language"])
    return client_for(user)


def test_search_and_the_person_page_read_in_spanish(cast):
    person = PersonFactory(given_name="Amara", family_name="Okafor")
    assign(cast.caseworker, person)
    client = spanish_client(cast.caseworker)

    found = client.get(reverse("people:person_list"), {"q": "Amara"}).content.decode()
    assert "Se encontró 1 persona para “Amara”." in found and "person found" not in found
    assert "Fecha de nacimiento" in found and "Date of birth" not in found

    page = client.get(reverse("people:person_detail", args=[person.pk])).content.decode()
    assert "Teléfono y correo electrónico" in page and "Phone and email" not in page


def test_the_duplicate_check_at_intake_reads_in_spanish(cast):
    known = PersonFactory(given_name="John", family_name="Smith", date_of_birth=dt.date(1988, 4, 12))
    assign(cast.caseworker, known)
    data = {
        "given_name": "Jon",
        "family_name": "Smith",
        "date_of_birth": "1988-04-12",
        "phone": "",
        "email": "",
        "aliases": "",
    }
    page = spanish_client(cast.caseworker).post(reverse("people:person_create"), data).content.decode()
    assert "¿Es alguien que ya conocemos?" in page and "Is this someone we already know?" not in page
    assert "misma fecha de nacimiento" in page and "same date of birth" not in page
