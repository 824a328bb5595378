"""Form labels Django derives from this app's model field names, listed so that makemessages
extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""

from django.utils.translation import gettext_noop

LABELS = [
    gettext_noop("Baseline period"),
    gettext_noop("Baseline value"),
    gettext_noop("Breakdown"),
    gettext_noop("Created at"),
    gettext_noop("Created by"),
    gettext_noop("Definition"),
    gettext_noop("Denominator"),
    gettext_noop("Direction"),
    gettext_noop("Factor"),
    gettext_noop("Name"),
    gettext_noop("Numerator"),
    gettext_noop("Owner"),
    gettext_noop("Period type"),
    gettext_noop("Program"),
    gettext_noop("Target"),
    gettext_noop("Targets by period"),
    gettext_noop("Updated at"),
    gettext_noop("Version"),
]
