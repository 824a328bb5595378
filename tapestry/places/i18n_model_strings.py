"""Form labels Django derives from this app's model field names, listed so that makemessages
extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""

from django.utils.translation import gettext_noop

LABELS = [
    gettext_noop("Area"),
    gettext_noop("Boundary"),
    gettext_noop("Code"),
    gettext_noop("Created at"),
    gettext_noop("Created by"),
    gettext_noop("Given"),
    gettext_noop("Inside"),
    gettext_noop("Kind"),
    gettext_noop("Latitude"),
    gettext_noop("Longitude"),
    gettext_noop("Name"),
    gettext_noop("Place"),
    gettext_noop("Postcode"),
    gettext_noop("Updated at"),
    gettext_noop("Version"),
]
