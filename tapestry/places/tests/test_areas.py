"""Defining areas: codes unique within a kind, nesting without loops, and the postcodes each area holds."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry
from tapestry.places import selectors, services
from tapestry.places.models import Area
from tapestry.places.tests.support import SQUARE

pytestmark = pytest.mark.django_db
K = Area.Kind


def add(actor, kind=K.NEIGHBOURHOOD, code="N1", name="North", **extra):
    return services.area_create(actor=actor, kind=kind, code=code, name=name, **extra)


def holding(postcode):
    return sorted(area.code for area in selectors.areas_holding(postcode))


def test_an_area_is_added_with_its_postcodes_and_an_audit_entry(cast):
    organiser = cast.by_role["community_organiser"]

    area = add(organiser, postcodes=[" 00801", "00802 ", "00801"], boundary=SQUARE)

    assert sorted(area.postcodes.values_list("postcode", flat=True)) == ["00801", "00802"]
    assert area.boundary == SQUARE and area.created_by == organiser
    entry = AuditEntry.objects.filter(object_type="places.area", object_id=str(area.pk)).get()
    assert entry.action == AuditEntry.Action.CREATE and "boundary" in entry.fields


def test_a_code_is_unique_within_its_kind_only(cast):
    organiser = cast.by_role["community_organiser"]
    add(organiser, code="07")

    with pytest.raises(ValidationError) as refused:
        add(organiser, code="07", name="Other")
    assert refused.value.message_dict == {"code": ["There is already an area of this kind with this code."]}
    assert add(organiser, kind=K.SCHOOL_DISTRICT, code="07", name="District 7").pk


def test_a_postcode_area_covers_itself_and_nothing_else(cast):
    area = add(cast.by_role["evaluator"], kind=K.POSTCODE, code="00815", name="00815", postcodes=["00999"])
    assert list(area.postcodes.values_list("postcode", flat=True)) == ["00815"]


def test_a_postcode_is_placed_in_every_area_that_holds_it_however_deep(cast):
    organiser = cast.by_role["community_organiser"]
    county = add(organiser, kind=K.COUNTY, code="C1", name="County")
    north = add(organiser, code="N1", name="North", parent=county, postcodes=["00801"])
    add(organiser, kind=K.CUSTOM, code="BLOCK", name="Block", parent=north, postcodes=["00802"])

    assert holding("00802") == ["BLOCK", "C1", "N1"]
    assert holding("00801") == ["C1", "N1"]
    assert holding("00999") == []


def test_moving_an_area_moves_its_postcodes_with_it(cast):
    organiser = cast.by_role["community_organiser"]
    east = add(organiser, kind=K.COUNTY, code="E", name="East County")
    west = add(organiser, kind=K.COUNTY, code="W", name="West County")
    town = add(organiser, code="T", name="Town", parent=east, postcodes=["00810"])

    services.area_update(actor=organiser, area=town, version=town.version, changes={"parent": west})

    assert holding("00810") == ["T", "W"]


def test_an_area_cannot_end_up_inside_itself(cast):
    organiser = cast.by_role["community_organiser"]
    county = add(organiser, kind=K.COUNTY, code="C", name="County")
    town = add(organiser, code="T", name="Town", parent=county)
    street = add(organiser, kind=K.CUSTOM, code="S", name="Street", parent=town)

    for parent in (street, county):
        with pytest.raises(ValidationError) as refused:
            services.area_update(
                actor=organiser, area=county, version=county.version, changes={"parent": parent}
            )
        assert "parent" in refused.value.message_dict
    county.refresh_from_db()
    assert county.parent is None and county.version == 1


def test_changes_need_the_version_that_was_read(cast):
    organiser = cast.by_role["community_organiser"]
    area = add(organiser, postcodes=["00801"])
    services.area_update(
        actor=organiser, area=area, version=1, changes={"name": "North side", "postcodes": ["00803"]}
    )

    with pytest.raises(StaleEdit):
        services.area_update(actor=organiser, area=area, version=1, changes={"name": "Late"})
    area.refresh_from_db()
    assert (area.name, area.version) == ("North side", 2)
    assert holding("00803") == ["N1"] and holding("00801") == []


def test_a_bad_boundary_is_an_error_on_the_boundary(cast):
    with pytest.raises(ValidationError) as refused:
        add(cast.by_role["community_organiser"], boundary={"type": "Point", "coordinates": [0, 0]})
    assert "Polygon or MultiPolygon" in refused.value.message_dict["boundary"][0]
    assert not Area.objects.exists()


@pytest.mark.parametrize("role", ["caseworker", "supervisor", "grants_officer", "auditor"])
def test_only_those_who_manage_areas_define_them(cast, role):
    with pytest.raises(PermissionDenied):
        add(cast.by_role[role])
