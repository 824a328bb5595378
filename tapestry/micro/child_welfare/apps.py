"""App config for child_welfare: child welfare: reports, investigations, safety, placements, court."""

from django.apps import AppConfig


class ChildWelfareConfig(AppConfig):
    name = "tapestry.micro.child_welfare"
    label = "child_welfare"
    url_prefix = "child-welfare/"
