"""App config for advisor: the level advisor: interventions on all three levels for a case's needs, with the local options to act on."""

from django.apps import AppConfig


class AdvisorConfig(AppConfig):
    name = "tapestry.thread.advisor"
    label = "advisor"
    url_prefix = "thread/advisor/"
