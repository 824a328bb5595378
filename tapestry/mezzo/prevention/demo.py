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

K = Activity.Kind
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

    def held(
        program: PreventionProgram, day: int, kind: str, title: str, where: str, headcount: int, **bands: int
    ) -> Activity:
        """An activity the lead delivered `day` days into `program`, with its age `bands` if known."""
        return Activity(
            program=program,
            kind=kind,
            held_on=program.starts_on + dt.timedelta(days=day),
            title=title,
            location=where,
            delivered_by=who,
            headcount=headcount,
            **bands,
        )

    lessons = ("What is bullying?", "Being an upstander", "Online kindness", "Repair and respect")
    classrooms = "Eastfield Middle School, grade 6 and 7 classrooms"
    activities = []
    for week in range(8):
        pupils = ctx.rng.randint(22, 29)
        title = f"Session {week + 1}: {lessons[week % 4]}"
        activities.append(
            held(bullying, 7 * week + 2, K.CLASSROOM, title, classrooms, pupils, children=pupils)
        )
    training = "Staff training: responding to bullying reports"
    activities.append(
        held(bullying, 10, K.TRAINING, training, "Eastfield Middle School library", 18, adults=18)
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
            held(substance, 14 * n + 3, K.WORKSHOP, topic, "Eastfield community centre", youth, youth=youth)
        )
    evening = held(
        substance, 50, K.COMMUNITY_EVENT, "Family information evening", "Eastfield community centre hall", 46
    )
    evening.youth, evening.adults, evening.older_adults = 20, 24, 2
    evening.notes = "Run with Eastfield Youth Mentoring; leaflets in English and Spanish."
    activities.append(evening)
    Activity.objects.bulk_create(activities)
    before, after = bullying.starts_on, today - dt.timedelta(days=7)
    # (program, (name, unit, direction, source), (before value, before n, after value, after n))
    measures = [
        (
            bullying,
            ("Pupils who say they were bullied this term", "% of pupils", M.Direction.LOWER, M.Source.SURVEY),
            ("24.0", 212, "17.5", 205),
        ),
        (
            bullying,
            ("Pupils who feel safe at school", "% of pupils", M.Direction.HIGHER, M.Source.SURVEY),
            ("68.0", 212, "77.0", 205),
        ),
        (
            bullying,
            (
                "Bullying incidents reported to staff",
                "incidents per term",
                M.Direction.LOWER,
                M.Source.SCHOOL_RECORDS,
            ),
            ("31", 1, "22", 1),
        ),
        (
            substance,
            (
                "Know where to get help with drugs or alcohol",
                "% of participants",
                M.Direction.HIGHER,
                M.Source.SURVEY,
            ),
            ("41.0", 58, "72.0", 51),
        ),
        (
            substance,
            (
                "Intend to try vaping in the next six months",
                "% of participants",
                M.Direction.LOWER,
                M.Source.SURVEY,
            ),
            ("28.0", 58, "19.0", 51),
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
        for record, (name, unit, direction, source), (b, bn, a, an) in measures
    )
    return f"2 prevention programs, {len(activities)} activities, {len(measures)} measures"
