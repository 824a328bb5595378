"""Demo prevention programs: a school anti-bullying classroom series and a youth substance-use workshop series.

Headcounts only: no person is recorded. A loader, not a user action: it writes with the ORM.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from tapestry.access.policy import Capability, has_capability
from tapestry.demo.context import DemoContext
from tapestry.mezzo.prevention.models import Activity, OutcomeMeasure, PreventionProgram
from tapestry.programs.models import Program

M = OutcomeMeasure


def seed(ctx: DemoContext) -> str:
    if PreventionProgram.objects.exists():
        return ""
    lead = ctx.staff.get("community_educator") or next(
        (user for user in ctx.staff.values() if has_capability(user, Capability.PROGRAM_MANAGE)), None
    )
    if lead is None:
        return ""
    today = timezone.localdate()
    who = f"{lead.get_full_name() or lead.username} (community educator)"
    bullying = PreventionProgram.objects.create(
        name="Kind Classrooms: anti-bullying series",
        program=Program.objects.filter(name="School Success").first(),
        focus=PreventionProgram.Focus.BULLYING,
        target_population="Pupils in grades 6 and 7 at Eastfield Middle School",
        setting=PreventionProgram.Setting.SCHOOL,
        risk_factors=[
            "Moving up to a new school",
            "Online group chats without adults",
            "Low sense of belonging",
        ],
        protective_factors=["A trusted adult at school", "Bystanders who speak up", "Clear reporting routes"],
        starts_on=today - dt.timedelta(days=84),
        ends_on=today + dt.timedelta(days=30),
        lead=lead,
    )
    activities = []
    for week in range(8):
        pupils = ctx.rng.randint(22, 29)
        activities.append(
            Activity(
                program=bullying,
                kind=Activity.Kind.CLASSROOM,
                held_on=bullying.starts_on + dt.timedelta(days=7 * week + 2),
                title=f"Session {week + 1}: "
                + ("What is bullying?", "Being an upstander", "Online kindness", "Repair and respect")[
                    week % 4
                ],
                location="Eastfield Middle School, grade 6 and 7 classrooms",
                delivered_by=who,
                headcount=pupils,
                children=pupils,
            )
        )
    activities.append(
        Activity(
            program=bullying,
            kind=Activity.Kind.TRAINING,
            held_on=bullying.starts_on + dt.timedelta(days=10),
            title="Staff training: responding to bullying reports",
            location="Eastfield Middle School library",
            delivered_by=who,
            headcount=18,
            adults=18,
        )
    )
    substance = PreventionProgram.objects.create(
        name="Clear Choices: youth substance-use workshops",
        program=Program.objects.filter(name="Youth Mentoring").first(),
        focus=PreventionProgram.Focus.SUBSTANCE_USE,
        target_population="Young people aged 13 to 17 at the Eastfield community centre youth nights",
        setting=PreventionProgram.Setting.COMMUNITY,
        risk_factors=["Easy access to vapes and alcohol", "Peers who use", "Stress about exams"],
        protective_factors=["Knowing where to get help", "Refusal skills", "Adults who listen"],
        starts_on=today - dt.timedelta(days=70),
        lead=lead,
    )
    topics = (
        "Vaping: myths and facts",
        "Saying no and staying friends",
        "Alcohol and the teenage brain",
        "Where to get help",
    )
    for n, topic in enumerate(topics):
        youth = ctx.rng.randint(11, 19)
        activities.append(
            Activity(
                program=substance,
                kind=Activity.Kind.WORKSHOP,
                held_on=substance.starts_on + dt.timedelta(days=14 * n + 3),
                title=topic,
                location="Eastfield community centre",
                delivered_by=who,
                headcount=youth,
                youth=youth,
            )
        )
    activities.append(
        Activity(
            program=substance,
            kind=Activity.Kind.COMMUNITY_EVENT,
            held_on=substance.starts_on + dt.timedelta(days=50),
            title="Family information evening",
            location="Eastfield community centre hall",
            delivered_by=who,
            headcount=46,
            youth=20,
            adults=24,
            older_adults=2,
            notes="Run with Eastfield Youth Mentoring; leaflets in English and Spanish.",
        )
    )
    Activity.objects.bulk_create(activities)
    before, after = bullying.starts_on, today - dt.timedelta(days=7)
    measures = [
        (
            bullying,
            "Pupils who say they were bullied this term",
            "% of pupils",
            M.Direction.LOWER,
            "24.0",
            212,
            "17.5",
            205,
            M.Source.SURVEY,
        ),
        (
            bullying,
            "Pupils who feel safe at school",
            "% of pupils",
            M.Direction.HIGHER,
            "68.0",
            212,
            "77.0",
            205,
            M.Source.SURVEY,
        ),
        (
            bullying,
            "Bullying incidents reported to staff",
            "incidents per term",
            M.Direction.LOWER,
            "31",
            1,
            "22",
            1,
            M.Source.SCHOOL_RECORDS,
        ),
        (
            substance,
            "Know where to get help with drugs or alcohol",
            "% of participants",
            M.Direction.HIGHER,
            "41.0",
            58,
            "72.0",
            51,
            M.Source.SURVEY,
        ),
        (
            substance,
            "Intend to try vaping in the next six months",
            "% of participants",
            M.Direction.LOWER,
            "28.0",
            58,
            "19.0",
            51,
            M.Source.SURVEY,
        ),
    ]
    OutcomeMeasure.objects.bulk_create(
        OutcomeMeasure(
            program=record,
            name=name,
            unit=unit,
            direction=direction,
            before_value=Decimal(b),
            before_n=bn,
            before_on=before if record is bullying else substance.starts_on,
            after_value=Decimal(a),
            after_n=an,
            after_on=after,
            source=source,
        )
        for record, name, unit, direction, b, bn, a, an, source in measures
    )
    return f"2 prevention programs, {len(activities)} activities, {len(measures)} measures"
