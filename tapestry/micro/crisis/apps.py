"""App config for crisis: crisis intervention: risk assessment, safety plan, urgent follow-ups, escalation."""

from django.apps import AppConfig


class CrisisConfig(AppConfig):
    name = "tapestry.micro.crisis"
    label = "crisis"
    url_prefix = "crisis/"

    def ready(self) -> None:
        from tapestry.access.policy import PersonLink, register_person_level

        # Every crisis record lives in a case and inherits the case's segment.
        for label, case in (
            ("crisis.riskassessment", "case"),
            ("crisis.riskfinding", "assessment__case"),
            ("crisis.emergencycontact", "assessment__case"),
            ("crisis.safetyplan", "case"),
            ("crisis.followup", "case"),
            ("crisis.escalation", "follow_up__case"),
        ):
            register_person_level(label, PersonLink(path=f"{case}__person", segment_field=f"{case}__segment"))
