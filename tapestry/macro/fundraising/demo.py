"""Demo fundraising: fifteen donors (people and organisations), about sixty donations over the last
twelve months with their receipts, four recurring gifts, and revenue goals on two demo campaigns.

A loader, not a user action: it writes with the ORM and leaves the audit log to the demo loader.
Donors are made-up, none of them a demo client.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from tapestry.demo.context import DemoContext
from tapestry.macro.campaigns.models import Campaign
from tapestry.macro.fundraising.models import Donation, Donor, ReceiptSequence, RecurringGift, add_months
from tapestry.programs.models import Program

M = Donation.Method

# given name, family name, city, postcode, anonymous
PEOPLE = (
    ("Ada", "Mwangi", "Riverton", "00803", False),
    ("Bruno", "Keller", "Riverton", "00805", False),
    ("Carmen", "Ruiz", "Riverton", "00807", True),
    ("Dev", "Patel", "Lakeside", "00811", False),
    ("Elif", "Yilmaz", "Riverton", "00803", False),
    ("Farah", "Nasser", "Lakeside", "00812", False),
    ("Gus", "Olsen", "Riverton", "00805", False),
    ("Hana", "Sato", "Riverton", "00807", True),
    ("Ivan", "Petrov", "Lakeside", "00811", False),
    ("Joy", "Adeyemi", "Riverton", "00803", False),
    ("Kai", "Lund", "Riverton", "00805", False),
)
ORGANISATIONS = (
    "Riverton Rotary Club",
    "Lakeside Credit Union",
    "Harbor Street Bakery",
    "St. Brigid's Parish",
)
GOALS = {
    "Right to Counsel for Riverton Tenants": Decimal("25000"),
    "Fix the Bus to the Clinic": Decimal("5000"),
}


def seed(ctx: DemoContext) -> str:
    if Donor.objects.exists():
        return ""
    today = timezone.localdate()
    officer = ctx.staff.get("grants_officer")
    rng = ctx.rng
    donors = [
        Donor.objects.create(
            given_name=given,
            family_name=family,
            email=f"{given}.{family}@example.org".lower(),
            street=f"{10 + n * 7} Elm Street",
            city=city,
            region="NJ",
            postal_code=postcode,
            anonymous=anonymous,
            no_mail=n % 5 == 4,
            created_by=officer,
        )
        for n, (given, family, city, postcode, anonymous) in enumerate(PEOPLE)
    ]
    for name in ORGANISATIONS:
        donors.append(
            Donor.objects.create(
                kind=Donor.Kind.ORGANISATION,
                organisation_name=name,
                organisation=ctx.organisations.get(name),
                email=f"giving@{''.join(c for c in name.lower() if c.isalnum())}.example.org",
                city="Riverton",
                region="NJ",
                created_by=officer,
            )
        )
    campaigns = {c.title: c for c in Campaign.objects.filter(title__in=GOALS)}
    for title, goal in GOALS.items():
        if title in campaigns:
            campaigns[title].revenue_goal = goal
            campaigns[title].save(update_fields=["revenue_goal"])
    programs = list(Program.objects.order_by("pk")[:3])
    gifts = [
        RecurringGift.objects.create(
            donor=donors[n],
            amount=Decimal(amount),
            frequency=frequency,
            starts_on=add_months(today, -months_ago),
            status=status,
            created_by=officer,
        )
        for n, amount, frequency, months_ago, status in (
            (0, "25", RecurringGift.Frequency.MONTHLY, 11, RecurringGift.Status.ACTIVE),
            (3, "50", RecurringGift.Frequency.MONTHLY, 6, RecurringGift.Status.ACTIVE),
            (11, "500", RecurringGift.Frequency.QUARTERLY, 9, RecurringGift.Status.ACTIVE),
            (6, "20", RecurringGift.Frequency.MONTHLY, 8, RecurringGift.Status.PAUSED),
        )
    ]
    made = []
    for gift in gifts[:3]:
        # Every instalment but one of the first gift came, so the recurring page has one missed.
        for index, (due, _) in enumerate(gift.due_dates(start=gift.starts_on, end=today)):
            if gift is gifts[0] and index == 4:
                continue
            made.append((gift.donor, gift.amount, due, M.CARD, "", gift, None))
    while len(made) < 60:
        donor = rng.choice(donors)
        day = today - dt.timedelta(days=rng.randrange(0, 360))
        method = rng.choice([M.CHEQUE, M.CARD, M.ONLINE, M.CASH, M.BANK_TRANSFER])
        amount = Decimal(rng.choice([25, 50, 100, 150, 250, 500, 1000]))
        campaign = rng.choice([*campaigns.values(), None, None]) if campaigns else None
        made.append((donor, amount, day, method, "", None, campaign))
    made.append(
        (
            donors[13],
            Decimal("340"),
            today - dt.timedelta(days=40),
            M.IN_KIND,
            "Forty loaves of bread for the family dinner night",
            None,
            None,
        )
    )
    made.sort(key=lambda row: row[2])
    numbers: dict[int, int] = {}
    for n, (donor, amount, day, method, description, gift, campaign) in enumerate(made):
        restricted = programs and n % 6 == 0
        receipted = day < today - dt.timedelta(days=7)
        number = None
        if receipted:
            numbers[day.year] = numbers.get(day.year, 0) + 1
            number = numbers[day.year]
        Donation.objects.create(
            donor=donor,
            amount=amount,
            received_on=day,
            method=method,
            in_kind_description=description,
            fund=Donation.Fund.RESTRICTED if restricted else Donation.Fund.UNRESTRICTED,
            program=programs[n % len(programs)] if restricted else None,
            campaign=campaign,
            recurring_gift=gift,
            reference=f"CHK-{1000 + n}" if method == M.CHEQUE else "",
            receipt_year=day.year if receipted else None,
            receipt_number=number,
            receipted_on=min(day + dt.timedelta(days=3), today) if receipted else None,
            created_by=officer,
        )
    for year, last in numbers.items():
        ReceiptSequence.objects.create(year=year, last_number=last)
    return f"{len(donors)} donors, {len(made)} donations, {len(gifts)} recurring gifts"
