"""App config for advocacy: advocacy for individuals: actions taken with agencies on a client's behalf."""

from django.apps import AppConfig


class AdvocacyConfig(AppConfig):
    name = "tapestry.micro.advocacy"
    label = "advocacy"
    url_prefix = "advocacy/"

    def ready(self) -> None:
        from tapestry.access.policy import PersonLink, register_person_level

        # An action lives in a case and inherits the case's segment.
        register_person_level(
            "advocacy.advocacyaction", PersonLink(path="case__person", segment_field="case__segment")
        )
