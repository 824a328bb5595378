"""App config for fundraising: donors, donations and their receipts, recurring gifts."""

from django.apps import AppConfig


class FundraisingConfig(AppConfig):
    name = "tapestry.macro.fundraising"
    label = "fundraising"
    url_prefix = "macro/fundraising/"
