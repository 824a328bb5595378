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

import json
from dataclasses import dataclass
from pathlib import Path

from django.apps import AppConfig, apps
from django.conf import settings
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
ARABIC_APPS = frozenset({"tapestry.front", "tapestry.access", "tapestry.web"})


@dataclass(frozen=True)
class SourceDir:
    """Code with a catalog of its own that is not an app (listed in settings.LOCALE_PATHS)."""

    name: str
    path: str
    verbose_name: str

    def get_models(self) -> list[type[models.Model]]:
        return []


def project_apps() -> list[AppConfig | SourceDir]:
    found: list[AppConfig | SourceDir] = [c for c in apps.get_app_configs() if c.name.startswith("tapestry.")]
    for locale_path in settings.LOCALE_PATHS:
        source = Path(locale_path).parent
        found.append(SourceDir(f"tapestry.{source.name}", str(source), source.name.capitalize()))
    return found


def derived_labels(config: AppConfig | SourceDir) -> list[str]:
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


def model_strings_source(config: AppConfig | SourceDir) -> str | None:
    labels = derived_labels(config)
    if not labels:
        return None
    # Double quotes, as the formatter writes them, so `ruff format` leaves the file as it is.
    lines = "".join(f"    gettext_noop({json.dumps(label, ensure_ascii=False)}),\n" for label in labels)
    return HEADER + lines + "]\n"


def model_strings_path(config: AppConfig | SourceDir) -> Path:
    return Path(config.path) / GENERATED_NAME


def languages_of(config: AppConfig | SourceDir) -> tuple[str, ...]:
    return CATALOG_LANGUAGES + (("ar",) if config.name in ARABIC_APPS else ())
