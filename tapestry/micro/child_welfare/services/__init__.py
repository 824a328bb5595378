"""Every write to child-welfare records: reports, screening, investigations, safety, placements, court.

One module per section; callers keep writing `services.<name>` for every child-welfare write.
"""

from __future__ import annotations

from tapestry.micro.child_welfare.services.checks import NOT_GRANTED
from tapestry.micro.child_welfare.services.investigation import (
    allegation_finding_record,
    contact_record,
    investigation_close,
    investigation_start,
)
from tapestry.micro.child_welfare.services.permanency import permanency_goal_set, termination_review_record
from tapestry.micro.child_welfare.services.placements import (
    hearing_record_outcome,
    hearing_schedule,
    placement_end,
    placement_start,
)
from tapestry.micro.child_welfare.services.reports import (
    AllegationInput,
    ParticipantInput,
    allegation_add,
    participant_add,
    report_receive,
    report_receive_opening_case,
    report_screen,
)
from tapestry.micro.child_welfare.services.safety import (
    PlanActionInput,
    safety_assess,
    safety_plan_action_add,
    safety_plan_create,
    safety_plan_update,
)

__all__ = [
    "AllegationInput",
    "NOT_GRANTED",
    "ParticipantInput",
    "PlanActionInput",
    "allegation_add",
    "allegation_finding_record",
    "contact_record",
    "hearing_record_outcome",
    "hearing_schedule",
    "investigation_close",
    "investigation_start",
    "participant_add",
    "permanency_goal_set",
    "placement_end",
    "placement_start",
    "report_receive",
    "report_receive_opening_case",
    "report_screen",
    "safety_assess",
    "safety_plan_action_add",
    "safety_plan_create",
    "safety_plan_update",
    "termination_review_record",
]
