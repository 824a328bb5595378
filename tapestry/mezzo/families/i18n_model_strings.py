"""Form labels Django derives from this app's model field names, listed so that makemessages
extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""

from django.utils.translation import gettext_noop

LABELS = [
    gettext_noop("Case"),
    gettext_noop("Changed at"),
    gettext_noop("Changed by"),
    gettext_noop("Concerns"),
    gettext_noop("Created at"),
    gettext_noop("Created by"),
    gettext_noop("Description"),
    gettext_noop("Members"),
    gettext_noop("Need"),
    gettext_noop("Next review on"),
    gettext_noop("Number"),
    gettext_noop("Plan"),
    gettext_noop("Reason"),
    gettext_noop("Referrals"),
    gettext_noop("Snapshot"),
    gettext_noop("Started on"),
    gettext_noop("Status"),
    gettext_noop("Status note"),
    gettext_noop("Strengths"),
    gettext_noop("Target date"),
    gettext_noop("Updated at"),
    gettext_noop("Version"),
]
