"""Demo legislation: three bills of a made-up state legislature at different stages (one signed into
law, one died in committee, one pending with a hearing next week), a regulation, and the agency's
positions, a position paper in two versions, testimony and contacts with legislators."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.access.models import User
from tapestry.demo.context import DemoContext
from tapestry.macro.legislation import services
from tapestry.macro.legislation.models import Bill, Legislator, Position

STATE = "State of Westhaven"
SESSION = "2026"

LEGISLATORS = (
    ("Delegate Marisol Fenwick", "Delegate, District 12", "Civic Party"),
    ("Senator Otto Brandvold", "Senator, District 3", "Union Party"),
    ("Delegate Priya Lacombe", "Delegate, District 5", "Union Party"),
)

# identifier, title, subjects, abstract, actions as (days before today, chamber, description, classifications)
BILLS = (
    (
        "HB 101",
        "Tenant protections against retaliatory eviction",
        ["Housing", "Tenants"],
        "Bars eviction within a year of a tenant's complaint about repairs.",
        (
            (200, "House of Delegates", "Introduced and read the first time", ["introduction", "reading-1"]),
            (
                198,
                "House of Delegates",
                "Referred to Housing and Community Development",
                ["referral-committee"],
            ),
            (170, "Housing and Community Development", "Reported favorably", ["committee-passage-favorable"]),
            (150, "House of Delegates", "Passed the House of Delegates, 61-38", ["reading-3", "passage"]),
            (120, "Senate", "Passed the Senate, 21-14", ["reading-3", "passage"]),
            (110, "Executive", "Delivered to the Governor", ["executive-receipt"]),
            (100, "Executive", "Signed by the Governor", ["executive-signature"]),
            (90, "Executive", "Chapter 214 of the acts of 2026", ["became-law"]),
        ),
        Position.Stance.SUPPORT,
    ),
    (
        "SB 44",
        "Work requirements for food assistance",
        ["Food assistance", "Public benefits"],
        "Makes food assistance depend on 30 hours of work a week for adults without children at home.",
        (
            (160, "Senate", "Introduced and read the first time", ["introduction", "reading-1"]),
            (158, "Senate", "Referred to Finance", ["referral-committee"]),
            (110, "Finance", "Held in committee; no vote before the deadline", ["committee-failure"]),
        ),
        Position.Stance.OPPOSE,
    ),
    (
        "HB 318",
        "Funding for survivors' transitional housing",
        ["Housing", "Domestic violence"],
        "Funds two years of transitional housing for survivors of domestic violence leaving a shelter.",
        (
            (40, "House of Delegates", "Introduced and read the first time", ["introduction", "reading-1"]),
            (39, "House of Delegates", "Referred to Appropriations", ["referral-committee"]),
        ),
        Position.Stance.SUPPORT_IF_AMENDED,
    ),
)


def _legislators(actor: User) -> dict[str, Legislator]:
    found = {}
    for name, office, party in LEGISLATORS:
        found[name] = Legislator.objects.filter(name=name).first() or services.legislator_create(
            actor=actor, name=name, office=office, party=party
        )
    return found


def seed(ctx: DemoContext) -> str:
    organiser = ctx.staff.get("community_organiser")
    if organiser is None or Bill.objects.filter(jurisdiction=STATE).exists():
        return ""
    today = timezone.localdate()
    legislators = _legislators(organiser)
    sponsors = list(legislators.values())
    bills = []
    for n, (identifier, title, subjects, abstract, actions, stance) in enumerate(BILLS):
        bill = services.bill_create(
            actor=organiser,
            kind=Bill.Kind.BILL,
            jurisdiction=STATE,
            session=SESSION,
            identifier=identifier,
            title=title,
            classification=["bill"],
            abstract=abstract,
            from_organization="Senate" if identifier.startswith("SB") else "House of Delegates",
            subjects=subjects,
        )
        services.sponsorship_add(actor=organiser, bill=bill, name="", legislator=sponsors[n])
        services.sponsorship_add(
            actor=organiser,
            bill=bill,
            name=sponsors[(n + 1) % len(sponsors)].name,
            classification="cosponsor",
        )
        services.version_add(
            actor=organiser,
            bill=bill,
            note="Introduced",
            date=today - dt.timedelta(days=actions[0][0]),
            links=[
                {
                    "url": f"https://legislature.westhaven.example/{SESSION}/{identifier.replace(' ', '')}.pdf",
                    "media_type": "application/pdf",
                }
            ],
        )
        for days, chamber, description, classification in actions:
            services.action_add(
                actor=organiser,
                bill=bill,
                date=today - dt.timedelta(days=days),
                description=description,
                organization=chamber,
                classification=classification,
            )
        services.position_set(
            actor=organiser,
            bill=bill,
            version=0,
            stance=stance,
            rationale=f"What our caseworkers see every week bears on {title.lower()}.",
            decided_by="Policy committee of the board",
            decided_on=today - dt.timedelta(days=actions[0][0] - 5),
        )
        bills.append(bill)
    law, died, pending = bills

    paper = services.paper_create(
        actor=organiser,
        bill=pending,
        title="Why survivors need two years, not one",
        text="Survivors leaving our shelter need time to find work and a home they can afford.",
        note="Draft for the policy committee",
    )
    services.paper_revise(
        actor=organiser,
        paper=paper,
        version=paper.version,
        text="Survivors leaving our shelter need time to find work and a home they can afford. "
        "We ask the committee to fund case management alongside the housing.",
        note="Adds the amendment we ask for",
    )
    hearing_day = dt.datetime.combine(today + dt.timedelta(days=7), dt.time(10, 0))
    services.hearing_schedule(
        actor=organiser,
        bill=pending,
        starts_at=timezone.make_aware(hearing_day),
        committee="Appropriations",
        location="Capitol, Room 210",
        notes="Sign up to testify by the day before.",
    )
    services.testimony_record(
        actor=organiser,
        bill=law,
        hearing_date=today - dt.timedelta(days=175),
        committee="Housing and Community Development",
        testified_by="Joy Mwangi",
        mode="both",
        summary="Told the committee how often tenants who ask for repairs are then asked to leave.",
        text="Chair and members: our agency supports HB 101 ...",
    )
    services.testimony_record(
        actor=organiser,
        bill=died,
        hearing_date=today - dt.timedelta(days=130),
        committee="Finance",
        testified_by="Joy Mwangi",
        mode="written",
        summary="Written testimony against work requirements, with counts of the families we serve.",
    )
    services.contact_record(
        actor=organiser,
        bill=pending,
        legislator=sponsors[2],
        staff_name="Dana Whitcombe, legislative aide",
        contacted_on=today - dt.timedelta(days=10),
        channel="meeting",
        asked="Would the sponsor add case management funding to HB 318?",
        answer="Open to it if the cost stays under the committee's limit.",
        follow_up="Send the cost estimate for case management.",
        follow_up_by=today + dt.timedelta(days=3),
    )
    services.contact_record(
        actor=organiser,
        bill=died,
        legislator_name="Senator Ilse Marchetti",
        office="Chair, Finance Committee",
        contacted_on=today - dt.timedelta(days=140),
        channel="email",
        asked="Asked the chair not to bring SB 44 to a vote.",
        answer="No answer.",
    )
    services.bill_create(
        actor=organiser,
        kind=Bill.Kind.REGULATION,
        jurisdiction=STATE,
        session="",
        identifier="Reg 12-305",
        title="Department of Human Services: proof of address for benefit applications",
        abstract="Proposed rule requiring two documents proving address for every benefit application.",
        subjects=["Public benefits"],
    )
    return f"{len(bills) + 1} bills and policies, 1 hearing, 2 testimonies, 2 legislator contacts"
