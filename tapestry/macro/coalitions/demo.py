"""Demo coalitions: a housing-justice coalition with meetings and action items, and a forming one.

A loader, not a user action: it writes with the ORM and leaves the audit log to the demo loader.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.demo.context import DemoContext
from tapestry.macro.coalitions.models import ActionItem, Coalition, Meeting, Membership, SharedGoal
from tapestry.needs.models import Need

R = Membership.Role

# name, purpose, status, need codes, formed days ago, [(organisation, role, commitments)], goals
COALITIONS = (
    (
        "Riverton Housing Justice Coalition",
        "Keep families in their homes: a right to counsel in eviction cases and more affordable units.",
        Coalition.Status.ACTIVE,
        ("risk-of-homelessness", "housing-instability"),
        420,
        (
            ("Open Door Tenants' Union", R.CONVENER, "Chairs the meetings; brings tenants to testify."),
            (
                "Legal Aid of Demo County",
                R.STEERING,
                "Eviction data from its clinic; drafts the bill language.",
            ),
            ("Riverton Food Collective", R.MEMBER, "Shares the campaign with families at the pantry."),
            ("Office of Council Member Aldana", R.OBSERVER, ""),
        ),
        (
            ("A right-to-counsel ordinance passed by the city council", 240),
            ("200 new income-restricted units in the next housing plan", 600),
        ),
    ),
    (
        "Eastfield Youth Futures Network",
        "Youth-serving organisations planning summer work and mentoring places together.",
        Coalition.Status.FORMING,
        ("unemployment",),
        30,
        (
            ("Eastfield Youth Mentoring", R.CONVENER, "Hosts the first meetings."),
            ("Eastfield Middle School", R.MEMBER, ""),
        ),
        (("A shared calendar of summer places for young people", 120),),
    ),
)

# days ago, place, summary, decisions, [(action, owner index or None, ours, due in days)]
MEETINGS = (
    (
        60,
        "Open Door Tenants' Union hall",
        "Reviewed eviction filings with Legal Aid; agreed to push for a council hearing.",
        "Ask the council's housing committee for a hearing on right to counsel\nCollect ten tenant stories with consent",
        (("Request the hearing in writing", 0, False, -20), ("Draft the one-page fact sheet", 1, True, -5)),
    ),
    (
        14,
        "Our office, room 2",
        "Planned testimony; the council aide explained the committee calendar.",
        "Three tenants and Legal Aid to testify",
        (("Prepare tenants for testimony", 0, True, 10), ("Bring eviction counts by postcode", 1, False, 7)),
    ),
)


def seed(ctx: DemoContext) -> str:
    if Coalition.objects.exists():
        return ""
    today = timezone.localdate()
    lead = ctx.staff.get("community_organiser")
    made = []
    for name, purpose, status, needs, formed_ago, members, goals in COALITIONS:
        coalition = Coalition.objects.create(
            name=name,
            purpose=purpose,
            status=status,
            our_lead=lead,
            formed_on=today - dt.timedelta(days=formed_ago),
            created_by=lead,
        )
        coalition.needs.set(Need.objects.filter(code__in=needs))
        for organisation_name, role, commitments in members:
            organisation = ctx.organisations.get(organisation_name)
            if organisation is not None:
                Membership.objects.create(
                    coalition=coalition,
                    organisation=organisation,
                    role=role,
                    commitments=commitments,
                    joined_on=coalition.formed_on,
                    created_by=lead,
                )
        for goal, in_days in goals:
            SharedGoal.objects.create(
                coalition=coalition,
                goal=goal,
                target_date=today + dt.timedelta(days=in_days),
                created_by=lead,
            )
        made.append(coalition)
    _meetings(made[0], lead, today)
    return f"{len(made)} coalitions with {Meeting.objects.count()} meetings"


def _meetings(coalition: Coalition, lead: object, today: dt.date) -> None:
    members = list(coalition.memberships.order_by("pk"))
    for days_ago, place, summary, decisions, actions in MEETINGS:
        meeting = Meeting.objects.create(
            coalition=coalition,
            held_on=today - dt.timedelta(days=days_ago),
            place=place,
            summary=summary,
            decisions=decisions,
            created_by=lead,
        )
        meeting.attending.set(members[:3])
        for action, owner, ours, due_in in actions:
            ActionItem.objects.create(
                coalition=coalition,
                meeting=meeting,
                action=action,
                owner=members[owner] if owner is not None and owner < len(members) else None,
                our_owner=lead if ours or not members else None,
                due_on=today + dt.timedelta(days=due_in),
                done_on=today - dt.timedelta(days=days_ago // 2) if days_ago > 30 and owner == 0 else None,
                created_by=lead,
            )
