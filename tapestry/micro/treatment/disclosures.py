"""What the treatment app adds to a person's accounting of disclosures: its releases."""

from __future__ import annotations

from django.urls import reverse

from tapestry.access import policy
from tapestry.access.consent_rules import Disclosure
from tapestry.access.models import User
from tapestry.micro.treatment.models import Release
from tapestry.people.models import Person


def disclosures_for(*, user: User, person: Person) -> list[Disclosure]:
    releases = policy.visible(user, Release.objects.filter(case__person=person)).select_related(
        "recipient", "released_by", "case"
    )
    return [
        Disclosure(
            when=release.released_at,
            recipient=release.recipient.name,
            purpose=release.get_purpose_display(),
            parts=release.part_labels(),
            segment=release.case.segment,
            consent_id=release.consent_id,
            made_by=release.released_by.get_full_name() or release.released_by.username,
            reference=f"Release {release.number}",
            url=reverse("treatment:release_detail", args=[release.pk]),
        )
        for release in releases
    ]
