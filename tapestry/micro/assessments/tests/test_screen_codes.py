"""The social-needs screen's answers point to needs whose ICD-10-CM codes are the right FY2026 ones."""

from __future__ import annotations

import pytest

from tapestry.micro.assessments.instruments import HRSN, HRSN_NEEDS
from tapestry.micro.assessments.tests.factories import NO_NEEDS
from tapestry.needs.models import Need

pytestmark = pytest.mark.django_db


def codes_for(answers: dict[str, str]) -> list[str]:
    needs = HRSN.score({**NO_NEEDS, **answers}).needs
    icd10 = dict(Need.objects.filter(code__in=needs).values_list("code", "icd10"))
    return [icd10[need] for need in needs]


def test_every_need_the_screen_proposes_is_in_the_taxonomy_and_in_use():
    proposed = {need for _, _, need, _ in HRSN_NEEDS} | {"domestic-violence"}
    in_use = set(Need.objects.filter(code__in=proposed, is_active=True).values_list("code", flat=True))
    assert proposed - in_use == set()


@pytest.mark.parametrize(
    ("answers", "codes"),
    [
        # A threatened shut-off is a utility disconnect notice for inability to pay: Z59.861, not Z59.12.
        ({"utilities": "yes"}, ["Z59.861"]),
        ({"utilities": "shut_off"}, ["Z59.861", "Z59.12"]),
        ({"living": "worried"}, ["Z59.819"]),
        ({"problems": "yes"}, ["Z59.10"]),
        ({"food_worry": "often"}, ["Z59.41"]),
        ({"transport": "yes"}, ["Z59.82"]),
    ],
)
def test_screen_answers_map_to_fy2026_codes(answers, codes):
    assert codes_for(answers) == codes
