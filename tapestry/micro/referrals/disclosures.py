"""What the referrals app adds to a person's accounting of disclosures: every referral sent."""

from __future__ import annotations

from django.db.models import Prefetch
from django.urls import reverse

from tapestry.access import policy
from tapestry.access.consent_rules import Disclosure
from tapestry.access.models import User
from tapestry.micro.referrals.models import Referral, ReferralEvent
from tapestry.people.models import Person


def disclosures_for(*, user: User, person: Person) -> list[Disclosure]:
    sent = ReferralEvent.objects.filter(status=Referral.Status.SENT).select_related("actor")
    referrals = (
        policy.visible(user, Referral.objects.filter(case__person=person, sent_at__isnull=False))
        .select_related("case", "service__organization", "recipient_organisation")
        .prefetch_related(Prefetch("events", queryset=sent, to_attr="sent_events"))
    )
    rows = []
    for referral in referrals:
        actor = next((event.actor for event in referral.sent_events if event.actor_id), None)
        rows.append(
            Disclosure(
                when=referral.sent_at,
                recipient=(referral.recipient_organisation or referral.service.organization).name,
                purpose="Referral to a service"
                + (f" ({referral.legal_basis}, no consent needed)" if referral.legal_basis else ""),
                parts=referral.part_labels,
                segment=referral.case.segment,
                consent_id=referral.consent_id,
                made_by=(actor.get_full_name() or actor.username) if actor else "",
                reference=f"Referral to {referral.service.name}",
                url=reverse("referrals:referral_detail", args=[referral.pk]),
            )
        )
    return rows
