"""The rules a release of substance-use records must meet, and the notice that goes with every one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils.translation import gettext

from tapestry.access import consent_rules
from tapestry.access.models import Consent, Segment
from tapestry.people.models import Organisation, Person

# The 42 CFR 2.32 notice (tapestry/access/consent_rules.py); it goes with every release.
REDISCLOSURE_NOTICE = consent_rules.PART2_NOTICE


def consent_problem(
    *,
    person: Person,
    recipient: Organisation,
    purpose: str,
    parts: Iterable[str] = (),
    on: dt.date | None = None,
) -> str:
    """Why no consent lets these substance-use records go to this recipient, in plain words.

    Called only when the policy found no consent; it looks at the nearest ones on file so the
    worker knows what to record (a new consent, a renewal, the right recipient, purpose or parts).
    """
    purpose_label = (
        str(Consent.Purpose(purpose).label).lower() if purpose in Consent.Purpose.values else purpose
    )
    wanted = gettext(
        "There is no written consent on file from %(person)s for substance-use records to go "
        "to %(recipient)s for %(purpose)s."
    ) % {"person": person.display_name, "recipient": recipient, "purpose": purpose_label}
    on_file = Consent.objects.filter(person=person, segment=Segment.SUBSTANCE_USE).select_related(
        "recipient_organisation", "person"
    )
    gap = consent_rules.consent_gap(
        candidates=on_file,
        segment=Segment.SUBSTANCE_USE,
        purpose=purpose,
        recipient=recipient,
        parts=parts,
        on=on,
    )
    return f"{wanted} {gap}" if gap else wanted
