"""App config for treatment: mental health and substance use: treatment plans, adherence, team notes, releases."""

from django.apps import AppConfig


class TreatmentConfig(AppConfig):
    name = "tapestry.micro.treatment"
    label = "treatment"
    url_prefix = "treatment/"

    def ready(self) -> None:
        from tapestry.access.policy import PersonLink, register_person_level

        # Each record inherits its case's segment: substance-use cases need the substance_use grant.
        for model in ("treatmentplan", "medicationcheckin", "teamnote", "release"):
            register_person_level(
                f"treatment.{model}", PersonLink(path="case__person", segment_field="case__segment")
            )
