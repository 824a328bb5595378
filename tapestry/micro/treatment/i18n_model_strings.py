"""Form labels Django derives from this app's model field names, listed so that makemessages
extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""

from django.utils.translation import gettext_noop

LABELS = [
    gettext_noop("Adherence"),
    gettext_noop("Author"),
    gettext_noop("Case"),
    gettext_noop("Checked on"),
    gettext_noop("Consent"),
    gettext_noop("Consent explanation"),
    gettext_noop("Content"),
    gettext_noop("Created at"),
    gettext_noop("Created by"),
    gettext_noop("Diagnosis"),
    gettext_noop("Discipline"),
    gettext_noop("Frequency"),
    gettext_noop("Goals"),
    gettext_noop("Interventions"),
    gettext_noop("Medication"),
    gettext_noop("Note"),
    gettext_noop("Parts"),
    gettext_noop("Prescribed by"),
    gettext_noop("Problems"),
    gettext_noop("Purpose"),
    gettext_noop("Recipient"),
    gettext_noop("Recorded by"),
    gettext_noop("Redisclosure notice"),
    gettext_noop("Released at"),
    gettext_noop("Released by"),
    gettext_noop("Review date"),
    gettext_noop("SUD counselling note"),
    gettext_noop("Side effects"),
    gettext_noop("Text"),
    gettext_noop("Updated at"),
    gettext_noop("Version"),
    gettext_noop("Written on"),
]
