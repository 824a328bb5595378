"""App config for referrals: closed-loop referrals from a case to a service, with the consent check."""

from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "tapestry.micro.referrals"
    label = "referrals"
    url_prefix = "referrals/"

    def ready(self) -> None:
        from tapestry.access.policy import PersonLink, register_person_level

        # A referral belongs to its case: same person, same sensitive segment.
        register_person_level(
            "referrals.referral", PersonLink(path="case__person", segment_field="case__segment")
        )
        register_person_level(
            "referrals.referralevent",
            PersonLink(path="referral__case__person", segment_field="referral__case__segment"),
        )
