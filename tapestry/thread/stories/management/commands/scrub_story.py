"""Scrub one story read from standard input: `manage.py scrub_story --known KNOWN.json < story.txt`.

Prints `{"text": scrubbed, "spans": [{"start", "end", "kind"}]}` with offsets into the input.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tapestry.evidence.scrub import Known, KnownError, scrub


class Command(BaseCommand):
    help = (
        "Scrub a client's story (standard input) of identifiers; print the scrubbed text and spans as JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--known", required=True, help="KNOWN.json: what the record knows about the client"
        )

    def handle(self, *args, **options):
        path = Path(options["known"])
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError as error:
            raise CommandError(f"--known: no such file: {path}") from error
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"--known: cannot read {path}: {error}") from error
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as error:
            raise CommandError(f"--known: {path} is not JSON: {error}") from error
        try:
            known = Known.from_dict(data)
        except KnownError as error:
            raise CommandError(f"--known: {path} is not a KNOWN.json: {error}") from error
        stdin = getattr(self, "stdin", None) or sys.stdin
        result = scrub(stdin.read(), known)
        self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False))
