"""Every write of casework: care plans and their revisions, goals, tasks, reviews, notes, services.

One module per section; the names are offered here too, so `services.note_sign` reads as before.
"""

from tapestry.micro.casework.services.access import CLOSED
from tapestry.micro.casework.services.delivered import service_record
from tapestry.micro.casework.services.notes import (
    NOTE_FIELDS,
    SEGMENT_REFUSAL,
    NoteLocked,
    addendum_add,
    note_create,
    note_sign,
    note_update,
)
from tapestry.micro.casework.services.plans import (
    GOAL_FIELDS,
    goal_add,
    goal_update,
    plan_create,
    plan_revise,
    plan_snapshot,
)
from tapestry.micro.casework.services.reviews import review_record
from tapestry.micro.casework.services.tasks import TASK_FIELDS, task_add, task_update

__all__ = [
    "CLOSED",
    "GOAL_FIELDS",
    "NOTE_FIELDS",
    "SEGMENT_REFUSAL",
    "TASK_FIELDS",
    "NoteLocked",
    "addendum_add",
    "goal_add",
    "goal_update",
    "note_create",
    "note_sign",
    "note_update",
    "plan_create",
    "plan_revise",
    "plan_snapshot",
    "review_record",
    "service_record",
    "task_add",
    "task_update",
]
