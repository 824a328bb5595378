"""Form labels Django derives from this app's model field names, listed so that makemessages
extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""

from django.utils.translation import gettext_noop

LABELS = [
    gettext_noop("Case type"),
    gettext_noop("Created at"),
    gettext_noop("Created by"),
    gettext_noop("Data set"),
    gettext_noop("Date handling"),
    gettext_noop("Fields"),
    gettext_noop("File name"),
    gettext_noop("Finished at"),
    gettext_noop("K"),
    gettext_noop("Left out for consent"),
    gettext_noop("Max suppressed percent"),
    gettext_noop("Name"),
    gettext_noop("Need"),
    gettext_noop("Period end"),
    gettext_noop("Period start"),
    gettext_noop("Problem"),
    gettext_noop("Program"),
    gettext_noop("Purpose"),
    gettext_noop("Recipient organisation"),
    gettext_noop("Records suppressed"),
    gettext_noop("Records written"),
    gettext_noop("Report"),
    gettext_noop("Requested at"),
    gettext_noop("Requested by"),
    gettext_noop("Rows done"),
    gettext_noop("Rows total"),
    gettext_noop("Started at"),
    gettext_noop("Status"),
    gettext_noop("Updated at"),
]
