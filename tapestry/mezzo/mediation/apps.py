"""App config for mediation."""

from django.apps import AppConfig


class MediationConfig(AppConfig):
    name = "tapestry.mezzo.mediation"
    label = "mediation"
    url_prefix = " disputes with several parties, sessions, issues and agreements:mezzo/mediation/"
