"""A funder report as the tests need it: an award funding a program whose attendance indicator has data."""

from __future__ import annotations

import datetime as dt
from datetime import date
from decimal import Decimal

from tapestry.access.models import User
from tapestry.macro.evaluation.models import Indicator
from tapestry.macro.evaluation.tests.support import attendance, attendance_indicator
from tapestry.macro.grants import services
from tapestry.macro.grants.models import Award, FunderReport
from tapestry.macro.grants.tests.support import an_award
from tapestry.programs.models import Program
from tapestry.programs.tests.support import program_for

# Q1: 24 of 40 came (60%); Q2: 30 of 42 (71.4%); Q3: 12 of 16, 4 missed (the rate is suppressed);
# Q4: 11 of 22, hidden beside Q3 so the year less the quarters shown does not give Q3's 4 missed.
SESSIONS = {
    date(2026, 1, 5): (12, 8),
    date(2026, 2, 5): (12, 8),
    date(2026, 4, 5): (15, 6),
    date(2026, 5, 5): (15, 6),
    date(2026, 7, 5): (12, 4),
    date(2026, 10, 5): (11, 11),
}
START, END = date(2026, 1, 1), date(2026, 9, 30)


def funded_program(name: str = "Tenant Voices") -> tuple[Program, Indicator]:
    program = program_for(name=name)
    attendance(program, SESSIONS, name=f"{name} group")
    indicator = attendance_indicator(
        name=f"Attendance at {name}",
        program=program,
        target_value=Decimal("70"),
        baseline_value=Decimal("65"),
        baseline_period="2025-Q4",
    )
    return program, indicator


def an_award_funding(officer: User, program: Program) -> Award:
    award = an_award(officer)
    services.award_program_add(actor=officer, award=award, program=program)
    return award


def a_report(officer: User, award: Award, indicators: list[Indicator], **fields: object) -> FunderReport:
    values = {
        "title": "Interim report to the fund",
        "period_start": START,
        "period_end": END,
        "summary": "Tenants came to most sessions.",
        **fields,
    }
    return services.funder_report_create(actor=officer, award=award, indicators=indicators, **values)


def a_deadline(officer: User, award: Award) -> object:
    return services.report_add(
        actor=officer, award=award, kind="interim", due_on=award.starts_on + dt.timedelta(days=90)
    )
