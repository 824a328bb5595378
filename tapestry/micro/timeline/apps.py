"""App config for timeline: a person's timeline, ecomap and genogram across cases."""

from django.apps import AppConfig


class TimelineConfig(AppConfig):
    name = "tapestry.micro.timeline"
    label = "timeline"
    url_prefix = "timeline/"
