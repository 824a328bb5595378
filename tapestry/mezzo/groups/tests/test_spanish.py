"""The group catalogue and a group's page speak Spanish to a user who chose it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tapestry.mezzo.groups.tests.support import fill, make_group
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_catalogue_is_in_spanish(cast):
    facilitator = cast["group_facilitator"]
    make_group(facilitator, name="Grupo de los martes", capacity=3, first_session_on=dt.date(2030, 3, 5))
    reader = cast["evaluator"]
    reader.language = "es"
    reader.save(update_fields=["language"])

    html = client_for(reader).get(reverse("groups:group_list")).content.decode()

    assert "Grupos planificados o en curso." in html and "Groups that are planned or running." not in html
    assert "Grupo de apoyo" in html and "Support group" not in html
    assert "Semanal, los martes" in html and "Weekly on" not in html
    assert "Hay lugares disponibles" in html and "Places available" not in html


def test_a_group_page_is_in_spanish_for_its_facilitator(cast):
    facilitator = cast["group_facilitator"]
    facilitator.language = "es"
    facilitator.save(update_fields=["language"])
    group = make_group(facilitator, capacity=2)
    fill(group, facilitator, 2)

    html = client_for(facilitator).get(reverse("groups:group_detail", args=[group.pk])).content.decode()

    assert "Sesiones y asistencia" in html and "Sessions and attendance" not in html
    assert "Lleno (2 lugares)" in html and "Full (2 places)" not in html
