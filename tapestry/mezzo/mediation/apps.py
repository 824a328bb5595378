"""App config for mediation: disputes with several parties, sessions, issues and agreements."""

from tapestry.access.apps import PersonLevelConfig


class MediationConfig(PersonLevelConfig):
    name = "tapestry.mezzo.mediation"
    label = "mediation"
    url_prefix = "mezzo/mediation/"

    # Parties and sessions name persons: seen by whoever may see the person, and by the
    # people who run the dispute (an organisation party has no person; run_by lets it through).
    person_links = {
        model: {"path": path, "run_by": ("dispute", "tapestry.mezzo.mediation.access.disputes_run_by")}
        for model, path in (("party", "person"), ("mediationsession", "present__person"))
    }
