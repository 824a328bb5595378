"""App config for group outcomes: pre/post measures of members, the group's average change and goals met."""

from tapestry.access.apps import PersonLevelConfig


class GroupOutcomesConfig(PersonLevelConfig):
    name = "tapestry.mezzo.group_outcomes"
    label = "group_outcomes"
    url_prefix = "mezzo/outcomes/"

    # A member's measure is seen by whoever may see the person (their caseworker) and by
    # those who run the group; a group in a sensitive segment needs that segment's grant.
    person_links = {"membermeasure": "tapestry.mezzo.groups.access.THROUGH_MEMBERSHIP"}
