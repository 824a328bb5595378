"""The scrubber's test corpus: built from the marked stories into corpus/NNN.json, and loaded.

Each corpus/NNN.json holds a story's text, its KNOWN.json (`known`), the gold identifier spans
(`gold`: start, end, kind; offsets into `text`) and the marked form it was built from (`marked`).
Rebuild after editing stories.py or profiles.py:

    python -m tapestry.thread.stories.tests.scrubber.corpus

The scoring lives with the scrubber (tapestry/evidence/scrub/evaluation.py), so that
`manage.py scrub_recall` can print it without importing tests.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tapestry.evidence.scrub import evaluation
from tapestry.evidence.scrub.evaluation import Score, Tally, evaluate, unmark

__all__ = ["CORPUS_DIR", "Score", "Tally", "build", "evaluate", "load", "unmark"]

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"


def build() -> list[Path]:
    from .profiles import PROFILES
    from .stories import STORIES

    CORPUS_DIR.mkdir(exist_ok=True)
    for old in CORPUS_DIR.glob("*.json"):
        old.unlink()
    written = []
    for number, (profile, marked) in enumerate(STORIES, start=1):
        text, gold = unmark(marked)
        path = CORPUS_DIR / f"{number:03d}.json"
        record = {"id": f"{number:03d}", "profile": profile, "text": text, "known": PROFILES[profile]}
        record |= {"gold": gold, "marked": marked}
        path.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written


def load() -> list[dict[str, Any]]:
    return evaluation.load(CORPUS_DIR)


if __name__ == "__main__":
    print(f"wrote {len(build())} stories to {CORPUS_DIR}")
