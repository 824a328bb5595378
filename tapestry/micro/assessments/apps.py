"""App config for assessments: standardised and custom assessments, scores and flags."""

from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "tapestry.micro.assessments"
    label = "assessments"
    url_prefix = "assessments/"
