"""Demo campaigns: one of each kind, with targets, milestones, activities, a petition with
signatures, and letters and calls logged per target.

A loader, not a user action: it writes with the ORM and leaves the audit log to the demo loader.
Supporters are made-up community members, none of them a demo client.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.demo.context import DemoContext
from tapestry.macro.campaigns.models import (
    Activity,
    Attendee,
    Campaign,
    Milestone,
    Outreach,
    Petition,
    Signature,
    Supporter,
    Target,
)
from tapestry.macro.coalitions.models import Coalition
from tapestry.needs.models import Need

K = Campaign.Kind
A = Activity.Kind

# title, kind, status, summary, goals, need codes, coalition name, partners, started days ago, outcome
CAMPAIGNS = (
    (
        "Right to Counsel for Riverton Tenants",
        K.LEGISLATIVE_LOBBYING,
        Campaign.Status.ACTIVE,
        "A city ordinance giving every tenant facing eviction a free lawyer.",
        "The council passes a right-to-counsel ordinance with funding in next year's budget.",
        ("risk-of-homelessness", "housing-instability"),
        "Riverton Housing Justice Coalition",
        ("Legal Aid of Demo County", "Open Door Tenants' Union"),
        150,
        "",
    ),
    (
        "Fix the Bus to the Clinic",
        K.POLICY_ADVOCACY,
        Campaign.Status.ACTIVE,
        "Restore the route 12 evening bus to the community health centre.",
        "The transit board restores evening service on route 12.",
        ("transportation", "health-access"),
        None,
        ("Riverton Community Health Centre",),
        90,
        "",
    ),
    (
        "Know Your Rights at Work",
        K.PUBLIC_AWARENESS,
        Campaign.Status.PLANNING,
        "Workshops and leaflets on wage theft for warehouse and farm workers.",
        "Five hundred workers reached with plain-language guides in English and Spanish.",
        ("employment-problems",),
        None,
        (),
        10,
        "",
    ),
    (
        "Equal Access to Shelter",
        K.SOCIAL_JUSTICE,
        Campaign.Status.PARTLY_WON,
        "End the ID requirement at county shelters.",
        "Shelters admit people without photo ID.",
        ("homelessness-sheltered",),
        None,
        ("Safe Harbour Shelter",),
        400,
        "The county dropped the ID rule for families; single adults still need ID at two shelters.",
    ),
)

TARGETS = (
    ("Rosa", "Aldana", "Council member, District 3", "Riverton City Council"),
    ("Marcus", "Webb", "Chair, Housing Committee", "Riverton City Council"),
)

SUPPORTERS = (
    ("Lena", "Osei", "00803"),
    ("Daniel", "Brooks", "00805"),
    ("Ines", "Carvalho", "00807"),
    ("Hugo", "Lindgren", "00803"),
    ("Mei", "Tan", "00811"),
    ("Samir", "Haddad", "00812"),
)


def seed(ctx: DemoContext) -> str:
    if Campaign.objects.exists():
        return ""
    today = timezone.localdate()
    lead = ctx.staff.get("community_organiser")
    coalitions = {coalition.name: coalition for coalition in Coalition.objects.all()}
    made = []
    for title, kind, status, summary, goals, needs, coalition, partners, ago, outcome in CAMPAIGNS:
        campaign = Campaign.objects.create(
            title=title,
            kind=kind,
            status=status,
            summary=summary,
            goals=goals,
            coalition=coalitions.get(coalition) if coalition else None,
            lead=lead,
            starts_on=today - dt.timedelta(days=ago),
            outcome=outcome,
            created_by=lead,
        )
        campaign.needs.set(Need.objects.filter(code__in=needs))
        campaign.partners.set([ctx.organisations[name] for name in partners if name in ctx.organisations])
        made.append(campaign)
    supporters = [
        Supporter.objects.create(
            given_name=given,
            family_name=family,
            email=f"{given.lower()}.{family.lower()}@example.org",
            postal_code=postcode,
            may_contact=True,
            created_by=lead,
        )
        for given, family, postcode in SUPPORTERS
    ]
    _lobbying(made[0], supporters, lead, today)
    Activity.objects.create(
        campaign=made[1],
        kind=A.MEDIA,
        held_on=today - dt.timedelta(days=20),
        title="Letter in the Riverton Courier",
        reach=4000,
        created_by=lead,
    )
    return f"{len(made)} campaigns, {len(supporters)} supporters"


def _lobbying(campaign: Campaign, supporters: list[Supporter], lead: object, today: dt.date) -> None:
    targets = [
        Target.objects.create(
            campaign=campaign, given_name=given, family_name=family, title=title, organization=org
        )
        for given, family, title, org in TARGETS
    ]
    for milestone, due, reached in (
        ("Hearing granted by the housing committee", -30, -35),
        ("Committee vote", 21, None),
        ("Council vote", 60, None),
    ):
        Milestone.objects.create(
            campaign=campaign,
            milestone=milestone,
            due_on=today + dt.timedelta(days=due),
            reached_on=today + dt.timedelta(days=reached) if reached is not None else None,
        )
    for kind, ago, title, reach, attendance in (
        (A.MEETING, 70, "Meeting with Council member Aldana", None, None),
        (A.EVENT, 40, "Tenants' town hall", 300, 85),
        (A.TESTIMONY, 12, "Testimony at the housing committee", 60, None),
    ):
        activity = Activity.objects.create(
            campaign=campaign,
            kind=kind,
            held_on=today - dt.timedelta(days=ago),
            title=title,
            reach=reach,
            attendance=attendance,
            created_by=lead,
        )
        if kind == A.EVENT:
            # Those on our list who answered the invitation, and whether they came.
            statuses = [Attendee.Status.ACCEPTED, Attendee.Status.ACCEPTED, Attendee.Status.TENTATIVE]
            for n, supporter in enumerate(supporters[:6]):
                status = statuses[n % len(statuses)] if n < 5 else Attendee.Status.DECLINED
                Attendee.objects.create(
                    event=activity,
                    supporter=supporter,
                    status=status,
                    attended=status == Attendee.Status.ACCEPTED,
                    answered_on=activity.held_on - dt.timedelta(days=7 - n),
                )
    petition = Petition.objects.create(
        campaign=campaign,
        title="A lawyer for every tenant facing eviction",
        petition_text="We ask the City Council to guarantee free legal counsel to every tenant facing eviction.",
        target=targets[1],
        signature_goal=500,
        created_by=lead,
    )
    for days_ago, supporter in enumerate(supporters, start=3):
        Signature.objects.create(
            petition=petition, supporter=supporter, signed_on=today - dt.timedelta(days=days_ago)
        )
    for index, supporter in enumerate(supporters[:4]):
        Outreach.objects.create(
            campaign=campaign,
            target=targets[index % 2],
            supporter=supporter,
            type=Outreach.Type.EMAIL if index % 2 else Outreach.Type.PHONE,
            made_on=today - dt.timedelta(days=5 + index),
            subject="Please support right to counsel",
            duration_minutes=None if index % 2 else 4,
            created_by=lead,
        )
