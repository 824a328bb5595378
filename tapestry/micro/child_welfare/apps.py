"""App config for child_welfare: child welfare: reports, investigations, safety, placements, court."""

from tapestry.access.apps import PersonLevelConfig

# Every model here, how it reaches the case's person, and where its segment is stored. All of
# them resolve to the child-welfare segment, so only staff granted it see any of this.
PERSON_LEVEL = {
    "report": ("case__person", "segment"),
    "reportparticipant": ("report__case__person", "report__segment"),
    "allegation": ("report__case__person", "report__segment"),
    "investigation": ("report__case__person", "report__segment"),
    "investigationcontact": ("investigation__report__case__person", "investigation__report__segment"),
    "safetyassessment": ("case__person", "segment"),
    "safetyplan": ("assessment__case__person", "assessment__segment"),
    "safetyplanaction": ("plan__assessment__case__person", "plan__assessment__segment"),
    "placement": ("case__person", "segment"),
    "hearing": ("case__person", "segment"),
    "permanencygoal": ("case__person", "segment"),
    "terminationreview": ("case__person", "segment"),
}


class ChildWelfareConfig(PersonLevelConfig):
    name = "tapestry.micro.child_welfare"
    label = "child_welfare"
    url_prefix = "child-welfare/"

    person_links = {
        model: {"path": path, "segment_field": segment_field}
        for model, (path, segment_field) in PERSON_LEVEL.items()
    }
