"""App config for group_sessions; registers attendance and member mentions with the access policy."""

from django.apps import AppConfig


class GroupSessionsConfig(AppConfig):
    name = "tapestry.mezzo.group_sessions"
    label = "group_sessions"
    url_prefix = "mezzo/sessions/"

    def ready(self) -> None:
        from tapestry.access.policy import PersonLink, register_person_level
        from tapestry.mezzo.groups.access import groups_run_by

        # Rows about one member: their caseworker sees their own client's rows, the people who
        # run the group see the whole group's; a program manager (no PERSON_READ, no GROUP_RUN) none.
        # The group note itself names no one and is read only by those who run the group.
        by_member = PersonLink(
            path="membership__person",
            segment_field="membership__group__segment",
            run_by=("membership__group", groups_run_by),
        )
        register_person_level("group_sessions.attendance", by_member)
        register_person_level("group_sessions.notemention", by_member)
        register_person_level("group_sessions.missedsessionsfollowup", by_member)
