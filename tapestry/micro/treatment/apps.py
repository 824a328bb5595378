"""App config for treatment: mental health and substance use: treatment plans, adherence, team notes, releases."""

from django.apps import AppConfig


class TreatmentConfig(AppConfig):
    name = "tapestry.micro.treatment"
    label = "treatment"
    url_prefix = "treatment/"
