"""App config for partners: agreements with partner organisations and the referrals exchanged."""

from tapestry.access.apps import PersonLevelConfig


class PartnersConfig(PersonLevelConfig):
    name = "tapestry.mezzo.partners"
    label = "partners"
    url_prefix = "mezzo/partners/"
    # A referral a partner sent us belongs to the case it was recorded on.
    in_record = {"incomingreferral": "case"}
