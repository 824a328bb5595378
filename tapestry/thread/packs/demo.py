"""Demo evidence pack: the housing campaign's pack of this year and the last, stories included."""

from __future__ import annotations

from django.utils import timezone

from tapestry.demo.context import DemoContext
from tapestry.macro.campaigns.models import Campaign
from tapestry.thread.packs.models import Pack
from tapestry.thread.packs.services import pack_create


def seed(ctx: DemoContext) -> str:
    organiser = ctx.staff.get("community_organiser")
    if Pack.objects.exists() or organiser is None:
        return ""
    campaign = (
        Campaign.objects.filter(needs__code__in=["housing-instability", "risk-of-homelessness"])
        .order_by("pk")
        .first()
    )
    if campaign is None:
        return ""
    year = timezone.localdate().year
    pack = pack_create(
        actor=organiser,
        campaign=campaign,
        title=f"What our cases show: {campaign.title}",
        purpose="For the housing committee's hearing: housing needs in our cases, referral outcomes, and "
        "clients' stories told with their consent.",
        first_year=year - 1,
        last_year=year,
    )
    return f"1 evidence pack ({pack.title})"
