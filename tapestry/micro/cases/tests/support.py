"""Small helpers shared by the cases tests."""

from __future__ import annotations

from django.test import Client

from tapestry.access.models import User
from tapestry.access.tokens import token_create
from tapestry.micro.cases.models import Case, CaseNeed, CaseNeedChange
from tapestry.needs.models import Barrier, Need


def api_client(user: User) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def need(code: str) -> Need:
    return Need.objects.get(code=code)


def barrier(code: str) -> Barrier:
    return Barrier.objects.get(code=code)


def add_need(
    case: Case, code: str = "food-insecurity", status: str = "identified", **fields: object
) -> CaseNeed:
    """A need on a case with its first step of history, as the service would record it."""
    case_need = CaseNeed.objects.create(case=case, need=need(code), status=status, **fields)
    CaseNeedChange.objects.create(
        case_need=case_need, status=status, barrier=case_need.barrier, changed_by=case.worker
    )
    return case_need
