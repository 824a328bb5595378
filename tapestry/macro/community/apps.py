"""App config for the community needs assessment."""

from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "tapestry.macro.community"
    label = "community"
    url_prefix = "macro/community/"
