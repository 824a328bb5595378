"""No test reads the clock when its module is imported.

`TODAY = timezone.localdate()` at the top of a test module is read when pytest collects the suite;
a run that passes midnight then compares that day with the day the code under test reads, and
fails for no fault of the code (four tests did, in a run that started at 23:33). A module's dates
are read when a test uses them: a function (`def today(): ...`) or inside the test. Every test
module is read with `ast`, nothing is run: an assignment at module level (or a default argument)
or in a class body, that calls `localdate`, `now` or `today` fails this test.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLOCK = {"localdate", "now", "today", "localtime"}


def reads_clock(node: ast.AST) -> bool:
    return any(
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute | ast.Name)
        and (call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id) in CLOCK
        for call in ast.walk(node)
    )


def clock_at_import(source: str) -> list[int]:
    tree = ast.parse(source)
    # Statements run at import: the module's own, and those of every class body (a factory's fields).
    bodies = [tree.body, *(node.body for node in ast.walk(tree) if isinstance(node, ast.ClassDef))]
    lines = [
        node.lineno
        for body in bodies
        for node in body
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None and reads_clock(node.value)
    ]
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            defaults = [*node.args.defaults, *(d for d in node.args.kw_defaults if d is not None)]
            lines += [d.lineno for d in defaults if reads_clock(d)]
    return lines


def test_the_check_finds_a_date_read_at_import():
    assert clock_at_import("TODAY = timezone.localdate()\n") == [1]
    assert clock_at_import("IN_A_MONTH = (dt.date.today() + dt.timedelta(days=30)).isoformat()\n") == [1]
    assert clock_at_import("def f(on=timezone.now()):\n    pass\n") == [1]
    assert clock_at_import("class F:\n    on = dt.date.today()\n") == [2]
    assert clock_at_import("def today():\n    return timezone.localdate()\n") == []


def test_no_test_module_reads_the_clock_at_import():
    modules = [*ROOT.joinpath("tapestry").rglob("tests/**/*.py"), *ROOT.joinpath("tests").rglob("*.py")]
    modules += [ROOT / "conftest.py", ROOT / "tapestry" / "testing.py"]
    assert len(modules) > 300
    found = [
        f"{path.relative_to(ROOT)}:{line}" for path in modules for line in clock_at_import(path.read_text())
    ]
    assert found == [], "read the clock when the test runs: " + ", ".join(found)
