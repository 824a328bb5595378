"""App config for mediation: disputes with several parties, sessions, issues and agreements."""

from django.apps import AppConfig


class MediationConfig(AppConfig):
    name = "tapestry.mezzo.mediation"
    label = "mediation"
    url_prefix = "mezzo/mediation/"

    def ready(self) -> None:
        from tapestry.access.policy import PersonLink, register_person_level
        from tapestry.mezzo.mediation.access import disputes_run_by

        # Parties and sessions name persons: seen by whoever may see the person, and by the
        # people who run the dispute (an organisation party has no person; run_by lets it through).
        register_person_level(
            "mediation.party", PersonLink(path="person", run_by=("dispute", disputes_run_by))
        )
        register_person_level(
            "mediation.mediationsession",
            PersonLink(path="present__person", run_by=("dispute", disputes_run_by)),
        )
