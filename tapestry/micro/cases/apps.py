"""App config for cases: intake and the case record every micro workflow hangs on."""

from tapestry.access.apps import PersonLevelConfig


class CasesConfig(PersonLevelConfig):
    name = "tapestry.micro.cases"
    label = "cases"
    url_prefix = "cases/"
    in_record = {"caseneed": "case", "caseneedchange": "case_need__case"}
    person_links = {"case": {"path": "person", "segment_field": "segment"}}
