"""Form labels Django derives from this app's model field names, listed so that makemessages
extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""

from django.utils.translation import gettext_noop

LABELS = [
    gettext_noop("Added by"),
    gettext_noop("Close reason"),
    gettext_noop("Closed on"),
    gettext_noop("Created at"),
    gettext_noop("Created by"),
    gettext_noop("Description"),
    gettext_noop("Dispute"),
    gettext_noop("Follow up note"),
    gettext_noop("Follow up on"),
    gettext_noop("Follow up status"),
    gettext_noop("Followed up on"),
    gettext_noop("Held on"),
    gettext_noop("Issues"),
    gettext_noop("Kind"),
    gettext_noop("Mediators"),
    gettext_noop("Next steps"),
    gettext_noop("Opened on"),
    gettext_noop("Organisation"),
    gettext_noop("Person"),
    gettext_noop("Present"),
    gettext_noop("Reached on"),
    gettext_noop("Recorded by"),
    gettext_noop("Role"),
    gettext_noop("Status"),
    gettext_noop("Summary"),
    gettext_noop("Terms"),
    gettext_noop("Title"),
    gettext_noop("Updated at"),
    gettext_noop("Version"),
]
