"""App config for stories: client stories for advocacy: proposed under consent, scrubbed of identifiers, reviewed before use."""

from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "tapestry.thread.stories"
    label = "stories"
    url_prefix = "thread/stories/"
