"""App config for group_sessions; registers attendance and member mentions with the access policy."""

from tapestry.access.apps import PersonLevelConfig


class GroupSessionsConfig(PersonLevelConfig):
    name = "tapestry.mezzo.group_sessions"
    label = "group_sessions"
    url_prefix = "mezzo/sessions/"

    # Rows about one member, seen through the membership; a program manager (no PERSON_READ,
    # no GROUP_RUN) sees none. The group note itself names no one and is read only by those
    # who run the group.
    person_links = dict.fromkeys(
        ("attendance", "notemention", "missedsessionsfollowup"),
        "tapestry.mezzo.groups.access.THROUGH_MEMBERSHIP",
    )
