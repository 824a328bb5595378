"""App config for crisis: crisis intervention: risk assessment, safety plan, urgent follow-ups, escalation."""

from django.apps import AppConfig


class CrisisConfig(AppConfig):
    name = "tapestry.micro.crisis"
    label = "crisis"
    url_prefix = "crisis/"
