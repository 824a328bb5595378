"""App config for school: school social work: students, attendance, incidents, support plans."""

from django.apps import AppConfig


class SchoolConfig(AppConfig):
    name = "tapestry.micro.school"
    label = "school"
    url_prefix = "school/"

    def ready(self) -> None:
        from tapestry.access.policy import PersonLink, register_person_level

        # School records are FERPA records: each model names a segment column that is always "school".
        links = {
            "school.student": PersonLink(path="case__person", segment_field="segment"),
            "school.attendancerecord": PersonLink(
                path="student__case__person", segment_field="student__segment"
            ),
            "school.truancyalert": PersonLink(path="student__case__person", segment_field="student__segment"),
            "school.behaviourincident": PersonLink(path="case__person", segment_field="segment"),
            "school.educationsupportplan": PersonLink(path="case__person", segment_field="segment"),
            "school.familyengagement": PersonLink(path="plan__case__person", segment_field="plan__segment"),
        }
        for label, link in links.items():
            register_person_level(label, link)
