"""Form labels Django derives from this app's model field names, listed so that makemessages
extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""

from django.utils.translation import gettext_noop

LABELS = [
    gettext_noop("Created at"),
    gettext_noop("Created by"),
    gettext_noop("Days before"),
    gettext_noop("Done on"),
    gettext_noop("Due on"),
    gettext_noop("Emailed"),
    gettext_noop("Every months"),
    gettext_noop("Evidence"),
    gettext_noop("Follows"),
    gettext_noop("Item"),
    gettext_noop("Kind"),
    gettext_noop("Notes"),
    gettext_noop("Owner"),
    gettext_noop("Recipient"),
    gettext_noop("Recurrence"),
    gettext_noop("Status"),
    gettext_noop("Title"),
    gettext_noop("Updated at"),
    gettext_noop("Version"),
    gettext_noop("Waived reason"),
]
