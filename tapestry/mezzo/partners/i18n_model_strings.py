"""Form labels Django derives from this app's model field names, listed so that makemessages
extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""

from django.utils.translation import gettext_noop

LABELS = [
    gettext_noop("Agreement type"),
    gettext_noop("Case"),
    gettext_noop("Contacts"),
    gettext_noop("Created at"),
    gettext_noop("Created by"),
    gettext_noop("Ends on"),
    gettext_noop("Lead"),
    gettext_noop("Need"),
    gettext_noop("Notes"),
    gettext_noop("Organisation"),
    gettext_noop("Partnership"),
    gettext_noop("Programs"),
    gettext_noop("Reason"),
    gettext_noop("Received on"),
    gettext_noop("Recorded by"),
    gettext_noop("Signed on"),
    gettext_noop("Starts on"),
    gettext_noop("Status"),
    gettext_noop("Updated at"),
    gettext_noop("Version"),
]
