"""Form labels Django derives from this app's model field names, listed so that makemessages
extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""

from django.utils.translation import gettext_noop

LABELS = [
    gettext_noop("Created at"),
    gettext_noop("Dismissed by"),
    gettext_noop("First"),
    gettext_noop("Held on"),
    gettext_noop("Next due on"),
    gettext_noop("Reason"),
    gettext_noop("Second"),
    gettext_noop("Supervisor"),
    gettext_noop("Updated at"),
    gettext_noop("Worker"),
]
