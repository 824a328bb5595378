"""App config for treatment: mental health and substance use: treatment plans, adherence, team notes, releases."""

from tapestry.access.apps import PersonLevelConfig


class TreatmentConfig(PersonLevelConfig):
    name = "tapestry.micro.treatment"
    label = "treatment"
    url_prefix = "treatment/"
    # Each record inherits its case's segment: substance-use cases need the substance_use grant.
    in_record = dict.fromkeys(("treatmentplan", "medicationcheckin", "teamnote", "release"), "case")
