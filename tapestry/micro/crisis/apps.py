"""App config for crisis: crisis intervention: risk assessment, safety plan, urgent follow-ups, escalation."""

from tapestry.access.apps import PersonLevelConfig


class CrisisConfig(PersonLevelConfig):
    name = "tapestry.micro.crisis"
    label = "crisis"
    url_prefix = "crisis/"
    # Every crisis record lives in a case and inherits the case's segment.
    in_record = {
        "riskassessment": "case",
        "riskfinding": "assessment__case",
        "emergencycontact": "assessment__case",
        "safetyplan": "case",
        "followup": "case",
        "escalation": "follow_up__case",
    }
