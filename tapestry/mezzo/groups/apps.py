"""App config for groups; registers rosters with the access policy."""

from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "tapestry.mezzo.groups"
    label = "groups"
    url_prefix = "mezzo/groups/"

    def ready(self) -> None:
        from tapestry.access.policy import PersonLink, register_person_level
        from tapestry.mezzo.groups.access import groups_run_by

        # A membership is seen by whoever may see the person (their caseworker) and by the
        # people who run the group; a group in a sensitive segment needs that segment's grant.
        register_person_level(
            "groups.membership",
            PersonLink(path="person", segment_field="group__segment", run_by=("group", groups_run_by)),
        )
