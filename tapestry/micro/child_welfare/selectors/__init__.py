"""Every read of child-welfare records: from the access policy, segment-checked, opens audited.

One module per section; callers keep writing `selectors.<name>`.
"""

from __future__ import annotations

from tapestry.micro.child_welfare.selectors.access import require_segment
from tapestry.micro.child_welfare.selectors.cases import (
    case_child_welfare,
    case_children_in_care,
    case_children_placed,
    case_for_change,
    case_hearings,
    case_permanency_goals,
    case_placements,
    case_reports,
    case_safety_assessments,
    placement_carer,
    placement_carer_text,
)
from tapestry.micro.child_welfare.selectors.choices import (
    case_children,
    case_report,
    case_report_choices,
    court_choices,
    investigator_choices,
    organisation_choices,
    organisation_named,
    person_choices,
    person_named,
    staff_member,
)
from tapestry.micro.child_welfare.selectors.placements import hearing_get, placement_get
from tapestry.micro.child_welfare.selectors.reports import (
    allegation_get,
    investigation_detail,
    investigation_exists,
    investigation_get,
    investigation_of,
    investigation_written,
    report_detail,
    report_get,
    report_written,
)
from tapestry.micro.child_welfare.selectors.safety import plan_of, safety_detail, safety_get, safety_plan_get

__all__ = [
    "allegation_get",
    "case_child_welfare",
    "case_children",
    "case_children_in_care",
    "case_children_placed",
    "case_for_change",
    "case_hearings",
    "case_permanency_goals",
    "case_placements",
    "case_report",
    "case_report_choices",
    "case_reports",
    "case_safety_assessments",
    "court_choices",
    "hearing_get",
    "investigation_detail",
    "investigation_exists",
    "investigation_get",
    "investigation_of",
    "investigation_written",
    "investigator_choices",
    "organisation_choices",
    "organisation_named",
    "person_choices",
    "person_named",
    "placement_carer",
    "placement_carer_text",
    "placement_get",
    "plan_of",
    "report_detail",
    "report_get",
    "report_written",
    "require_segment",
    "safety_detail",
    "safety_get",
    "safety_plan_get",
    "staff_member",
]
