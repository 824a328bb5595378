"""Every page's title block is plain words: markup there shows as text in the browser's tab and
history (a merge once put a whole section inside one), and the block must be closed where it opens."""

from __future__ import annotations

import re
from pathlib import Path

import tapestry

TITLE = re.compile(r"{%\s*block title\s*%}(.*?){%\s*endblock", re.S)


def _templates() -> list[Path]:
    return sorted(Path(tapestry.__file__).parent.rglob("templates/**/*.html"))


def test_the_templates_are_found():
    assert len(_templates()) > 100


def test_no_title_block_holds_markup_or_spans_lines():
    bad = []
    for path in _templates():
        for title in TITLE.findall(path.read_text(encoding="utf-8")):
            if "<" in title or "\n" in title.strip():
                bad.append(f"{path}: {title.strip()[:60]!r}")
    assert bad == []
