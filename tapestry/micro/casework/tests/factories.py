"""Builders for casework tests: a case with a plan, goals, tasks, notes and services, made through the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from tapestry.access.models import User
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.micro.casework import services
from tapestry.micro.casework.models import CarePlan, Goal, ProgressNote, ServiceRecord, Task
from tapestry.needs.models import Need
from tapestry.testing import open_case

DAP = {
    "data": "Came on time; talked about the job search.",
    "assessment": "More hopeful.",
    "plan": "Meet in a week.",
}


def today() -> dt.date:
    return timezone.localdate()


def case_with_need(worker: User, **fields: Any) -> tuple[Case, CaseNeed]:
    case = open_case(worker, **fields)
    need = CaseNeed.objects.create(case=case, need=Need.objects.order_by("pk").first())
    return case, need


def plan_for(worker: User, case: Case, **fields: Any) -> CarePlan:
    fields.setdefault("summary", "Stable housing and steady income within six months.")
    return services.plan_create(actor=worker, case=case, **fields)


def goal_for(worker: User, case: Case, **fields: Any) -> Goal:
    fields.setdefault("description", "Find steady work")
    fields.setdefault("measure", "Job applications sent per week")
    fields.setdefault("target", "3")
    fields.setdefault("target_date", today() + dt.timedelta(days=90))
    return services.goal_add(actor=worker, case=case, **fields)


def task_for(worker: User, case: Case, **fields: Any) -> Task:
    fields.setdefault("title", "Call the housing office")
    fields.setdefault("owner", worker)
    fields.setdefault("due_on", today() + dt.timedelta(days=7))
    return services.task_add(actor=worker, case=case, **fields)


def note_for(worker: User, case: Case, *, signed: bool = False, **fields: Any) -> ProgressNote:
    fields.setdefault("format", ProgressNote.Format.DAP)
    fields.setdefault("sections", dict(DAP))
    note = services.note_create(actor=worker, case=case, **fields)
    if signed:
        note = services.note_sign(actor=worker, note=note, version=note.version, attested=True)
    return note


def service_for(worker: User, case: Case, **fields: Any) -> ServiceRecord:
    fields.setdefault("service_type", ServiceRecord.Type.COUNSELLING)
    fields.setdefault("minutes", 50)
    fields.setdefault("modality", ServiceRecord.Modality.IN_PERSON)
    return services.service_record(actor=worker, case=case, **fields)
