"""App config for campaigns: advocacy campaigns, their targets, activities, petitions and outreach."""

from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "tapestry.macro.campaigns"
    label = "campaigns"
    url_prefix = "macro/campaigns/"
