"""Form labels Django derives from this app's model field names, listed so that makemessages
extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""

from django.utils.translation import gettext_noop

LABELS = [
    gettext_noop("Case"),
    gettext_noop("Consent"),
    gettext_noop("Created at"),
    gettext_noop("Marks"),
    gettext_noop("Needs"),
    gettext_noop("Original text"),
    gettext_noop("Proposed at"),
    gettext_noop("Proposed by"),
    gettext_noop("Return reason"),
    gettext_noop("Reviewed at"),
    gettext_noop("Reviewed by"),
    gettext_noop("Scrubbed text"),
    gettext_noop("Spans"),
    gettext_noop("Status"),
    gettext_noop("Title"),
    gettext_noop("Updated at"),
    gettext_noop("Version"),
]
