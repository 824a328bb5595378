"""Child-welfare pages: parse the form, call one service or selector, render (one module per section)."""

from __future__ import annotations

from tapestry.micro.child_welfare.views.investigation import (
    contact_add,
    finding_record,
    investigation_close,
    investigation_start,
)
from tapestry.micro.child_welfare.views.placements import (
    hearing_create,
    hearing_outcome,
    permanency_goal_create,
    placement_create,
    placement_end,
    termination_review_create,
)
from tapestry.micro.child_welfare.views.reports import (
    allegation_add,
    case_index,
    participant_add,
    report_create,
    report_create_for_person,
    report_detail,
    report_screen,
)
from tapestry.micro.child_welfare.views.safety import (
    safety_action_add,
    safety_create,
    safety_detail,
    safety_plan_create,
    safety_plan_edit,
)

__all__ = [
    "allegation_add",
    "case_index",
    "contact_add",
    "finding_record",
    "hearing_create",
    "hearing_outcome",
    "investigation_close",
    "investigation_start",
    "participant_add",
    "permanency_goal_create",
    "placement_create",
    "placement_end",
    "report_create",
    "report_create_for_person",
    "report_detail",
    "report_screen",
    "safety_action_add",
    "safety_create",
    "safety_detail",
    "safety_plan_create",
    "safety_plan_edit",
    "termination_review_create",
]
