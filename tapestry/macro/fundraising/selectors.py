"""Reads of fundraising. Donors' names and contacts are for grants officers only (`grant.manage`), and
each read of them is written to the audit log; totals name no one and are open to whoever reads
aggregates (`aggregate.read`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User
from tapestry.access.policy import Capability, has_capability, require_capability
from tapestry.evidence.suppression import Cell, suppress_count
from tapestry.macro.campaigns.models import Campaign
from tapestry.macro.fundraising.models import Donation, Donor, RecurringGift, add_months
from tapestry.programs.models import Program
from tapestry.web.ids import one_or_404

DONOR_FIELDS = ["given_name", "family_name", "organisation_name", "email", "phone", "address"]
LIVE = Q(voided_on__isnull=True)


def _manage(user: User) -> None:
    require_capability(user, Capability.GRANT_MANAGE)


def _totals(user: User) -> None:
    if not has_capability(user, Capability.GRANT_MANAGE):
        require_capability(user, Capability.AGGREGATE_READ)


def audit_donor_read(user: User, *, purpose: str, donor: Donor | None = None) -> None:
    """Donors are not clients, but their names and contacts are personal: each read is audited."""
    audit_record(
        actor=user,
        action=AuditEntry.Action.VIEW,
        obj=donor,
        object_type="" if donor else "fundraising.donor",
        fields=DONOR_FIELDS,
        purpose=purpose,
    )


def donor_list(*, user: User, query: str = "") -> QuerySet[Donor]:
    """Donors found by name or email, each with their giving summed in SQL; the read is audited."""
    _manage(user)
    query = query.strip()
    audit_donor_read(user, purpose=f"donors: {query}" if query else "donors")
    donors = Donor.objects.annotate(
        given_total=Sum("donations__amount", filter=Q(donations__voided_on__isnull=True)),
        gift_count=Count("donations", filter=Q(donations__voided_on__isnull=True)),
    )
    if query:
        donors = donors.filter(
            Q(given_name__icontains=query)
            | Q(family_name__icontains=query)
            | Q(organisation_name__icontains=query)
            | Q(email__iexact=query)
        )
    return donors.order_by("family_name", "organisation_name", "given_name", "pk")


def _donations() -> QuerySet[Donation]:
    return Donation.objects.select_related("donor", "program", "campaign", "recurring_gift")


def donor_get(*, user: User, donor_id: int, purpose: str = "donor record") -> Donor:
    """One donor with their gifts and recurring gifts, in a fixed number of queries; audited."""
    _manage(user)
    donors = Donor.objects.select_related("organisation").prefetch_related(
        Prefetch("donations", queryset=Donation.objects.select_related("program", "campaign")),
        Prefetch("recurring_gifts", queryset=RecurringGift.objects.order_by("starts_on", "pk")),
    )
    donor = one_or_404(donors, donor_id, "No such donor.")
    audit_donor_read(user, purpose=purpose, donor=donor)
    return donor


def donor_years(donor: Donor) -> list[int]:
    """The years the donor gave in (from the prefetched donations), newest first."""
    return sorted({d.received_on.year for d in donor.donations.all() if not d.is_void}, reverse=True)


def donation_list(*, user: User, donor_id: int | None = None) -> QuerySet[Donation]:
    _manage(user)
    audit_donor_read(user, purpose="donations")
    donations = _donations()
    if donor_id is not None:
        donations = donations.filter(donor_id=donor_id)
    return donations.order_by("-received_on", "-pk")


def donation_get(*, user: User, donation_id: int, purpose: str = "donation") -> Donation:
    _manage(user)
    donation = one_or_404(_donations(), donation_id, "No such donation.")
    audit_donor_read(user, purpose=purpose, donor=donation.donor)
    return donation


def donations_of_year(*, donor: Donor, year: int) -> list[Donation]:
    return list(
        donor.donations.filter(LIVE, received_on__year=year)
        .order_by("received_on", "pk")
        .select_related("program")
    )


def recurring_gift_list(*, user: User) -> QuerySet[RecurringGift]:
    _manage(user)
    audit_donor_read(user, purpose="recurring gifts")
    return RecurringGift.objects.select_related("donor").order_by("status", "starts_on", "pk")


def recurring_gift_get(*, user: User, gift_id: int) -> RecurringGift:
    _manage(user)
    gift = one_or_404(RecurringGift.objects.select_related("donor"), gift_id, "No such recurring gift.")
    audit_donor_read(user, purpose="recurring gift", donor=gift.donor)
    return gift


@dataclass(frozen=True)
class Instalment:
    gift: RecurringGift
    due_on: dt.date
    received: bool


def instalments(
    *, user: User, today: dt.date | None = None
) -> tuple[list[Instalment], list[Instalment], list[RecurringGift]]:
    """(expected this month, missed in the last twelve months, every gift) in two queries: the gifts,
    and the days their donations came. An instalment is met by a live donation to the gift received
    from its due day up to the next one's; it is missed once that period is over without one."""
    today = today or timezone.localdate()
    gifts = list(recurring_gift_list(user=user))
    since = add_months(today.replace(day=1), -12)
    received: dict[int, list[dt.date]] = {}
    for gift_id, day in (
        Donation.objects.filter(LIVE, recurring_gift__in=gifts, received_on__gte=add_months(since, -12))
        .values_list("recurring_gift_id", "received_on")
        .order_by("received_on")
    ):
        received.setdefault(gift_id, []).append(day)
    month_start = today.replace(day=1)
    month_end = add_months(month_start, 1) - dt.timedelta(days=1)
    this_month, missed = [], []
    for gift in gifts:
        if gift.status == RecurringGift.Status.CANCELLED:
            continue
        days = received.get(gift.pk, [])
        for due, until in gift.due_dates(start=since, end=month_end):
            met = any(due <= day < until for day in days)
            if month_start <= due <= month_end and gift.status == RecurringGift.Status.ACTIVE:
                this_month.append(Instalment(gift, due, met))
            elif until <= today and not met:
                missed.append(Instalment(gift, due, False))
    this_month.sort(key=lambda i: (i.due_on, i.gift.pk))
    missed.sort(key=lambda i: (i.due_on, i.gift.pk), reverse=True)
    return this_month, missed, gifts


# Totals ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CampaignRevenue:
    campaign: Campaign
    raised: Decimal
    donors: Cell

    @property
    def share(self) -> int | None:
        goal = self.campaign.revenue_goal
        return round(self.raised * 100 / goal) if goal else None


def campaign_revenue(campaign: Campaign, raised: Decimal | None, donor_count: int) -> CampaignRevenue:
    """What a campaign raised and how many gave: that count shown only at or above the threshold."""
    return CampaignRevenue(campaign, raised or Decimal("0"), suppress_count("Donors", donor_count))


def campaign_revenue_for(*, user: User, campaign: Campaign) -> CampaignRevenue:
    _totals(user)
    found = Donation.objects.filter(LIVE, campaign=campaign).aggregate(
        raised=Sum("amount"), donors=Count("donor", distinct=True)
    )
    return campaign_revenue(campaign, found["raised"], found["donors"])


@dataclass(frozen=True)
class Summary:
    months: list[tuple[dt.date, dict[str, Decimal], Decimal]]
    funds: list[tuple[str, Decimal]]
    programs: list[tuple[str, Decimal]]
    campaigns: list[CampaignRevenue]
    total: Decimal


def summary(*, user: User, today: dt.date | None = None) -> Summary:
    """Money received in the last twelve months by month and fund, by program, and by campaign against
    its goal: sums of money, naming no donor. Counts of donors are suppressed when small."""
    _totals(user)
    today = today or timezone.localdate()
    since = add_months(today.replace(day=1), -11)
    live = Donation.objects.filter(LIVE, received_on__gte=since)
    by_month: dict[dt.date, dict[str, Decimal]] = {add_months(since, n): {} for n in range(12)}
    for row in (
        live.annotate(month=TruncMonth("received_on")).values("month", "fund").annotate(total=Sum("amount"))
    ):
        month = row["month"]
        month = month.date() if isinstance(month, dt.datetime) else month
        by_month.setdefault(month, {})[row["fund"]] = row["total"]
    months = [(month, funds, sum(funds.values(), Decimal("0"))) for month, funds in sorted(by_month.items())]
    labels = dict(Donation.Fund.choices)
    funds = [
        (labels[row["fund"]], row["total"])
        for row in live.values("fund").annotate(total=Sum("amount")).order_by("fund")
    ]
    names = dict(Program.objects.values_list("pk", "name"))
    programs = [
        (names.get(row["program"], ""), row["total"])
        for row in live.filter(program__isnull=False)
        .values("program")
        .annotate(total=Sum("amount"))
        .order_by("program")
    ]
    campaigns = [
        campaign_revenue(campaign, campaign.raised, campaign.donor_count)
        for campaign in Campaign.objects.annotate(
            raised=Sum("donations__amount", filter=Q(donations__voided_on__isnull=True)),
            donor_count=Count("donations__donor", filter=Q(donations__voided_on__isnull=True), distinct=True),
        )
        .filter(Q(revenue_goal__isnull=False) | Q(raised__isnull=False))
        .order_by("title")
    ]
    return Summary(months, funds, programs, campaigns, sum((t for _, t in funds), Decimal("0")))


def campaign_choices() -> QuerySet[Campaign]:
    return Campaign.objects.order_by("title")


def program_choices() -> QuerySet[Program]:
    return Program.objects.order_by("name")


def donor_choices() -> QuerySet[Donor]:
    return Donor.objects.order_by("family_name", "organisation_name", "given_name", "pk")


def gift_choices(donor: Donor | None = None) -> QuerySet[RecurringGift]:
    gifts = RecurringGift.objects.select_related("donor").order_by("pk")
    return gifts.filter(donor=donor) if donor is not None else gifts
