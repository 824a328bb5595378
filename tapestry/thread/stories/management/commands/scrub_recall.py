"""The scrubber's recall and precision per identifier kind over the test corpus.

`manage.py scrub_recall` prints the table quoted in docs/thread-scrubber.md; `--misses` also lists
the gold identifiers not fully replaced and the replaced spans that held no identifier.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from tapestry.evidence.scrub.evaluation import evaluate, load

# The corpus is test data; it is read as files, not imported.
CORPUS_DIR = Path(__file__).resolve().parents[2] / "tests" / "scrubber" / "corpus"


class Command(BaseCommand):
    help = "Print the story scrubber's per-kind recall and precision over its synthetic corpus."

    def add_arguments(self, parser):
        parser.add_argument("--misses", action="store_true", help="also list misses and spurious spans")
        parser.add_argument("--first", type=int, default=0, help="only stories numbered from this one up")

    def handle(self, *args, **options):
        stories = [story for story in load(CORPUS_DIR) if int(story["id"]) >= options["first"]]
        score = evaluate(stories)
        self.stdout.write(f"{len(stories)} stories, {score.total().gold} gold identifier spans\n")
        self.stdout.write(score.table())
        if options["misses"]:
            for story_id, kind, text in score.missed:
                self.stdout.write(f"missed   {story_id} {kind}: {text!r}")
            for story_id, kind, text in score.spurious:
                self.stdout.write(f"spurious {story_id} {kind}: {text!r}")
