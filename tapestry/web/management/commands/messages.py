"""Bring every app's translation catalog up to date and compile it (docs/languages.md)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from tapestry.web import i18n


def _mo_matches(po_path: Path) -> bool:
    import polib  # a development tool (requirements-dev.txt); pages never need it

    mo_path = po_path.with_suffix(".mo")
    if not mo_path.exists():
        return False
    po = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0, "")
        for e in polib.pofile(str(po_path))
        if e.translated()
    }
    mo = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0, "")
        for e in polib.mofile(str(mo_path))
        if e.msgid
    }
    return po == mo


class Command(BaseCommand):
    help = "Regenerate the derived-label files, run makemessages in every app and compile the catalogs."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--check", action="store_true", help="Change nothing; fail if anything is stale.")
        parser.add_argument("--app", action="append", default=[], help="Only these apps (dotted names).")

    def handle(self, *args: Any, check: bool, app: list[str], **options: Any) -> None:
        stale: list[str] = []
        configs = [c for c in i18n.project_apps() if not app or c.name in app]
        for config in configs:
            path = i18n.model_strings_path(config)
            source = i18n.model_strings_source(config)
            current = path.read_text() if path.exists() else None
            if current != source:
                stale.append(str(path))
                if not check:
                    if source is None:
                        path.unlink()
                    else:
                        path.write_text(source)
            if check:
                for po_path in Path(config.path).glob("locale/*/LC_MESSAGES/django.po"):
                    if not _mo_matches(po_path):
                        stale.append(f"{po_path.with_suffix('.mo')} (compile it)")
                continue
            (Path(config.path) / "locale").mkdir(exist_ok=True)
            cwd = os.getcwd()
            try:
                os.chdir(config.path)
                call_command(
                    "makemessages",
                    locale=list(i18n.languages_of(config)),
                    add_location="file",
                    no_obsolete=True,
                    ignore_patterns=["tests/*", "migrations/*"],
                    verbosity=0,
                )
            finally:
                os.chdir(cwd)
            import polib

            for po_path in Path(config.path).glob("locale/*/LC_MESSAGES/django.po"):
                catalog = polib.pofile(str(po_path), wrapwidth=100)
                catalog.header = (
                    f"Tapestry: {config.verbose_name}. Translations in our own words (docs/languages.md)."
                )
                catalog.metadata_is_fuzzy = False
                catalog.metadata["Project-Id-Version"] = "Tapestry"
                catalog.metadata["Language"] = po_path.parent.parent.name
                for noise in ("POT-Creation-Date", "PO-Revision-Date", "Last-Translator", "Language-Team"):
                    catalog.metadata.pop(noise, None)
                catalog.save()
                catalog.save_as_mofile(str(po_path.with_suffix(".mo")))
        if check and stale:
            raise CommandError(
                "Translation files are out of date; run `manage.py messages`:\n" + "\n".join(stale)
            )
        self.stdout.write(f"{len(configs)} apps: catalogs {'checked' if check else 'written'}.")
