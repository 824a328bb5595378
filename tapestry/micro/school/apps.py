"""App config for school: school social work: students, attendance, incidents, support plans."""

from django.apps import AppConfig


class SchoolConfig(AppConfig):
    name = "tapestry.micro.school"
    label = "school"
    url_prefix = "school/"
