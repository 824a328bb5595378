"""The rules a release of substance-use records must meet, and the notice that goes with every one."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.access.models import Consent, Segment
from tapestry.people.models import Organisation, Person

# Our own wording of the 42 CFR Part 2 redisclosure notice; it goes with every release.
REDISCLOSURE_NOTICE = (
    "Notice to the recipient: the information released with this notice comes from substance-use "
    "treatment records that are protected by federal confidentiality rules (42 CFR Part 2). You may not "
    "disclose it to anyone else unless the person it is about has given written consent for that further "
    "disclosure, or the rules otherwise allow it. A general authorisation to release medical or other "
    "information does not meet this requirement. The rules also forbid using this information to bring "
    "criminal charges against, or to investigate, the person it is about."
)


def consent_problem(
    *, person: Person, recipient: Organisation, purpose: str, on: dt.date | None = None
) -> str:
    """Why no consent lets these substance-use records go to this recipient, in plain words.

    Called only when the policy found no consent; it looks at the nearest ones on file so the
    worker knows what to record (a new consent, a renewal, the right recipient or purpose).
    """
    day = on or timezone.localdate()
    purpose_label = Consent.Purpose(purpose).label.lower() if purpose in Consent.Purpose.values else purpose
    wanted = (
        f"There is no written consent on file from {person.display_name} for substance-use records to go "
        f"to {recipient} for {purpose_label}."
    )
    on_file = Consent.objects.filter(person=person, segment=Segment.SUBSTANCE_USE).select_related(
        "recipient_organisation"
    )
    same = on_file.filter(recipient_organisation=recipient, purpose=purpose)
    for consent in same.order_by("-given_on"):
        if consent.revoked_on and consent.revoked_on <= day:
            return f"{wanted} The consent given on {consent.given_on:%Y-%m-%d} was revoked on {consent.revoked_on:%Y-%m-%d}."
        if consent.expires_on and consent.expires_on < day:
            return f"{wanted} The consent given on {consent.given_on:%Y-%m-%d} expired on {consent.expires_on:%Y-%m-%d}."
        if consent.given_on > day:
            return f"{wanted} The consent on file only starts on {consent.given_on:%Y-%m-%d}."
        if not consent.written:
            return f"{wanted} The consent on file is not a signed, written consent."
    other_purpose = on_file.filter(recipient_organisation=recipient).exclude(purpose=purpose).first()
    if other_purpose is not None:
        return f"{wanted} The consent on file for {recipient} covers {other_purpose.get_purpose_display().lower()} only."
    others = sorted(
        {
            str(c.recipient_organisation) if c.recipient_organisation_id else c.recipient_description
            for c in on_file
        }
        - {""}
    )
    if others:
        return f"{wanted} The substance-use consents on file name {', '.join(others)}, not {recipient}."
    return wanted
