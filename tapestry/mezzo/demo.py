"""Demo programs: the services the demo agency runs, which the demo cases are opened in."""

from __future__ import annotations

from tapestry.demo.context import DemoContext
from tapestry.mezzo.models import Program

PROGRAMS = (
    (
        "Housing Stability",
        "Eviction prevention, rent arrears help and rehousing for adults and families at risk of losing their home.",
    ),
    (
        "Family Support",
        "Home-based support for parents and caregivers: routines, safety, benefits and connection to childcare.",
    ),
    (
        "Youth Mentoring",
        "One-to-one mentoring and counselling for young people aged 10 to 18, with Eastfield Youth Mentoring.",
    ),
    (
        "Recovery Support",
        "Outpatient counselling and peer support for people cutting down or stopping alcohol and drug use.",
    ),
    (
        "School Success",
        "School social work in Riverton, Eastfield and Port Ainsley schools: attendance, bullying and learning support.",
    ),
)


def seed(ctx: DemoContext) -> str:
    if Program.objects.exists():
        return ""
    Program.objects.bulk_create(Program(name=name, description=text) for name, text in PROGRAMS)
    return f"{len(PROGRAMS)} programs"
