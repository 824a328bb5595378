"""App config for advocacy: advocacy for individuals: actions taken with agencies on a client's behalf."""

from tapestry.access.apps import PersonLevelConfig


class AdvocacyConfig(PersonLevelConfig):
    name = "tapestry.micro.advocacy"
    label = "advocacy"
    url_prefix = "advocacy/"
    # An action lives in a case and inherits the case's segment.
    in_record = {"advocacyaction": "case"}
