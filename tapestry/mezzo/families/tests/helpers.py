"""Shared set-up for the family-plan tests: a case about a household, its plan and goals."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.access.models import User
from tapestry.mezzo.families import services
from tapestry.mezzo.families.models import FamilyGoal, FamilyPlan
from tapestry.micro.cases.models import Case
from tapestry.people.models import HouseholdMember
from tapestry.testing import HouseholdFactory, PersonFactory, add_member, open_case


def today() -> dt.date:
    return timezone.localdate()


def family_case(worker: User, *, children: int = 1, **fields: object) -> Case:
    """An open case whose person heads a household with `children` children."""
    person = PersonFactory()
    household = HouseholdFactory(name=f"{person.family_name} household")
    add_member(household, person)
    for _ in range(children):
        add_member(household, PersonFactory(family_name=person.family_name), HouseholdMember.Position.CHILD)
    return open_case(worker, person=person, household=household, **fields)


def plan_for(worker: User, case: Case | None = None) -> FamilyPlan:
    case = case or family_case(worker)
    return services.family_plan_start(
        actor=worker, case=case, strengths="They laugh together.", concerns="Rent arrears."
    )


def goal_for(worker: User, plan: FamilyPlan, **fields: object) -> FamilyGoal:
    fields.setdefault("description", "Keep the family's home")
    fields.setdefault("target_date", today() + dt.timedelta(days=60))
    return services.family_goal_add(actor=worker, plan=plan, **fields)
