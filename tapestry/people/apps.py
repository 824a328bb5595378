"""App config for people: persons, households, relationships, organisations."""

from tapestry.access.apps import PersonLevelConfig


class PeopleConfig(PersonLevelConfig):
    name = "tapestry.people"
    label = "people"

    person_links = {
        "person": {"path": "pk"},
        **dict.fromkeys(("personalias", "contactpoint", "address", "householdmember"), {"path": "person"}),
        "relationship": {"path": "from_person", "also": "to_person"},
        "access.consent": {"path": "person", "segment_field": "segment"},
    }
