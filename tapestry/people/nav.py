"""What people offers in the navigation: persons, intake, households, and organisations by kind."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from tapestry.access.policy import Capability as C
from tapestry.web.navigation import NavEntry

ENTRIES = (
    NavEntry(
        "micro",
        20,
        gettext_lazy("People"),
        "people:person_list",
        C.PERSON_READ,
        gettext_lazy("Your caseload, your team's and your supervisees'."),
    ),
    NavEntry(
        "micro",
        30,
        gettext_lazy("New intake"),
        "people:person_create",
        C.PERSON_WRITE,
        gettext_lazy("Register a person; likely duplicates are shown first."),
    ),
    NavEntry(
        "micro",
        40,
        gettext_lazy("Households"),
        "people:household_list",
        C.PERSON_READ,
        gettext_lazy("Families as a unit, with their members."),
    ),
    NavEntry(
        "mezzo",
        80,
        gettext_lazy("Schools"),
        "people:organisation_list",
        C.ORGANISATION_READ,
        gettext_lazy("Schools and their contacts."),
        "kind=school",
    ),
    NavEntry(
        "macro",
        10,
        gettext_lazy("Funders"),
        "people:organisation_list",
        C.ORGANISATION_READ,
        gettext_lazy("Foundations and public funders."),
        "kind=funder",
    ),
    NavEntry(
        "macro",
        20,
        gettext_lazy("Government offices"),
        "people:organisation_list",
        C.ORGANISATION_READ,
        gettext_lazy("Offices and officials we advocate with."),
        "kind=government",
    ),
)
