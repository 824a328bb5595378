"""Form labels Django derives from this app's model field names, listed so that makemessages
extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""

from django.utils.translation import gettext_noop

LABELS = [
    gettext_noop("Administered on"),
    gettext_noop("Answers"),
    gettext_noop("Corrected at"),
    gettext_noop("Correction reason"),
    gettext_noop("Created at"),
    gettext_noop("Created by"),
    gettext_noop("Goal"),
    gettext_noop("Group"),
    gettext_noop("Instrument"),
    gettext_noop("Instrument version"),
    gettext_noop("Last reviewed on"),
    gettext_noop("Measure or indicator"),
    gettext_noop("Membership"),
    gettext_noop("Note"),
    gettext_noop("Phase"),
    gettext_noop("Recorded by"),
    gettext_noop("Severity band"),
    gettext_noop("Source assessment"),
    gettext_noop("Status"),
    gettext_noop("Target"),
    gettext_noop("Total score"),
    gettext_noop("Updated at"),
    gettext_noop("Version"),
]
