"""App config for cases: intake and the case record every micro workflow hangs on."""

from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "tapestry.micro.cases"
    label = "cases"
    url_prefix = "cases/"

    def ready(self) -> None:
        from tapestry.access.policy import PersonLink, register_person_level

        register_person_level("cases.case", PersonLink(path="person", segment_field="segment"))
        register_person_level(
            "cases.caseneed", PersonLink(path="case__person", segment_field="case__segment")
        )
        register_person_level(
            "cases.caseneedchange",
            PersonLink(path="case_need__case__person", segment_field="case_need__case__segment"),
        )
