"""`manage.py import_hsds <path>`: import an HSDS 3 JSON file, a .zip of CSV tables, or a folder of them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tapestry.directory.services import directory_import


class Command(BaseCommand):
    help = (
        "Import Open Referral HSDS 3 data into the resource directory: a .json file (services, "
        "organizations, services at locations or locations), "
        "a .zip of CSV tables, a .csv table, or a folder holding the CSV tables. Every row is checked "
        "first; if any is bad, each problem is listed and nothing from the file is stored."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="A .json, .zip or .csv file, or a folder of HSDS CSV tables.")

    def handle(self, *args: Any, path: str, **options: Any) -> None:
        source = Path(path)
        if source.is_dir():
            files = sorted(p for p in source.iterdir() if p.is_file() and p.suffix.lower() == ".csv")
            if not files:
                raise CommandError(f"{source} holds no .csv files.")
        elif source.is_file():
            files = [source]
        else:
            raise CommandError(f"There is no file or folder at {source}.")
        report = directory_import(actor=None, files=[(file.name, file.read_bytes()) for file in files])
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(f"  {problem}")
            raise CommandError(report.summary())
        self.stdout.write(self.style.SUCCESS(report.summary()))
        if report.unkept:
            self.stdout.write("Not kept (Tapestry has no place for these):")
            for note in report.unkept:
                self.stdout.write(f"  {note}")
