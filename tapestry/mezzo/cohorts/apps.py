"""App config for cohorts."""

from django.apps import AppConfig


class CohortsConfig(AppConfig):
    name = "tapestry.mezzo.cohorts"
    label = "cohorts"
    url_prefix = " case management for a set of cases with a common situation, in bulk:mezzo/cohorts/"
