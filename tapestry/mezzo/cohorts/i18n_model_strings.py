"""Form labels Django derives from this app's model field names, listed so that makemessages
extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""

from django.utils.translation import gettext_noop

LABELS = [
    gettext_noop("Actor"),
    gettext_noop("Added by"),
    gettext_noop("Added on"),
    gettext_noop("At"),
    gettext_noop("Case"),
    gettext_noop("Cohort"),
    gettext_noop("Created at"),
    gettext_noop("Created by"),
    gettext_noop("Description"),
    gettext_noop("Done"),
    gettext_noop("Kind"),
    gettext_noop("Lead"),
    gettext_noop("Name"),
    gettext_noop("Params"),
    gettext_noop("Program"),
    gettext_noop("Removed by"),
    gettext_noop("Removed on"),
    gettext_noop("Situation"),
    gettext_noop("Skipped"),
    gettext_noop("Status"),
    gettext_noop("Updated at"),
    gettext_noop("Version"),
]
