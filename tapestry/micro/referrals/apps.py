"""App config for referrals: closed-loop referrals from a case to a service, with the consent check."""

from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "tapestry.micro.referrals"
    label = "referrals"
    url_prefix = "referrals/"
