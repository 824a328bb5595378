"""Form labels Django derives from this app's model field names, listed so that makemessages
extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""

from django.utils.translation import gettext_noop

LABELS = [
    gettext_noop("Action"),
    gettext_noop("Attending"),
    gettext_noop("Coalition"),
    gettext_noop("Commitments"),
    gettext_noop("Created at"),
    gettext_noop("Created by"),
    gettext_noop("Decisions"),
    gettext_noop("Done on"),
    gettext_noop("Due on"),
    gettext_noop("Ended on"),
    gettext_noop("Formed on"),
    gettext_noop("Goal"),
    gettext_noop("Held on"),
    gettext_noop("Joined on"),
    gettext_noop("Left on"),
    gettext_noop("Meeting"),
    gettext_noop("Name"),
    gettext_noop("Needs"),
    gettext_noop("Organisation"),
    gettext_noop("Our lead"),
    gettext_noop("Our owner"),
    gettext_noop("Owner"),
    gettext_noop("Place"),
    gettext_noop("Purpose"),
    gettext_noop("Role"),
    gettext_noop("Status"),
    gettext_noop("Summary"),
    gettext_noop("Target date"),
    gettext_noop("Updated at"),
    gettext_noop("Version"),
]
