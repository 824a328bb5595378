"""`manage.py export_hsds <path>`: write the whole directory as an HSDS 3 JSON list of services."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tapestry.directory.hsds import service_document
from tapestry.directory.selectors import services_for_export


class Command(BaseCommand):
    help = "Write every directory service as HSDS 3 JSON (the format import_hsds reads); '-' for stdout."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="Where to write the JSON file, or - for standard output.")

    def handle(self, *args: Any, path: str, **options: Any) -> None:
        services = services_for_export()
        text = json.dumps([service_document(service) for service in services], indent=2, ensure_ascii=False)
        if path == "-":
            self.stdout.write(text)
            return
        Path(path).write_text(text + "\n", encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"Wrote {services.count()} services to {path}."))
