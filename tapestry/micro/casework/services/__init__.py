"""Every write of casework: care plans and their revisions, goals, tasks, reviews, notes, services.

One module per section; the names are offered here too, so `services.note_sign` reads as before.
"""

from tapestry.micro.casework.services.delivered import service_record
from tapestry.micro.casework.services.notes import (
    NoteLocked,
    addendum_add,
    note_create,
    note_sign,
    note_update,
)
from tapestry.micro.casework.services.plans import goal_add, goal_update, plan_create, plan_revise
from tapestry.micro.casework.services.reviews import review_record
from tapestry.micro.casework.services.tasks import task_add, task_update

__all__ = [
    "NoteLocked",
    "addendum_add",
    "goal_add",
    "goal_update",
    "note_create",
    "note_sign",
    "note_update",
    "plan_create",
    "plan_revise",
    "review_record",
    "service_record",
    "task_add",
    "task_update",
]
