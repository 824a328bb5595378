"""App config for group outcomes: pre/post measures of members, the group's average change and goals met."""

from django.apps import AppConfig


class GroupOutcomesConfig(AppConfig):
    name = "tapestry.mezzo.group_outcomes"
    label = "group_outcomes"
    url_prefix = "mezzo/outcomes/"

    def ready(self) -> None:
        from tapestry.access.policy import PersonLink, register_person_level
        from tapestry.mezzo.groups.access import groups_run_by

        # A member's measure is seen by whoever may see the person (their caseworker) and by
        # those who run the group; a group in a sensitive segment needs that segment's grant.
        register_person_level(
            "group_outcomes.membermeasure",
            PersonLink(
                path="membership__person",
                segment_field="membership__group__segment",
                run_by=("membership__group", groups_run_by),
            ),
        )
