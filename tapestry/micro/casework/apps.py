"""App config for casework: care plans, progress notes, services delivered and family sessions."""

from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "tapestry.micro.casework"
    label = "casework"
    url_prefix = "casework/"
