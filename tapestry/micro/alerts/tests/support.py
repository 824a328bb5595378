"""Test helpers for alerts: screens and risk assessments that raise them, an API client."""

from __future__ import annotations

from django.test import Client

from tapestry.access.models import User
from tapestry.access.tokens import token_create
from tapestry.micro.assessments.instruments import INSTRUMENTS
from tapestry.micro.assessments.models import Assessment
from tapestry.micro.assessments.services import assessment_record
from tapestry.micro.cases.models import Case


def phq9(worker: User, case: Case, *, item9: int = 1, total: int = 8) -> Assessment:
    """A PHQ-9 reaching `total`, with item 9 answered `item9` (the rest filled from item 1)."""
    answers = {f"q{n}": "0" for n in range(1, 10)}
    answers["q9"] = str(item9)
    left = total - item9
    for n in range(1, 9):
        points = min(3, left)
        answers[f"q{n}"] = str(points)
        left -= points
    assert left == 0
    return assessment_record(actor=worker, case=case, definition=INSTRUMENTS["phq-9"], answers=answers)


def cssrs(worker: User, case: Case, **answers: str) -> Assessment:
    given = {"q1": "no", "q2": "no", "q6": "no", **answers}
    return assessment_record(actor=worker, case=case, definition=INSTRUMENTS["c-ssrs-screen"], answers=given)


def api_client(user: User) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
