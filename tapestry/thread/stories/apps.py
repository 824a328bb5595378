"""App config for stories: client stories for advocacy: proposed under consent, scrubbed of identifiers, reviewed before use."""

from tapestry.access.apps import PersonLevelConfig


class StoriesConfig(PersonLevelConfig):
    name = "tapestry.thread.stories"
    label = "stories"
    url_prefix = "thread/stories/"
    # A story lives in a case: its original text is read through the case (and its segment).
    in_record = {"story": "case"}
