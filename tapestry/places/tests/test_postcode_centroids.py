"""Postcode centre points moved from the directory to places with their table and rows."""

from __future__ import annotations

import pytest
from django.db import connection

from tapestry.places import selectors
from tapestry.places.models import PostcodeCentroid
from tapestry.places.postcodes import demo_centroids

pytestmark = pytest.mark.django_db


def test_the_rows_loaded_by_the_directory_migration_are_read_through_places():
    assert PostcodeCentroid._meta.db_table == "directory_postcodecentroid"
    assert connection.introspection.table_names().count("directory_postcodecentroid") == 1
    stored = set(PostcodeCentroid.objects.values_list("postcode", "place", "latitude", "longitude"))
    assert set(demo_centroids()) <= stored


def test_a_postcode_is_found_whatever_its_case_and_spaces():
    centre = selectors.postcode_centroid(" 00815 ")
    assert (centre.latitude, centre.longitude) == (40.0, -75.02)
    assert selectors.postcode_centroid("99999") is None
    assert selectors.postcode_known("00801") and not selectors.postcode_known("ZZ1")
