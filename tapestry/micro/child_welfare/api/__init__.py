"""API routes of child welfare: reports and screening, investigations, safety, placements, hearings.

One module per section; importing them here registers their routes on `router` in this order.
"""

# isort: off
# In the order of the sections: the order of the routes in the OpenAPI document.
from tapestry.micro.child_welfare.api.router import SEGMENT_NOTE, router
from tapestry.micro.child_welfare.api.reports import (
    allegation_add,
    participant_add,
    report_create,
    report_create_opening_case,
    report_detail,
    report_list,
    report_screen,
)
from tapestry.micro.child_welfare.api.investigation import (
    contact_add,
    finding_record,
    investigation_close,
    investigation_detail,
    investigation_start,
)
from tapestry.micro.child_welfare.api.safety import (
    safety_assessment_create,
    safety_assessment_detail,
    safety_assessment_list,
    safety_plan_action_add,
    safety_plan_create,
    safety_plan_update,
)
from tapestry.micro.child_welfare.api.placements import (
    hearing_create,
    hearing_list,
    hearing_outcome,
    placement_create,
    placement_end,
    placement_list,
)
from tapestry.micro.child_welfare.api.permanency import (
    children_in_care,
    permanency_goal_list,
    permanency_goal_set,
    termination_review_record,
)
# isort: on

__all__ = [
    "SEGMENT_NOTE",
    "allegation_add",
    "children_in_care",
    "contact_add",
    "finding_record",
    "hearing_create",
    "hearing_list",
    "hearing_outcome",
    "investigation_close",
    "investigation_detail",
    "investigation_start",
    "participant_add",
    "permanency_goal_list",
    "permanency_goal_set",
    "placement_create",
    "placement_end",
    "placement_list",
    "report_create",
    "report_create_opening_case",
    "report_detail",
    "report_list",
    "report_screen",
    "router",
    "safety_assessment_create",
    "safety_assessment_detail",
    "safety_assessment_list",
    "safety_plan_action_add",
    "safety_plan_create",
    "safety_plan_update",
    "termination_review_record",
]
