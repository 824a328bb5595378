"""App config for groups; registers rosters with the access policy."""

from tapestry.access.apps import PersonLevelConfig


class GroupsConfig(PersonLevelConfig):
    name = "tapestry.mezzo.groups"
    label = "groups"
    url_prefix = "mezzo/groups/"

    # A membership is seen by whoever may see the person (their caseworker) and by the
    # people who run the group; a group in a sensitive segment needs that segment's grant.
    person_links = {
        "membership": {
            "path": "person",
            "segment_field": "group__segment",
            "run_by": ("group", "tapestry.mezzo.groups.access.groups_run_by"),
        }
    }
