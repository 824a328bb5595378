"""App config for macro leadership: the agency dashboard and compliance items."""

from django.apps import AppConfig


class LeadershipConfig(AppConfig):
    name = "tapestry.macro.leadership"
    label = "leadership"
    url_prefix = "macro/leadership/"
