"""App config for prevention."""

from django.apps import AppConfig


class PreventionConfig(AppConfig):
    name = "tapestry.mezzo.prevention"
    label = "prevention"
    url_prefix = " risk factors, activities with headcounts, before/after measures:mezzo/prevention/"
