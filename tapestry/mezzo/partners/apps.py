"""App config for partners: agreements with partner organisations and the referrals exchanged."""

from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "tapestry.mezzo.partners"
    label = "partners"
    url_prefix = "mezzo/partners/"

    def ready(self) -> None:
        from tapestry.access.policy import PersonLink, register_person_level

        # A referral a partner sent us belongs to the case it was recorded on.
        register_person_level(
            "partners.incomingreferral", PersonLink(path="case__person", segment_field="case__segment")
        )
