"""App config for directory: the resource directory (Open Referral HSDS) that referrals point to."""

from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "tapestry.directory"
    label = "directory"
    url_prefix = "directory/"
