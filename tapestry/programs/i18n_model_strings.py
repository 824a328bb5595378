"""Form labels Django derives from this app's model field names, listed so that makemessages
extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""

from django.utils.translation import gettext_noop

LABELS = [
    gettext_noop("Amount"),
    gettext_noop("Capacity"),
    gettext_noop("Category"),
    gettext_noop("Column"),
    gettext_noop("Created at"),
    gettext_noop("Created by"),
    gettext_noop("Data source"),
    gettext_noop("Description"),
    gettext_noop("Ends on"),
    gettext_noop("FTE"),
    gettext_noop("Fiscal year"),
    gettext_noop("Funder"),
    gettext_noop("How often measured"),
    gettext_noop("Indicator"),
    gettext_noop("Is active"),
    gettext_noop("Name"),
    gettext_noop("Position"),
    gettext_noop("Program"),
    gettext_noop("Purpose"),
    gettext_noop("Role in program"),
    gettext_noop("Started on"),
    gettext_noop("Starts on"),
    gettext_noop("Status"),
    gettext_noop("Target population"),
    gettext_noop("Target value"),
    gettext_noop("Text"),
    gettext_noop("Unit"),
    gettext_noop("Updated at"),
    gettext_noop("User"),
    gettext_noop("Version"),
]
