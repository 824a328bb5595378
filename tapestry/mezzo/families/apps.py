"""App config for families: family-level plans for a household, linked to resources by referrals."""

from tapestry.access.apps import PersonLevelConfig


class FamiliesConfig(PersonLevelConfig):
    name = "tapestry.mezzo.families"
    label = "families"
    url_prefix = "mezzo/families/"
    # A family plan is part of the case it sits on: same person, same sensitive segment.
    in_record = {"familyplan": "case", "familygoal": "plan__case", "familyplanrevision": "plan__case"}
