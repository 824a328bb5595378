"""Form labels Django derives from this app's model field names, listed so that makemessages
extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""

from django.utils.translation import gettext_noop

LABELS = [
    gettext_noop("Actor"),
    gettext_noop("At"),
    gettext_noop("Case"),
    gettext_noop("Consent"),
    gettext_noop("Created at"),
    gettext_noop("Created by"),
    gettext_noop("Decline reason"),
    gettext_noop("Legal basis"),
    gettext_noop("Needs"),
    gettext_noop("Note"),
    gettext_noop("Reason"),
    gettext_noop("Recipient organisation"),
    gettext_noop("Referral"),
    gettext_noop("Response due on"),
    gettext_noop("Sent at"),
    gettext_noop("Service"),
    gettext_noop("Share assessment summary"),
    gettext_noop("Share contact details"),
    gettext_noop("Share identity"),
    gettext_noop("Share needs"),
    gettext_noop("Share school enrolment"),
    gettext_noop("Status"),
    gettext_noop("Updated at"),
    gettext_noop("Urgency"),
    gettext_noop("Version"),
]
