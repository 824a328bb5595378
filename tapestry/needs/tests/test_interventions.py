"""The intervention catalogue: kinds of work on three levels, with the needs each fits."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.needs.interventions import INTERVENTIONS
from tapestry.needs.models import InterventionType, Level, Need
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_migration_seeds_every_kind_on_all_three_levels():
    seeded = InterventionType.objects.filter(is_active=True)

    assert seeded.count() == len(INTERVENTIONS)
    assert {kind.level for kind in seeded} == set(Level.values)
    for code in ("counselling", "support-group", "youth-program", "family-mediation", "legislative-advocacy"):
        assert seeded.filter(code=code).exists()


def test_every_need_is_fitted_by_some_kind_on_every_level():
    kinds = list(InterventionType.objects.prefetch_related("needs"))

    for need in Need.objects.filter(is_active=True):
        for level in Level.values:
            assert any(k.level == level and k.fits(need) for k in kinds), (need.code, level)


def test_a_kind_fits_a_single_need_beyond_its_domains():
    family_mediation = InterventionType.objects.get(code="family-mediation")

    assert family_mediation.fits(Need.objects.get(code="housing-instability"))
    assert family_mediation.fits(Need.objects.get(code="family-disruption"))
    assert not family_mediation.fits(Need.objects.get(code="food-insecurity"))


def test_the_needs_catalogue_shows_the_interventions_by_level(cast):
    page = client_for(cast["auditor"]).get(reverse("needs:catalogue")).content.decode()

    assert "Intervention catalogue" in page
    assert page.index("Micro: the person or family") < page.index("Crisis intervention")
    assert page.index("Mezzo: a group") < page.index("Psychoeducation group")
    assert page.index("Macro: a community") < page.index("Coalition work")


def test_the_api_lists_the_catalogue_by_level(cast):
    client = client_for(cast["evaluator"])

    body = client.get("/api/v1/interventions?level=mezzo&page_size=100").json()

    assert {item["level"] for item in body["items"]} == {"mezzo"}
    mediation = next(item for item in body["items"] if item["code"] == "family-mediation")
    assert mediation["domains"] == ["family"] and mediation["needs"] == ["housing-instability"]
    assert client.get("/api/v1/interventions?level=cosmic").status_code == 422
