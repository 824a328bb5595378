"""Synthetic cases, consents and stories for the stories tests."""

from __future__ import annotations

import datetime as dt

from tapestry.access.models import Consent, User
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.needs.models import Need
from tapestry.people.models import Person
from tapestry.testing import open_case
from tapestry.thread.stories import services
from tapestry.thread.stories.models import Story

HOUSING = "housing-instability"


def need(code: str) -> Need:
    return Need.objects.get(code=code)


def story_consent(person: Person, **fields: object) -> Consent:
    """A consent in force to tell the person's story in advocacy (given a week ago, unless told)."""
    values = {"given_on": dt.date.today() - dt.timedelta(days=7), "information": "Their story, without names"}
    return Consent.objects.create(person=person, **{"purpose": Consent.Purpose.STORY, **values, **fields})


def case_with_consent(
    worker: User, person: Person | None = None, *, codes: tuple[str, ...] = (HOUSING,)
) -> Case:
    case = open_case(worker, person)
    for code in codes:
        CaseNeed.objects.create(case=case, need=need(code))
    story_consent(case.person)
    return case


def propose(worker: User, case: Case, text: str = "", *, title: str = "Months without a safe home") -> Story:
    text = text or f"{case.person.given_name} spent four months sleeping in her car before a room came up."
    needs = list(Need.objects.filter(case_needs__case=case))
    return services.story_propose(actor=worker, case=case, title=title, text=text, needs=needs)
