"""App config for signals: escalation signals: clusters of unmet needs in one area and period, and referrals that go unanswered, found by a documented statistical rule."""

from django.apps import AppConfig


class SignalsConfig(AppConfig):
    name = "tapestry.thread.signals"
    label = "signals"
    url_prefix = "thread/signals/"
