"""What people offers in the navigation: persons, intake, households, and organisations by kind."""

from __future__ import annotations

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "micro",
        20,
        "People",
        "people:person_list",
        C.PERSON_READ,
        "Your caseload, your team's and your supervisees'.",
    ),
    NavEntry(
        "micro",
        30,
        "New intake",
        "people:person_create",
        C.PERSON_WRITE,
        "Register a person; likely duplicates are shown first.",
    ),
    NavEntry(
        "micro",
        40,
        "Households",
        "people:household_list",
        C.PERSON_READ,
        "Families as a unit, with their members.",
    ),
    NavEntry(
        "mezzo",
        80,
        "Schools",
        "people:organisation_list",
        C.ORGANISATION_READ,
        "Schools and their contacts.",
        "kind=school",
    ),
    NavEntry(
        "macro",
        10,
        "Funders",
        "people:organisation_list",
        C.ORGANISATION_READ,
        "Foundations and public funders.",
        "kind=funder",
    ),
    NavEntry(
        "macro",
        20,
        "Government offices",
        "people:organisation_list",
        C.ORGANISATION_READ,
        "Offices and officials we advocate with.",
        "kind=government",
    ),
)
