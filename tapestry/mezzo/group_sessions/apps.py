"""App config for group_sessions; registers attendance and member mentions with the access policy."""

from django.apps import AppConfig


class GroupSessionsConfig(AppConfig):
    name = "tapestry.mezzo.group_sessions"
    label = "group_sessions"
    url_prefix = "mezzo/sessions/"

    def ready(self) -> None:
        from tapestry.access.policy import register_person_level
        from tapestry.mezzo.groups.access import THROUGH_MEMBERSHIP

        # Rows about one member, seen through the membership; a program manager (no PERSON_READ,
        # no GROUP_RUN) sees none. The group note itself names no one and is read only by those
        # who run the group.
        for label in ("attendance", "notemention", "missedsessionsfollowup"):
            register_person_level(f"group_sessions.{label}", THROUGH_MEMBERSHIP)
