"""App config for group_outcomes."""

from django.apps import AppConfig


class GroupOutcomesConfig(AppConfig):
    name = "tapestry.mezzo.group_outcomes"
    label = "group_outcomes"
    url_prefix = " pre/post measures of members, the group's average change and goals met:mezzo/outcomes/"
