"""What places offers in the navigation (macro orders 100 to 190)."""

from __future__ import annotations

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "macro",
        100,
        "Areas",
        "places:area_list",
        C.ORGANISATION_READ,
        "The neighbourhoods, counties, school districts and postcodes the agency works in.",
    ),
    NavEntry(
        "macro",
        110,
        "Cases by area",
        "places:case_map",
        C.AGGREGATE_READ,
        "A map of cases by area, small counts hidden, with its table.",
    ),
)
