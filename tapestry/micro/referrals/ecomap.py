"""What referrals add to a person's ecomap: the services they are referred to."""

from __future__ import annotations

from django.urls import reverse

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.micro.cases.hooks import EcomapLink
from tapestry.micro.referrals.models import Referral
from tapestry.people.models import Person

STRAINED = (Referral.Status.DECLINED, Referral.Status.NO_RESPONSE)


def ecomap_links(*, user: User, person: Person) -> list[EcomapLink]:
    """One link per service, from its latest referral; recorded-but-unsent referrals are left out."""
    referrals = (
        policy.visible(user, Referral.objects.filter(case__person=person))
        .exclude(status=Referral.Status.DRAFT)
        .select_related("service__organization")
        .order_by("-created_at", "-pk")
    )
    links: dict[int, EcomapLink] = {}
    for referral in referrals:
        if referral.service_id in links:
            continue
        links[referral.service_id] = EcomapLink(
            label=referral.service.name,
            kind="service",
            detail=f"{referral.service.organization.name} · referral {referral.get_status_display().lower()}",
            url=reverse("referrals:referral_detail", args=[referral.pk]),
            stressful=referral.status in STRAINED,
        )
    return list(links.values())
