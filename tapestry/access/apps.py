"""App config for access: users, roles, the policy and the audit log."""

from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "tapestry.access"
    label = "access"
    verbose_name = "Access and audit"

    def ready(self) -> None:
        from tapestry.access import checks, signals  # noqa: F401  (registers checks and signal handlers)
