"""Translation housekeeping (docs/languages.md).

Every app keeps its own catalog in `<app>/locale/<language>/LC_MESSAGES/django.po`, so the people who
translate one area do not touch another's file. Two things the extractor (xgettext) cannot see are
written out as source here, so they reach the catalogs like any other string:

- the labels Django derives for a form from a model field's name ("date of birth" -> "Date of birth"),
  which forms translate when they are built (`tapestry.web.forms.TranslatedLabels`);
- nothing else yet: choices, messages and help texts are marked where they are written.

`manage.py messages` regenerates those files, runs makemessages in every app and compiles the
catalogs; `manage.py messages --check` (run by the tests) fails when any of it is out of date.
"""

from __future__ import annotations

from pathlib import Path

from django.apps import AppConfig, apps
from django.db import models
from django.utils.functional import Promise
from django.utils.text import capfirst

GENERATED_NAME = "i18n_model_strings.py"
HEADER = (
    '"""Form labels Django derives from this app\'s model field names, listed so that makemessages\n'
    'extracts them. Written by `manage.py messages` (tapestry/web/i18n.py); do not edit by hand."""\n\n'
    "from django.utils.translation import gettext_noop\n\n"
    "LABELS = [\n"
)

# The languages each app's catalog is kept in. Arabic covers the frame, home and sign-in so far.
CATALOG_LANGUAGES = ("es",)
ARABIC_APPS = frozenset({"tapestry.front", "tapestry.access"})


def project_apps() -> list[AppConfig]:
    return [config for config in apps.get_app_configs() if config.name.startswith("tapestry.")]


def derived_labels(config: AppConfig) -> list[str]:
    """The form labels of the app's model fields that are plain (not marked) strings."""
    found: set[str] = set()
    for model in config.get_models():
        for field in model._meta.get_fields():
            if not isinstance(field, models.Field) or field.auto_created:
                continue
            name = field.verbose_name
            if isinstance(name, Promise) or not name:
                continue
            found.add(str(capfirst(name)))
    return sorted(found)


def model_strings_source(config: AppConfig) -> str | None:
    labels = derived_labels(config)
    if not labels:
        return None
    lines = "".join(f"    gettext_noop({label!r}),\n" for label in labels)
    return HEADER + lines + "]\n"


def model_strings_path(config: AppConfig) -> Path:
    return Path(config.path) / GENERATED_NAME


def languages_of(config: AppConfig) -> tuple[str, ...]:
    return CATALOG_LANGUAGES + (("ar",) if config.name in ARABIC_APPS else ())
