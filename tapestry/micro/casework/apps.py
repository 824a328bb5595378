"""App config for casework: care plans, progress notes, services delivered and family sessions."""

from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "tapestry.micro.casework"
    label = "casework"
    url_prefix = "casework/"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from tapestry.access.policy import PersonLink, register_person_level
        from tapestry.micro.casework.signals import note_segments_follow_case

        in_case = PersonLink(path="case__person", segment_field="case__segment")
        in_plan = PersonLink(path="plan__case__person", segment_field="plan__case__segment")
        register_person_level("casework.careplan", in_case)
        register_person_level("casework.planrevision", in_plan)
        register_person_level("casework.goal", in_plan)
        register_person_level("casework.progressreview", in_plan)
        register_person_level(
            "casework.goalrating",
            PersonLink(path="review__plan__case__person", segment_field="review__plan__case__segment"),
        )
        register_person_level("casework.task", in_case)
        register_person_level("casework.servicerecord", in_case)
        # A note may sit in its own segment (psychotherapy notes); the policy reads the effective one.
        register_person_level(
            "casework.progressnote", PersonLink(path="case__person", segment_field="effective_segment")
        )
        register_person_level(
            "casework.addendum",
            PersonLink(path="note__case__person", segment_field="note__effective_segment"),
        )
        post_save.connect(
            note_segments_follow_case, sender="cases.Case", dispatch_uid="casework-note-segments"
        )
