"""App config for packs: evidence packs for advocacy: a campaign's figures from practice data, suppressed, with consented stories."""

from django.apps import AppConfig


class PacksConfig(AppConfig):
    name = "tapestry.thread.packs"
    label = "packs"
    url_prefix = "thread/packs/"
