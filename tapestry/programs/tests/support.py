"""Helpers for the program tests: programs with a manager, people served through cases and groups."""

from __future__ import annotations

from datetime import date, time

from django.test import Client

from tapestry.access.models import User
from tapestry.access.tokens import token_create
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.micro.cases.models import CaseNeed
from tapestry.needs.models import Need
from tapestry.people.models import Person
from tapestry.programs.models import Program, ProgramStaff
from tapestry.testing import CaseFactory, PersonFactory, UserFactory


def api_client(user: User) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def program_for(manager: User | None = None, name: str = "Housing Stability", **fields: object) -> Program:
    program = Program.objects.create(name=name, **fields)
    if manager is not None:
        ProgramStaff.objects.create(program=program, user=manager, role_in_program="manager")
    return program


def serve_by_cases(
    program: Program,
    count: int,
    *,
    born: date | None = date(1990, 5, 1),
    gender: str = "Woman",
    need: str | None = "food-insecurity",
    segment: str = "",
    opened_on: date | None = None,
) -> list[Person]:
    """`count` new people, each with one case in the program (and one coded need)."""
    worker = UserFactory()
    people = []
    for _ in range(count):
        person = PersonFactory(date_of_birth=born, gender_identity=gender)
        extra = {"opened_on": opened_on} if opened_on else {}
        case = CaseFactory(person=person, worker=worker, program=program, segment=segment, **extra)
        if need:
            CaseNeed.objects.create(case=case, need=Need.objects.get(code=need))
        people.append(person)
    return people


def group_in(
    program: Program, *, focus: str | None = None, segment: str = "", name: str = "Tenants group"
) -> Group:
    group = Group.objects.create(
        name=name,
        kind=Group.Kind.SUPPORT,
        purpose="Mutual support.",
        program=program,
        capacity=30,
        first_session_on=date(2026, 1, 5),
        start_time=time(18, 0),
        segment=segment,
    )
    if focus:
        group.focus_needs.add(Need.objects.get(code=focus))
    return group


def enrol(group: Group, person: Person, status: str = Membership.Status.ENROLLED) -> Membership:
    enrolled_on = None if status == Membership.Status.WAITING else date(2026, 1, 5)
    return Membership.objects.create(group=group, person=person, status=status, enrolled_on=enrolled_on)
