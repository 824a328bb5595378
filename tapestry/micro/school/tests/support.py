"""Helpers for the school tests: a granted school worker, a school case, an API client."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.utils import timezone

from tapestry.access.models import Segment, User
from tapestry.access.tokens import token_create
from tapestry.micro.cases.models import Case
from tapestry.micro.school.models import AttendanceRecord, Student
from tapestry.people.models import Organisation
from tapestry.testing import OrganisationFactory, grant, open_case


def api_client(user: User) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def school_org(name: str = "") -> Organisation:
    return OrganisationFactory(kind=Organisation.Kind.SCHOOL, **({"name": name} if name else {}))


def school_case(worker: User, *, granted: bool = True, **fields: object) -> Case:
    if granted:
        grant(worker, Segment.SCHOOL)
    return open_case(worker, case_type=Case.Type.SCHOOL, segment=Segment.SCHOOL, **fields)


def enrolled(case: Case, *, school: Organisation | None = None, since: dt.date | None = None) -> Student:
    return Student.objects.create(
        case=case,
        person=case.person,
        school=school or school_org(),
        grade="7",
        enrolled_on=since or timezone.localdate() - dt.timedelta(days=365),
    )


def school_days_back(count: int, *, until: dt.date | None = None) -> list[dt.date]:
    """The `count` most recent weekdays up to `until` (default today), oldest first."""
    day, days = until or timezone.localdate(), []
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day -= dt.timedelta(days=1)
    return sorted(days)


def mark(
    student: Student, days: list[dt.date], status: str = AttendanceRecord.Status.ABSENT_UNEXCUSED
) -> None:
    for day in days:
        AttendanceRecord.objects.update_or_create(student=student, date=day, defaults={"status": status})
