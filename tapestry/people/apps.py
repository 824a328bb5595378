"""App config for people: persons, households, relationships, organisations."""

from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "tapestry.people"
    label = "people"

    def ready(self) -> None:
        from tapestry.access.policy import PersonLink, register_person_level

        register_person_level("people.person", PersonLink(path="pk"))
        register_person_level("people.personalias", PersonLink(path="person"))
        register_person_level("people.contactpoint", PersonLink(path="person"))
        register_person_level("people.address", PersonLink(path="person"))
        register_person_level("people.householdmember", PersonLink(path="person"))
        register_person_level("people.relationship", PersonLink(path="from_person", also="to_person"))
        register_person_level("access.consent", PersonLink(path="person", segment_field="segment"))
