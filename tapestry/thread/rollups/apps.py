"""App config for rollups: the needs taxonomy across levels: one page per need or barrier, with its counts (suppressed), trend, groups, programs, referrals, score changes and campaigns."""

from django.apps import AppConfig


class RollupsConfig(AppConfig):
    name = "tapestry.thread.rollups"
    label = "rollups"
    url_prefix = "thread/needs/"
