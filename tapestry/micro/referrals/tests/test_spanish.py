"""A case's referrals read in Spanish for a worker who chose it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.micro.referrals.tests.helpers import a_case, directory_service, record, sent
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_case_index_is_in_spanish(cast):
    case = a_case(cast.caseworker)
    sent(cast.caseworker, case, directory_service(name="Outpatient treatment"))
    record(cast.caseworker, case, directory_service(name="Family recovery group"))
    cast.teammate.language = "es"
    cast.teammate.save()

    text = client_for(cast.teammate).get(reverse("referrals:case_index", args=[case.pk])).content.decode()

    assert f"<h1>Derivaciones de {case.person.display_name}</h1>" in text
    assert "<td>Enviada</td>" in text and "<td>Registrada, no enviada</td>" in text
    assert "Referrals for" not in text
    assert "Recorded, not sent" not in text
