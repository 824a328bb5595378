"""App config for cohorts: case management for a set of cases with a common situation, in bulk."""

from django.apps import AppConfig


class CohortsConfig(AppConfig):
    name = "tapestry.mezzo.cohorts"
    label = "cohorts"
    url_prefix = "mezzo/cohorts/"

    def ready(self) -> None:
        from tapestry.access.policy import PersonLink, register_person_level

        # A member row names a case, so it is seen by whoever may see that case (same person, same segment).
        register_person_level(
            "cohorts.cohortmember", PersonLink(path="case__person", segment_field="case__segment")
        )
