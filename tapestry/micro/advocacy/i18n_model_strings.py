"""Form labels Django derives from this app's model field names, listed so that makemessages
extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""

from django.utils.translation import gettext_noop

LABELS = [
    gettext_noop("Action date"),
    gettext_noop("Action taken"),
    gettext_noop("Agency"),
    gettext_noop("Case"),
    gettext_noop("Created at"),
    gettext_noop("Issue"),
    gettext_noop("Organisation"),
    gettext_noop("Outcome"),
    gettext_noop("Outcome date"),
    gettext_noop("Outcome note"),
    gettext_noop("Recorded by"),
    gettext_noop("Rights information"),
    gettext_noop("Rights information given"),
    gettext_noop("Updated at"),
    gettext_noop("Version"),
]
