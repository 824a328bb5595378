"""Layer rules: the arrows between the floors of the house point down (docs/architecture.md, "Layers").

The import graph of `tapestry/` is read with `ast`: every `import` and `from ... import`, at the top
of a module or inside a function, relative imports resolved, `from package import name` counted as
an import of `package.name` when that is a module. Nothing is imported or run.

Floors, from the ground up:
- ground: `tapestry.web`, `access`, `people`, `needs`, `programs`, `evidence`, `places`, `directory`
  (and `tapestry.extensions`): imports no level.
- micro (`tapestry.micro.*`): imports no mezzo, macro or thread.
- mezzo (`tapestry.mezzo.*`): imports no macro or thread (it may use micro, e.g. cohorts of cases).
- macro (`tapestry.macro.*`): imports no thread, and of micro and mezzo only an app's `measures`
  (aggregates, already suppressed) and `services` (writes through the one door), or a section of
  either when it is a package (`services.notes`); never a model, selector, view, form or app package.
- thread (`tapestry.thread.*`): the only floor that may read across levels.
- roof: `tapestry.front`, `tapestry.demo`, each app's `demo.py` (demo data the demo seeds),
  `tapestry.urls`, `tapestry.api` (the root router), `tapestry.settings`, `tapestry.testing`,
  `tapestry.wsgi` and every `tests` package compose the floors: they may import anything and are
  not checked. No floor imports the roof.

A deliberate exception is listed by module pair with its reason; one that no longer occurs fails
the test, so the list cannot rot.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "tapestry"

LEVELS = ("micro", "mezzo", "macro", "thread")
GROUND = ("web", "access", "people", "needs", "programs", "evidence", "places", "directory", "extensions")
ROOF = ("front", "demo", "urls", "api", "settings", "testing", "wsgi")

# What each floor may not import (by floor of the imported module).
FORBIDDEN = {
    "ground": {"micro", "mezzo", "macro", "thread", "roof"},
    "micro": {"mezzo", "macro", "thread", "roof"},
    "mezzo": {"macro", "thread", "roof"},
    "macro": {"thread", "roof"},
    "thread": {"roof"},
}
# Of micro and mezzo, macro reads only these modules of an app (and their sections).
MACRO_DOORS = ("measures", "services")

# (importer, imported): why the arrow may point the wrong way.
EXCEPTIONS: dict[tuple[str, str], str] = {
    ("tapestry.access.routes", "tapestry.api"): (
        "the route table's check (manage.py check) walks the composed API for operations no row "
        "declares; imported inside the function, at check time"
    ),
}


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str
    line: int


def modules(package: Path = PACKAGE) -> dict[str, Path]:
    """Every module under `package` by dotted name (a package by its `__init__`)."""
    found = {}
    for path in package.rglob("*.py"):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports_in(module: str, source: str, *, is_package: bool, known: set[str]) -> Iterator[Import]:
    """The `tapestry` modules that `source` (the text of `module`) imports, wherever it imports them."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.split(".") if is_package else module.split(".")[:-1]
                package = package[: len(package) - node.level + 1]
                base = ".".join([*package, base] if base else package)
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names
            ]
        else:
            continue
        for target in targets:
            if target == "tapestry" or target.startswith("tapestry."):
                yield Import(module, target, node.lineno)


def graph(package: Path = PACKAGE) -> list[Import]:
    found = modules(package)
    known = set(found)
    edges = []
    for name, path in sorted(found.items()):
        source = path.read_text(encoding="utf-8")
        edges.extend(imports_in(name, source, is_package=path.name == "__init__.py", known=known))
    return edges


def floor(module: str) -> str:
    """The floor `module` stands on: ground, micro, mezzo, macro, thread, or roof."""
    parts = module.split(".")
    if "tests" in parts or parts[-1] == "demo":
        return "roof"
    top = parts[1] if len(parts) > 1 else ""
    if top in LEVELS:
        return top
    if top in ROOF:
        return "roof"
    return "ground"


def is_macro_door(module: str) -> bool:
    """`tapestry.<micro|mezzo>.<app>.measures` or `.services`, or a section of either."""
    parts = module.split(".")
    return len(parts) >= 4 and parts[1] in ("micro", "mezzo") and parts[3] in MACRO_DOORS


def broken_rule(edge: Import) -> str | None:
    """The rule `edge` breaks, in words; None when the arrow points the right way."""
    source, target = floor(edge.importer), floor(edge.imported)
    if source == "roof":
        return None
    if target in FORBIDDEN[source]:
        return f"{source} imports {target}"
    if source == "macro" and target in ("micro", "mezzo") and not is_macro_door(edge.imported):
        return f"macro reads {target} other than through an app's measures or services"
    return None


def violations(edges: list[Import]) -> list[tuple[Import, str]]:
    found = []
    for edge in edges:
        rule = broken_rule(edge)
        if rule and (edge.importer, edge.imported) not in EXCEPTIONS:
            found.append((edge, rule))
    return found


def describe(found: list[tuple[Import, str]]) -> str:
    return "\n".join(f"{e.importer}:{e.line} imports {e.imported} ({rule})" for e, rule in found)


# The rules over tapestry/ --------------------------------------------------------------------


@pytest.fixture(scope="module")
def edges() -> list[Import]:
    return graph()


def test_every_arrow_points_down(edges: list[Import]) -> None:
    found = violations(edges)
    assert not found, "Imports against the layer rules (docs/architecture.md, 'Layers'):\n" + describe(found)


def test_every_listed_exception_still_occurs(edges: list[Import]) -> None:
    occurring = {(e.importer, e.imported) for e in edges if broken_rule(e)}
    stale = sorted(set(EXCEPTIONS) - occurring)
    assert not stale, f"Exceptions that no longer occur (remove them from EXCEPTIONS): {stale}"


def test_the_graph_is_read(edges: list[Import]) -> None:
    """The reader finds imports at all, inside functions too (a walk that saw nothing would pass)."""
    pairs = {(e.importer, e.imported) for e in edges}
    assert ("tapestry.access.routes", "tapestry.api") in pairs  # inside a function
    assert len(pairs) > 1000


# The checker itself ----------------------------------------------------------------------------

KNOWN = {
    "tapestry.micro.cases",
    "tapestry.micro.cases.models",
    "tapestry.micro.cases.services",
    "tapestry.micro.cases.measures",
    "tapestry.micro.cases.views",
    "tapestry.mezzo.groups",
    "tapestry.mezzo.groups.models",
    "tapestry.mezzo.groups.measures",
    "tapestry.macro.campaigns",
    "tapestry.macro.campaigns.views",
    "tapestry.thread.rollups",
    "tapestry.people.models",
}


def _check(module: str, source: str, *, is_package: bool = False) -> list[str]:
    found = violations(list(imports_in(module, source, is_package=is_package, known=KNOWN)))
    return [f"{e.imported}: {rule}" for e, rule in found]


@pytest.mark.parametrize(
    ("module", "source", "rule"),
    [
        ("tapestry.micro.cases.views", "import tapestry.mezzo.groups.models", "micro imports mezzo"),
        (
            "tapestry.micro.cases.services",
            "def f():\n    from tapestry.macro.campaigns import views\n",
            "micro imports macro",
        ),
        ("tapestry.mezzo.groups.views", "from tapestry.thread.rollups import x", "mezzo imports thread"),
        ("tapestry.people.views", "from ..micro.cases.models import Case", "ground imports micro"),
        ("tapestry.programs.reach", "from tapestry.mezzo.groups import models", "ground imports mezzo"),
        ("tapestry.web.pages", "from tapestry.front import levels", "ground imports roof"),
        (
            "tapestry.macro.campaigns.views",
            "from tapestry.micro.cases.models import Case",
            "macro reads micro other than through an app's measures or services",
        ),
        (
            "tapestry.macro.campaigns.views",
            "from tapestry.mezzo import groups",
            "macro reads mezzo other than through an app's measures or services",
        ),
    ],
)
def test_the_checker_catches_a_forbidden_import(module: str, source: str, rule: str) -> None:
    assert [rule] == [found.split(": ", 1)[1] for found in _check(module, source)]


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("tapestry.mezzo.groups.views", "from tapestry.micro.cases import services"),
        ("tapestry.macro.campaigns.views", "from tapestry.micro.cases import measures, services"),
        ("tapestry.macro.campaigns.views", "from tapestry.mezzo.groups.measures import members"),
        ("tapestry.macro.campaigns.api", "from .views import x"),
        ("tapestry.thread.rollups", "from tapestry.micro.cases.models import Case"),
        ("tapestry.demo.generate", "from tapestry.mezzo.groups.models import Group"),
        ("tapestry.micro.cases.demo", "from tapestry.mezzo.groups.models import Group"),
        ("tapestry.micro.cases.tests.test_x", "from tapestry.macro.campaigns import views"),
        ("tapestry.micro.cases.views", "from tapestry.people.models import Person"),
    ],
)
def test_the_checker_lets_a_downward_import_through(module: str, source: str) -> None:
    assert _check(module, source) == []


def test_relative_imports_resolve() -> None:
    found = list(
        imports_in(
            "tapestry.micro.cases.views",
            "from . import models\nfrom ..cases.services import x",
            is_package=False,
            known=KNOWN,
        )
    )
    assert [e.imported for e in found] == ["tapestry.micro.cases.models", "tapestry.micro.cases.services"]
    inside = list(
        imports_in("tapestry.micro.cases", "from .models import Case", is_package=True, known=KNOWN)
    )
    assert [e.imported for e in inside] == ["tapestry.micro.cases.models"]
