"""Demo school social work: the school social worker's students, four weeks of attendance, an alert,
a bullying incident and a support plan, all written through the services (so all audited)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.demo.context import DemoContext
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.services import case_open
from tapestry.micro.school import services
from tapestry.micro.school.models import AttendanceRecord, BehaviourIncident, FamilyEngagement, Student
from tapestry.micro.school.truancy import is_school_day
from tapestry.people.models import Organisation, Person

WORKER = "school_social_worker"
WEEKS = 4
# (lowest grade, highest grade, school) for the demo district; K is grade 0.
SCHOOLS = (
    (0, 5, "Riverton Elementary School"),
    (6, 8, "Eastfield Middle School"),
    (9, 12, "Port Ainsley High School"),
)
S = AttendanceRecord.Status


def _school_year_start(today: dt.date) -> dt.date:
    return dt.date(today.year if today.month >= 8 else today.year - 1, 9, 1)


def _grade(person: Person, year_start: dt.date) -> int | None:
    """US-style grade from age on 1 September: 5 is kindergarten, 17 is grade 12."""
    if person.date_of_birth is None:
        return None
    born = person.date_of_birth
    age = year_start.year - born.year - ((year_start.month, year_start.day) < (born.month, born.day))
    grade = age - 5
    return grade if 0 <= grade <= 12 else None


def _school_days(until: dt.date, count: int) -> list[dt.date]:
    days, day = [], until
    while len(days) < count:
        if is_school_day(day):
            days.append(day)
        day -= dt.timedelta(days=1)
    return sorted(days)


def _school_case(ctx: DemoContext, person: Person) -> Case:
    """The child's open school case (the cases app may have opened it), or a new one."""
    case = (
        Case.objects.filter(person=person, case_type=Case.Type.SCHOOL)
        .exclude(status=Case.Status.CLOSED)
        .first()
    )
    if case is not None:
        return case
    concern = ctx.rng.choice(
        [
            "Teacher concerned about falling attendance and withdrawal in class.",
            "Referred by the school counsellor after repeated absences on Mondays.",
            "Parent asked for help: the child is anxious about going to school.",
        ]
    )
    return case_open(
        actor=ctx.staff[WORKER],
        person=person,
        case_type=Case.Type.SCHOOL,
        presenting_problem=concern,
        referral_source="School counsellor",
    )


def _pattern(ctx: DemoContext, days: int, *, truant: bool) -> list[str]:
    """A plausible run of statuses: mostly present; after the first week the truant student misses
    two days a week without a reason (6 in all), everyone else at most two."""
    statuses = []
    for n in range(days):
        roll = ctx.rng.random()
        if truant and n >= 5 and n % 5 in (0, 4):
            statuses.append(S.ABSENT_UNEXCUSED)
        elif roll < 0.08:
            statuses.append(S.TARDY)
        elif roll < 0.12:
            statuses.append(S.ABSENT_EXCUSED)
        elif roll < 0.15 and not truant and statuses.count(S.ABSENT_UNEXCUSED) < 2:
            statuses.append(S.ABSENT_UNEXCUSED)
        else:
            statuses.append(S.PRESENT)
    return statuses


def seed(ctx: DemoContext) -> str:
    if Student.objects.exists() or WORKER not in ctx.staff:
        return ""
    worker = ctx.staff[WORKER]
    today = timezone.localdate()
    year_start = _school_year_start(today)
    children = [(p, _grade(p, year_start)) for p in ctx.caseload(WORKER)]
    children = [(p, grade) for p, grade in children if grade is not None]
    if not children:
        return ""
    days = _school_days(today - dt.timedelta(days=1), WEEKS * 5)
    students = []
    for person, grade in children:
        school_name = next(name for low, high, name in SCHOOLS if low <= grade <= high)
        school = ctx.organisations.get(school_name) or Organisation.objects.filter(kind="school").first()
        student = services.student_enrol(
            actor=worker,
            case=_school_case(ctx, person),
            school=school,
            grade="K" if grade == 0 else str(grade),
            student_number=f"RSD-{ctx.rng.randint(100000, 999999)}",
            enrolled_on=min(year_start, days[0]),
        )
        students.append(student)
    # The oldest student is the one bullied; another (if there is one) is the one missing school.
    target = max(students, key=lambda s: (int(s.grade) if s.grade.isdigit() else 0, s.pk))
    truant = ctx.rng.choice([s for s in students if s is not target] or students)
    attendance_days = 0
    for student in students:
        statuses = _pattern(ctx, len(days), truant=student is truant)
        for week in range(WEEKS):
            chunk = range(week * 5, week * 5 + 5)
            services.attendance_record(
                actor=worker,
                student=student,
                days=[
                    services.AttendanceDay(
                        days[n],
                        statuses[n],
                        "Note from parent: dentist" if statuses[n] == S.ABSENT_EXCUSED else "",
                    )
                    for n in chunk
                ],
            )
            attendance_days += len(chunk)
    alerts = sum(student.truancy_alerts.count() for student in students)
    services.incident_record(
        actor=worker,
        case=target.case,
        student=target,
        kind=BehaviourIncident.Kind.BULLYING_TARGET,
        occurred_on=days[-8],
        description=(
            "Two older students took the student's lunch and posted a photo of them in a group chat. "
            "The student told the class teacher at the end of the day and did not want to go out at break."
        ),
        action_taken="Met the student the next morning; the assistant principal spoke to the other students "
        "and their families; the group chat post was removed.",
        parents_notified=True,
    )
    plan = services.support_plan_save(
        actor=worker,
        case=target.case,
        version=0,
        changes={
            "goals": "Feels safe at school and says so at the weekly check-in.\n"
            "Attends every day for the next six weeks.\nHas at least one friend to spend breaks with.",
            "accommodations": "A named safe adult (the school counsellor) to go to at any time.\n"
            "May spend lunch in the library for the next four weeks.",
            "services": "Weekly check-in with the school social worker.\n"
            "Referral to Eastfield Youth Mentoring for a mentor.",
            "review_on": today + dt.timedelta(days=10),
        },
    )
    for back, method, who, summary in (
        (
            7,
            FamilyEngagement.Method.PHONE,
            "Mother",
            "Told her about the incident and what the school did; she had noticed the child not eating.",
        ),
        (
            4,
            FamilyEngagement.Method.MEETING,
            "Mother and grandmother",
            "Agreed the support plan together; the family will walk the child to the gate for two weeks.",
        ),
    ):
        services.engagement_add(
            actor=worker,
            plan=plan,
            occurred_on=today - dt.timedelta(days=back),
            contact_with=who,
            method=method,
            summary=summary,
        )
    return (
        f"{len(students)} students, {attendance_days} attendance days, {alerts} truancy alert"
        f"{'' if alerts == 1 else 's'}, 1 bullying incident, 1 support plan"
    )
