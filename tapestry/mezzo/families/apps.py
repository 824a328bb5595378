"""App config for families."""

from django.apps import AppConfig


class FamiliesConfig(AppConfig):
    name = "tapestry.mezzo.families"
    label = "families"
    url_prefix = " plans for a household as a whole, linked to resources:mezzo/families/"
