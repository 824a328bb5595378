"""App config for needs: the shared taxonomy of needs and barriers used on every level."""

from django.apps import AppConfig


class NeedsConfig(AppConfig):
    name = "tapestry.needs"
    label = "needs"
    url_prefix = "needs/"
