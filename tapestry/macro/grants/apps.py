"""App config for macro grants."""

from django.apps import AppConfig


class GrantsConfig(AppConfig):
    name = "tapestry.macro.grants"
    label = "grants"
    url_prefix = "macro/grants/"
