"""App config for families: family-level plans for a household, linked to resources by referrals."""

from django.apps import AppConfig


class FamiliesConfig(AppConfig):
    name = "tapestry.mezzo.families"
    label = "families"
    url_prefix = "mezzo/families/"

    def ready(self) -> None:
        from tapestry.access.policy import PersonLink, register_person_level

        # A family plan is part of the case it sits on: same person, same sensitive segment.
        register_person_level(
            "families.familyplan", PersonLink(path="case__person", segment_field="case__segment")
        )
        for model in ("familygoal", "familyplanrevision"):
            register_person_level(
                f"families.{model}",
                PersonLink(path="plan__case__person", segment_field="plan__case__segment"),
            )
