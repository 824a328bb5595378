"""App config for assessments: standardised and custom assessments, scores and flags."""

from tapestry.access.apps import PersonLevelConfig


class AssessmentsConfig(PersonLevelConfig):
    name = "tapestry.micro.assessments"
    label = "assessments"
    url_prefix = "assessments/"
    # An assessment belongs to its case's person and inherits the case's sensitive segment.
    in_record = {"assessment": "case"}
