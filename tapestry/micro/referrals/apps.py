"""App config for referrals: closed-loop referrals from a case to a service, with the consent check."""

from tapestry.access.apps import PersonLevelConfig


class ReferralsConfig(PersonLevelConfig):
    name = "tapestry.micro.referrals"
    label = "referrals"
    url_prefix = "referrals/"
    # A referral belongs to its case: same person, same sensitive segment.
    in_record = {"referral": "case", "referralevent": "referral__case"}
