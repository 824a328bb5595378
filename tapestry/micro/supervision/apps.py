"""App config for supervision: team workload, supervision sessions and the duplicates queue."""

from tapestry.access.apps import PersonLevelConfig


class SupervisionConfig(PersonLevelConfig):
    name = "tapestry.micro.supervision"
    label = "supervision"
    verbose_name = "Supervision"
    url_prefix = "supervision/"

    # A dismissed pair names two persons; a row is seen only by someone who sees both (the selector
    # narrows it further), so the policy reads it through the first and the second alike.
    person_links = {"duplicatedismissal": {"path": "first", "also": "second"}}
