"""Demo groups: support, grief, parenting, youth, after-school, classroom and recovery groups with members.

A loader, not a user action: rows are written with the ORM (capacity and waiting-list order kept by
construction) and one audit entry records the load.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, Segment, User
from tapestry.demo.context import DemoContext
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.micro.cases.models import Case
from tapestry.needs.models import Need
from tapestry.people.models import ContactPoint, Person
from tapestry.places.models import Area
from tapestry.programs.models import Program


@dataclass(frozen=True)
class Plan:
    name: str
    kind: str
    purpose: str
    needs: tuple[str, ...]
    facilitators: tuple[str, ...]
    program: str | None
    location: str
    capacity: int
    starts_in_days: int  # relative to today; negative = already running
    start_time: dt.time
    frequency: str = Group.Frequency.WEEKLY
    session_count: int | None = None
    enrolment: str = Group.Enrolment.OPEN
    eligibility: str = ""
    segment: str = ""
    # Clients from these workers' open cases in the group's segment, then community members.
    client_workers: tuple[str, ...] = ()
    clients: int = 0
    community: int = 0
    waiting: int = 0  # more community members than places: they wait
    exits: int = 0


PLANS = (
    Plan(
        "Safe Harbour survivors' circle",
        Group.Kind.SUPPORT,
        "A confidential weekly circle for women who have left an abusive relationship: safety, confidence "
        "and rebuilding daily life, together.",
        ("domestic-violence", "crime-victim"),
        ("group_facilitator", "amara.okafor"),
        "Family Support",
        "Safe Harbour Shelter, community room (address given on enrolment)",
        10,
        -42,
        dt.time(10, 0),
        eligibility="Adults who have experienced domestic violence; referral by a worker or the shelter.",
        client_workers=("amara.okafor", "caseworker", "priya.natarajan"),
        clients=4,
        community=2,
        exits=1,
    ),
    Plan(
        "Living with loss: grief group",
        Group.Kind.SUPPORT,
        "Eight evenings for adults grieving the death of someone close: sharing, understanding grief and "
        "finding ways through the hardest days.",
        ("bereavement", "social-isolation"),
        ("caseworker",),
        None,
        "Riverton Public Library, meeting room 2",
        12,
        -21,
        dt.time(18, 30),
        session_count=8,
        enrolment=Group.Enrolment.CLOSED,
        eligibility="Adults bereaved in the last two years.",
        client_workers=("caseworker", "tomas.lindqvist", "priya.natarajan"),
        clients=3,
        community=4,
    ),
    Plan(
        "Positive Parenting class",
        Group.Kind.PARENTING,
        "A ten-week class for parents and carers of children aged 2 to 12: routines, calm discipline, "
        "play and looking after yourself.",
        ("parental-supervision", "family-disruption", "caregiver-burden"),
        ("community_educator", "group_facilitator"),
        "Family Support",
        "Northgate Community College, room B12",
        8,
        -14,
        dt.time(17, 30),
        session_count=10,
        eligibility="Parents and carers of children aged 2 to 12.",
        client_workers=("caseworker", "amara.okafor", "child_welfare_worker", "priya.natarajan"),
        clients=4,
        community=4,
        waiting=3,
        exits=1,
    ),
    Plan(
        "Eastfield Youth Club",
        Group.Kind.YOUTH,
        "Friday evenings for young people aged 11 to 16: sport, music, cooking and a safe place to be.",
        ("social-isolation", "parental-supervision"),
        ("kai.nakoa", "group_facilitator"),
        "Youth Mentoring",
        "Eastfield Community Centre, main hall",
        25,
        -90,
        dt.time(18, 0),
        eligibility="Young people aged 11 to 16 living in Eastfield.",
        client_workers=("kai.nakoa",),
        clients=3,
        community=8,
    ),
    Plan(
        "After-school homework club",
        Group.Kind.AFTER_SCHOOL,
        "Homework help, a snack and reading time twice a week for pupils who need a quiet place to study.",
        ("education-problems", "low-literacy"),
        ("school_social_worker",),
        "School Success",
        "Riverton Elementary School, library",
        15,
        -35,
        dt.time(15, 15),
        eligibility="Pupils in grades 3 to 5 at Riverton Elementary.",
        community=9,
    ),
    Plan(
        "Friendship skills in Room 4",
        Group.Kind.CLASSROOM,
        "A six-session classroom programme on making and keeping friends, handling conflict and standing "
        "up to bullying, taught with the class teacher.",
        ("education-problems", "social-isolation"),
        ("school_social_worker", "community_educator"),
        "School Success",
        "Eastfield Middle School, room 4",
        30,
        7,
        dt.time(10, 45),
        session_count=6,
        enrolment=Group.Enrolment.CLOSED,
        eligibility="The pupils of class 7B.",
        community=0,
    ),
    Plan(
        "Recovery Circle",
        Group.Kind.THERAPY,
        "A weekly peer-support and relapse-prevention group for people cutting down or stopping alcohol "
        "or drug use.",
        ("substance-use",),
        ("caseworker",),
        "Recovery Support",
        "Harbourview Recovery Clinic, group room",
        12,
        -56,
        dt.time(19, 0),
        eligibility="Adults in or after treatment for substance use.",
        segment=Segment.SUBSTANCE_USE,
        client_workers=("caseworker",),
        clients=3,
        exits=1,
    ),
)

# The facts a plan gives a group as they are, under the same names.
GROUP_FACTS = (
    "name", "kind", "purpose", "location", "capacity", "enrolment", "eligibility", "segment",
    "start_time", "frequency", "session_count",
)  # fmt: skip

COMMUNITY_NAMES = (
    ("Maribel", "Quintero"), ("Deshawn", "Carter"), ("Ilse", "Verhoeven"), ("Tariq", "Haddad"),
    ("Noor", "Siddiqui"), ("Bridget", "O'Malley"), ("Kofi", "Mensah"), ("Ana", "Petrović"),
    ("Hiroshi", "Tanaka"), ("Grace", "Nwosu"), ("Luca", "Bianchi"), ("Fatima", "Diallo"),
    ("Owen", "Price"), ("Rosa", "Delgado"), ("Yusuf", "Demir"), ("Chloe", "Martin"),
    ("Amir", "Rahimi"), ("Sienna", "Walsh"), ("Mateo", "Ruiz"), ("Leila", "Haddad"),
    ("Jonah", "Brooks"), ("Priyanka", "Rao"), ("Ellis", "Grant"), ("Zara", "Ahmed"),
    ("Tobias", "Lund"), ("Imani", "Okoro"), ("Felix", "Novak"), ("Mia", "Kowalski"),
    ("Ravi", "Menon"), ("Ivy", "Chen"), ("Samuel", "Adjei"), ("Hana", "Sato"),
)  # fmt: skip

EXIT_STORIES = (
    (Membership.ExitReason.MOVED_AWAY, "Moved to her sister's in another county."),
    (Membership.ExitReason.DROPPED_OUT, "Stopped coming after a change of work shifts."),
    (Membership.ExitReason.MOVED_ON, "Now attending a day programme at the clinic."),
)


def _community_member(ctx: DemoContext, index: int, youth: bool) -> Person:
    given, family = COMMUNITY_NAMES[index % len(COMMUNITY_NAMES)]
    today = timezone.localdate()
    age = ctx.rng.randint(8, 15) if youth else ctx.rng.randint(24, 60)
    person = Person.objects.create(
        given_name=given,
        family_name=family,
        date_of_birth=today.replace(year=today.year - age, day=min(today.day, 28)),
    )
    if not youth:
        ContactPoint.objects.create(
            person=person, kind=ContactPoint.Kind.PHONE, value=f"(555) 020-{1000 + index:04d}"
        )
    return person


def _clients(plan: Plan, taken: set[int]) -> list[Case]:
    cases = (
        Case.objects.filter(
            worker__username__in=plan.client_workers, status=Case.Status.OPEN, segment=plan.segment
        )
        .select_related("person")
        .order_by("opened_on", "pk")
    )
    wanted = set(plan.needs)
    matching = [c for c in cases if wanted & set(c.needs.values_list("need__code", flat=True))]
    rest = [c for c in cases if c not in matching]
    chosen: list[Case] = []
    for case in [*matching, *rest]:
        if case.person_id not in taken and len(chosen) < plan.clients:
            chosen.append(case)
            taken.add(case.person_id)
    return chosen


def seed(ctx: DemoContext) -> str:
    if Group.objects.filter(name__in=[plan.name for plan in PLANS]).exists():
        return ""
    programs = {p.name: p for p in Program.objects.all()}
    if not programs:
        for name in {plan.program for plan in PLANS if plan.program}:
            programs[name] = Program.objects.create(name=name)
    needs = {n.code: n for n in Need.objects.all()}
    today = timezone.localdate()
    fallback = ctx.staff.get("group_facilitator") or User.objects.filter(role="group_facilitator").first()
    community_index = 0
    counts = {"groups": 0, "members": 0, "waiting": 0, "exits": 0}
    # The demo's groups meet in its neighbourhoods, in turn (places' demo runs first).
    areas = list(Area.objects.filter(kind=Area.Kind.NEIGHBOURHOOD).order_by("code"))
    for number, plan in enumerate(PLANS):
        first = today + dt.timedelta(days=plan.starts_in_days)
        group = Group.objects.create(
            **{name: getattr(plan, name) for name in GROUP_FACTS},
            program=programs.get(plan.program) if plan.program else None,
            first_session_on=first,
            duration_minutes=90 if plan.kind != Group.Kind.CLASSROOM else 50,
            status=Group.Status.RUNNING if plan.starts_in_days <= 0 else Group.Status.PLANNED,
            area=areas[number % len(areas)] if areas else None,
            created_by=fallback,
        )
        facilitators = [ctx.staff[name] for name in plan.facilitators if name in ctx.staff] or [fallback]
        group.facilitators.set([u for u in facilitators if u is not None])
        group.focus_needs.set([needs[code] for code in plan.needs if code in needs])
        counts["groups"] += 1

        taken: set[int] = set()
        joiners: list[tuple[Person, Case | None]] = [(c.person, c) for c in _clients(plan, taken)]
        youth = plan.kind in (Group.Kind.YOUTH, Group.Kind.AFTER_SCHOOL, Group.Kind.CLASSROOM)
        for _ in range(plan.community + plan.waiting):
            joiners.append((_community_member(ctx, community_index, youth), None))
            community_index += 1
        # The first to ask got the places; the rest of the full group waits, in the order they asked.
        enrolled_days = max(0, -plan.starts_in_days)
        position = 0
        for index, (person, case) in enumerate(joiners):
            asked = timezone.now() - dt.timedelta(days=enrolled_days + 10 - index // 3)
            member = Membership(
                group=group, person=person, case=case, requested_at=asked, added_by=facilitators[0]
            )
            if index < plan.capacity:
                member.status = Membership.Status.ENROLLED
                member.enrolled_on = min(today, first) if plan.starts_in_days > 0 else first
                counts["members"] += 1
            else:
                position += 1
                member.status = Membership.Status.WAITING
                member.waiting_position = position
                counts["waiting"] += 1
            member.save()
        # A couple of people have left; their places went to the head of the waiting list.
        leavers = Membership.objects.filter(group=group, status=Membership.Status.ENROLLED).order_by("-pk")[
            : plan.exits
        ]
        for member in leavers:
            reason, note = EXIT_STORIES[ctx.rng.randrange(len(EXIT_STORIES))]
            member.status = Membership.Status.EXITED
            member.exited_on = today - dt.timedelta(days=ctx.rng.randint(1, max(1, enrolled_days // 2 or 1)))
            member.exit_reason = reason
            member.exit_note = note
            member.save()
            counts["exits"] += 1
            counts["members"] -= 1
            waiting = Membership.objects.filter(group=group, status=Membership.Status.WAITING)
            head = waiting.order_by("waiting_position").first()
            if head is not None:
                head.status = Membership.Status.ENROLLED
                head.enrolled_on = member.exited_on
                head.waiting_position = None
                head.save()
                counts["waiting"] -= 1
                counts["members"] += 1
                for number, rest in enumerate(waiting.order_by("waiting_position"), start=1):
                    rest.waiting_position = number
                    rest.save(update_fields=["waiting_position"])
    audit_record(
        actor=None,
        action=AuditEntry.Action.CREATE,
        object_type="demo.groups",
        fields=["groups", "memberships"],
        purpose="demo groups loaded by seed_demo",
    )
    return (
        f"{counts['groups']} groups, {counts['members']} members, {counts['waiting']} waiting, "
        f"{counts['exits']} exits"
    )
