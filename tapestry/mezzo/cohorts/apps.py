"""App config for cohorts: case management for a set of cases with a common situation, in bulk."""

from tapestry.access.apps import PersonLevelConfig


class CohortsConfig(PersonLevelConfig):
    name = "tapestry.mezzo.cohorts"
    label = "cohorts"
    url_prefix = "mezzo/cohorts/"
    # A member row names a case, so it is seen by whoever may see that case (same person, same segment).
    in_record = {"cohortmember": "case"}
