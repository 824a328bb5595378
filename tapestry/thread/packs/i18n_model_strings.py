"""Form labels Django derives from this app's model field names, listed so that makemessages
extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""

from django.utils.translation import gettext_noop

LABELS = [
    gettext_noop("Campaign"),
    gettext_noop("Columns"),
    gettext_noop("Created at"),
    gettext_noop("Created by"),
    gettext_noop("First year"),
    gettext_noop("Include stories"),
    gettext_noop("Last year"),
    gettext_noop("Needs"),
    gettext_noop("Purpose"),
    gettext_noop("Title"),
    gettext_noop("Updated at"),
    gettext_noop("Version"),
]
