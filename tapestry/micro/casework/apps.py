"""App config for casework: care plans, progress notes, services delivered and family sessions."""

from tapestry.access.apps import PersonLevelConfig


class CaseworkConfig(PersonLevelConfig):
    name = "tapestry.micro.casework"
    label = "casework"
    url_prefix = "casework/"
    in_record = {
        "careplan": "case",
        "planrevision": "plan__case",
        "goal": "plan__case",
        "progressreview": "plan__case",
        "goalrating": "review__plan__case",
        "task": "case",
        "servicerecord": "case",
    }

    # A note may sit in its own segment (psychotherapy notes); the policy reads the effective one.
    person_links = {
        "progressnote": {"path": "case__person", "segment_field": "effective_segment"},
        "addendum": {"path": "note__case__person", "segment_field": "note__effective_segment"},
    }

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from tapestry.micro.casework.signals import note_segments_follow_case

        super().ready()
        post_save.connect(
            note_segments_follow_case, sender="cases.Case", dispatch_uid="casework-note-segments"
        )
