"""App config for coalitions: the alliances of organisations the agency works in."""

from django.apps import AppConfig


class CoalitionsConfig(AppConfig):
    name = "tapestry.macro.coalitions"
    label = "coalitions"
    url_prefix = "macro/coalitions/"
