"""Form labels Django derives from this app's model field names, listed so that makemessages
extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""

from django.utils.translation import gettext_noop

LABELS = [
    gettext_noop("Acts"),
    gettext_noop("Code"),
    gettext_noop("Created at"),
    gettext_noop("Description"),
    gettext_noop("Domain"),
    gettext_noop("Domains"),
    gettext_noop("ICD-10-CM code"),
    gettext_noop("ICD-10-CM code set (fiscal year)"),
    gettext_noop("Is active"),
    gettext_noop("Label"),
    gettext_noop("Level"),
    gettext_noop("Name"),
    gettext_noop("Needs"),
    gettext_noop("Updated at"),
]
