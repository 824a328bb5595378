"""App config for advocacy: advocacy for individuals: actions taken with agencies on a client's behalf."""

from django.apps import AppConfig


class AdvocacyConfig(AppConfig):
    name = "tapestry.micro.advocacy"
    label = "advocacy"
    url_prefix = "advocacy/"
