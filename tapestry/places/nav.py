"""What places offers in the navigation (macro orders 100 to 190)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "macro",
        100,
        gettext_lazy("Areas"),
        "places:area_list",
        C.ORGANISATION_READ,
        gettext_lazy("The neighbourhoods, counties, school districts and postcodes the agency works in."),
    ),
    NavEntry(
        "macro",
        110,
        gettext_lazy("Cases by area"),
        "places:case_map",
        C.AGGREGATE_READ,
        gettext_lazy("A map of cases by area, small counts hidden, with its table."),
    ),
)
