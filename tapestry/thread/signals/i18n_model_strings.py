"""Form labels Django derives from this app's model field names, listed so that makemessages
extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""

from django.utils.translation import gettext_noop

LABELS = [
    gettext_noop("Area"),
    gettext_noop("Barrier"),
    gettext_noop("Baseline total"),
    gettext_noop("Campaign"),
    gettext_noop("Decided at"),
    gettext_noop("Decided by"),
    gettext_noop("Dismiss reason"),
    gettext_noop("Expected"),
    gettext_noop("Found at"),
    gettext_noop("Group"),
    gettext_noop("Key"),
    gettext_noop("Kind"),
    gettext_noop("Need"),
    gettext_noop("Observed"),
    gettext_noop("P value"),
    gettext_noop("Period end"),
    gettext_noop("Period label"),
    gettext_noop("Period start"),
    gettext_noop("Period unit"),
    gettext_noop("Q value"),
    gettext_noop("Response"),
    gettext_noop("Sent"),
    gettext_noop("Status"),
    gettext_noop("Trend"),
    gettext_noop("Updated at"),
]
