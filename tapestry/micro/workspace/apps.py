"""App config for workspace: the case page's sections, each loaded on its own (htmx) from its area."""

from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "tapestry.micro.workspace"
    label = "workspace"
    url_prefix = "workspace/"
