"""App config for group_sessions."""

from django.apps import AppConfig


class GroupSessionsConfig(AppConfig):
    name = "tapestry.mezzo.group_sessions"
    label = "group_sessions"
    url_prefix = " what happened at each meeting, who came, and the group note:mezzo/sessions/"
