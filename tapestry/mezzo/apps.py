"""App config for mezzo: programs (and, with the mezzo level, groups, cohorts, partners)."""

from django.apps import AppConfig


class MezzoConfig(AppConfig):
    name = "tapestry.mezzo"
    label = "mezzo"
    url_prefix = "mezzo/"
