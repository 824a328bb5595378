"""Form labels Django derives from this app's model field names, listed so that makemessages
extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""

from django.utils.translation import gettext_noop

LABELS = [
    gettext_noop("Case"),
    gettext_noop("Created at"),
    gettext_noop("Kind"),
    gettext_noop("Person"),
    gettext_noop("Raised at"),
    gettext_noop("Raised by"),
    gettext_noop("Reason"),
    gettext_noop("Resolution reason"),
    gettext_noop("Resolved at"),
    gettext_noop("Resolved by"),
    gettext_noop("Segment"),
    gettext_noop("Source"),
    gettext_noop("Source id"),
    gettext_noop("Updated at"),
]
