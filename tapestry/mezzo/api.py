"""API routes of mezzo: the programs an agency runs."""

# No `from __future__ import annotations`: ninja reads parameter types at runtime (see people/api.py).

from datetime import datetime
from typing import Annotated

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import ConfigDict, StringConstraints

from tapestry.mezzo import selectors, services
from tapestry.mezzo.models import Program
from tapestry.people.api import Pages
from tapestry.people.schemas import ErrorOut

router = Router(tags=["programs"])


class ProgramIn(Schema):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=150)]
    description: str = ""
    is_active: bool = True


class ProgramOut(Schema):
    id: int
    name: str
    description: str
    is_active: bool
    created_at: datetime
    updated_at: datetime


def _errors(*codes: int) -> dict[int, type[ErrorOut]]:
    return dict.fromkeys((401, 403, *codes), ErrorOut)


@router.get(
    "/programs",
    response={200: list[ProgramOut], **_errors(422)},
    operation_id="program_list",
    summary="List programs",
    description="`active=true` lists the programs that take new cases.",
)
@paginate(Pages)
def program_list(request: HttpRequest, active: bool | None = Query(None)) -> QuerySet[Program]:
    return selectors.program_list(user=request.user, active=active)


@router.post(
    "/programs",
    response={201: ProgramOut, **_errors(400, 422)},
    operation_id="program_create",
    summary="Add a program",
    description="Needs the organisation-write capability (client-facing staff, supervisors, program managers).",
)
def program_create(request: HttpRequest, payload: ProgramIn) -> Status:
    return Status(201, services.program_create(actor=request.user, **payload.model_dump()))
