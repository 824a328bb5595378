"""Form labels Django derives from this app's model field names, listed so that makemessages
extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""

from django.utils.translation import gettext_noop

LABELS = [
    gettext_noop("Activities"),
    gettext_noop("Created at"),
    gettext_noop("Date"),
    gettext_noop("Facilitators"),
    gettext_noop("Group"),
    gettext_noop("Group dynamics"),
    gettext_noop("Membership"),
    gettext_noop("Missed"),
    gettext_noop("Note"),
    gettext_noop("Progress toward group goals"),
    gettext_noop("Recorded by"),
    gettext_noop("Session"),
    gettext_noop("Start time"),
    gettext_noop("Status"),
    gettext_noop("Streak started"),
    gettext_noop("Task"),
    gettext_noop("Text"),
    gettext_noop("Themes"),
    gettext_noop("Topic"),
    gettext_noop("Updated at"),
    gettext_noop("Version"),
    gettext_noop("Written by"),
]
