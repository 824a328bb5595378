"""App config for partners."""

from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "tapestry.mezzo.partners"
    label = "partners"
    url_prefix = " agreements, shared programs, contacts and referrals exchanged:mezzo/partners/"
