"""App config for assessments: standardised and custom assessments, scores and flags."""

from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "tapestry.micro.assessments"
    label = "assessments"
    url_prefix = "assessments/"

    def ready(self) -> None:
        from tapestry.access.policy import PersonLink, register_person_level

        # An assessment belongs to its case's person and inherits the case's sensitive segment.
        register_person_level(
            "assessments.assessment", PersonLink(path="case__person", segment_field="case__segment")
        )
