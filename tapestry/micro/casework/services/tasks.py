"""Tasks on a case, optionally towards a goal of its plan."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access.models import User
from tapestry.access.versioning import versioned_update
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.services import require_case_write
from tapestry.micro.casework.models import Goal, Task
from tapestry.micro.casework.services.access import CLOSED, require_staff_on_case
from tapestry.web.records import create_record

TASK_FIELDS = ("title", "details", "owner", "due_on", "goal", "status")


def _goal_of_case(case: Case, goal: Goal | None) -> Goal | None:
    if goal is not None and goal.plan.case_id != case.pk:
        raise ValidationError({"goal": [gettext("This goal belongs to another case's plan.")]})
    return goal


def task_add(
    *,
    actor: User,
    case: Case,
    title: str,
    owner: User,
    due_on: date,
    goal: Goal | None = None,
    details: str = "",
) -> Task:
    """Give someone on the case a task with a due date."""
    require_case_write(actor, case, closed=CLOSED)
    require_staff_on_case(owner, case, "owner", "task owner")
    task = Task(
        case=case,
        goal=_goal_of_case(case, goal),
        title=title.strip(),
        details=details,
        owner=owner,
        due_on=due_on,
        created_by=actor,
    )
    return create_record(
        actor, task, person_id=case.person_id, fields=["title", "details", "owner", "due_on", "goal"]
    )


def task_update(*, actor: User, task: Task, version: int, changes: dict[str, Any]) -> Task:
    """Change a task or mark it done or cancelled; done stamps the time, reopening clears it."""
    case = task.case
    require_case_write(actor, case, closed=CLOSED)
    changes = dict(changes)
    unknown = set(changes) - set(TASK_FIELDS)
    if unknown:
        raise ValidationError({name: [gettext("This field cannot be changed here.")] for name in unknown})
    if "owner" in changes and changes["owner"].pk != task.owner_id:
        require_staff_on_case(changes["owner"], case, "owner", "task owner")
    if "goal" in changes:
        _goal_of_case(case, changes["goal"])
    status = changes.get("status", task.status)
    if status == Task.Status.DONE:
        changes["completed_at"] = task.completed_at if task.status == Task.Status.DONE else timezone.now()
    else:
        changes["completed_at"] = None
    return versioned_update(
        actor=actor, instance=task, version=version, changes=changes, editable=[*TASK_FIELDS, "completed_at"]
    )
