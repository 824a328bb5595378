"""Form labels Django derives from this app's model field names, listed so that makemessages
extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""

from django.utils.translation import gettext_noop

LABELS = [
    gettext_noop("Barrier"),
    gettext_noop("Case"),
    gettext_noop("Case need"),
    gettext_noop("Case type"),
    gettext_noop("Changed at"),
    gettext_noop("Changed by"),
    gettext_noop("Closed on"),
    gettext_noop("Closing note"),
    gettext_noop("Closing reason"),
    gettext_noop("Created at"),
    gettext_noop("Hold reason"),
    gettext_noop("Household"),
    gettext_noop("Identified on"),
    gettext_noop("Need"),
    gettext_noop("Note"),
    gettext_noop("On hold since"),
    gettext_noop("Opened on"),
    gettext_noop("Person"),
    gettext_noop("Presenting problem"),
    gettext_noop("Program"),
    gettext_noop("Referral source"),
    gettext_noop("Segment"),
    gettext_noop("Status"),
    gettext_noop("Updated at"),
    gettext_noop("Version"),
    gettext_noop("Worker"),
]
