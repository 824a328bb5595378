"""App config for school: school social work: students, attendance, incidents, support plans."""

from tapestry.access.apps import PersonLevelConfig


class SchoolConfig(PersonLevelConfig):
    name = "tapestry.micro.school"
    label = "school"
    url_prefix = "school/"

    # School records are FERPA records: each model names a segment column that is always "school".
    person_links = {
        "student": {"path": "case__person", "segment_field": "segment"},
        "attendancerecord": {"path": "student__case__person", "segment_field": "student__segment"},
        "truancyalert": {"path": "student__case__person", "segment_field": "student__segment"},
        "behaviourincident": {"path": "case__person", "segment_field": "segment"},
        "educationsupportplan": {"path": "case__person", "segment_field": "segment"},
        "familyengagement": {"path": "plan__case__person", "segment_field": "plan__segment"},
    }
