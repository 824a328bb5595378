"""App config for access: users, roles, the policy and the audit log; and the base config of the apps
whose models hold person-level data."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "tapestry.access"
    label = "access"
    verbose_name = "Access and audit"

    def ready(self) -> None:
        from tapestry.access import checks, signals  # noqa: F401  (registers checks and signal handlers)


class PersonLevelConfig(AppConfig):
    """An app whose models hold person-level data; ready() declares each of them to the access policy.

    `in_record` maps a model (by its name in this app) to the record it belongs to, such as "case" or
    "plan__case": its rows reach their person, and take their sensitive segment, through that record.
    `person_links` gives the links of any other shape: the PersonLink's fields (with run_by's function
    named by its import path), or the import path of a PersonLink. A dotted model is another app's.
    The policy imports models, so this declaration names what ready() imports once the apps are loaded.
    """

    in_record: dict[str, str] = {}
    person_links: dict[str, dict[str, Any] | str] = {}

    # Django takes as an app's config the one AppConfig subclass its apps.py defines or imports. This
    # base is imported there too, so it steps aside (default = False) and each subclass takes the place.
    default = False

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls.default = True

    def ready(self) -> None:
        from django.utils.module_loading import import_string

        from tapestry.access.policy import PersonLink, register_person_level

        for model, record in self.in_record.items():
            link = PersonLink(path=f"{record}__person", segment_field=f"{record}__segment")
            register_person_level(f"{self.label}.{model}", link)
        for model, declared in self.person_links.items():
            if isinstance(declared, str):
                link = import_string(declared)
            else:
                fields = dict(declared)
                if "run_by" in fields:
                    path, runs = fields["run_by"]
                    fields["run_by"] = (path, import_string(runs))
                link = PersonLink(**fields)
            register_person_level(model if "." in model else f"{self.label}.{model}", link)
