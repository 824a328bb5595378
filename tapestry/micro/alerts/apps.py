"""App config for alerts: client alerts that follow the client onto every page about them."""

from tapestry.access.apps import PersonLevelConfig


class AlertsConfig(PersonLevelConfig):
    name = "tapestry.micro.alerts"
    label = "alerts"
    url_prefix = "alerts/"
    # A stored alert takes the segment of the case its source sits in (a Part 2 case's screen, say).
    person_links = {"clientalert": {"path": "person", "segment_field": "segment"}}
