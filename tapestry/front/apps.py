"""App config for front: the UI shell (layout, navigation by level, home)."""

from django.apps import AppConfig


class FrontConfig(AppConfig):
    name = "tapestry.front"
    label = "front"
