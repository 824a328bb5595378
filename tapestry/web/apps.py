"""App config for the shared web kit (no models of its own; abstract bases only)."""

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "tapestry.web"
    label = "web"
