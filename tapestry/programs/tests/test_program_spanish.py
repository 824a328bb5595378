"""The program pages in Spanish, for a user who chose it (issue 12, item 10)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.programs.models import LogicModelItem
from tapestry.programs.tests.support import program_for
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_program_page_and_reach_speak_spanish(cast):
    program = program_for(cast["program_manager"], capacity=60)
    LogicModelItem.objects.create(program=program, column="inputs", text="Two caseworkers")
    evaluator = cast["evaluator"]
    evaluator.language = "es"
    evaluator.save(update_fields=["language"])
    client = client_for(evaluator)

    page = client.get(reverse("programs:program_detail", args=[program.pk])).content.decode()
    assert "Acerca del programa" in page and "60 personas a la vez" in page and "Insumos" in page
    assert "About the program" not in page and "people at a time" not in page
    assert "Two caseworkers" in page  # data stays as written

    reach = client.get(reverse("programs:program_reach", args=[program.pk])).content.decode()
    assert "Personas atendidas por edad" in reach and "Menores de 18" in reach
    assert "People served by age" not in reach and "By month" not in reach
