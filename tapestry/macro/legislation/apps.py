"""App config for macro legislation."""

from django.apps import AppConfig


class LegislationConfig(AppConfig):
    name = "tapestry.macro.legislation"
    label = "legislation"
    url_prefix = "macro/legislation/"
