"""App config for prevention: programs with risk factors, activities with headcounts, before/after measures."""

from django.apps import AppConfig


class PreventionConfig(AppConfig):
    name = "tapestry.mezzo.prevention"
    label = "prevention"
    url_prefix = "mezzo/prevention/"
