"""A test that a client is *not* shown must look for the client's whole name.

The factories give staff and clients random family names from one list, so a client and the
signed-in worker can share one ("Walker" the child, "Barbara Walker" the teammate in the header):
`assert person.family_name not in page` then fails for no fault of the page, and one did in CI.
The display name (given and family name) is what a page would leak, and two random people share
it far too rarely to matter. Every test module is read with `ast`; nothing is run.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Parts of a name that are too common to stand for one person on a page.
PARTIAL = {"family_name", "last_name"}


def all_test_modules() -> list[Path]:
    return sorted(
        path for path in ROOT.joinpath("tapestry").rglob("test_*.py") if "tests" in path.parts
    ) + sorted(ROOT.joinpath("tests").rglob("test_*.py"))


def partial_absence_checks(source: str) -> list[int]:
    """Line numbers of `assert <x>.family_name not in <y>` (and the same inside all(...) or a loop)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare):
            continue
        if not any(isinstance(op, ast.NotIn) for op in node.ops):
            continue
        left = node.left
        if isinstance(left, ast.Attribute) and left.attr in PARTIAL:
            found.append(node.lineno)
    return found


def test_the_check_finds_a_family_name_alone():
    assert partial_absence_checks("assert person.family_name not in page\n") == [1]
    assert partial_absence_checks("assert all(p.last_name not in t for p in ps)\n") == [1]
    assert partial_absence_checks("assert person.display_name not in page\n") == []
    assert partial_absence_checks("assert person.family_name in page\n") == []


def test_no_test_checks_absence_by_family_name_alone():
    modules = all_test_modules()
    assert len(modules) > 300, "the test modules were not found"
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in modules
        for line in partial_absence_checks(path.read_text())
    ]
    assert offenders == [], "look for the display name instead: " + ", ".join(offenders)
