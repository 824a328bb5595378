"""Try to recover a small count from every indicator page of the same measures, and fail to.

An evaluator can define the same measures as many indicators: by month, quarter and year, for
the whole agency, for each program, broken down by program. Each answer alone is suppressed; here
an attacker reads them all through the API and solves every sum they know (a year is its quarters,
a quarter its months, the agency its programs; a rest is a denominator less its numerator) for any
one unknown, over and over, until nothing new comes out. Nothing that comes out may be small.
The same attack, with each cell suppressed only on its own, finds the planted counts.
"""

from __future__ import annotations

from datetime import date

import pytest

from tapestry.evidence import grid, measures
from tapestry.macro.evaluation.models import Indicator
from tapestry.macro.evaluation.tests.support import attendance, attendance_indicator
from tapestry.programs.tests.support import api_client, program_for

pytestmark = pytest.mark.django_db

MONTHS = [date(2026, month, 1) for month in range(1, 13)]
ASKED = {"month": ("2026-01", "2026-12"), "quarter": ("2026-Q1", "2026-Q4"), "year": ("2026", "2026")}
ALL = "*"


def plant() -> list[str]:
    """Three programs' groups, a session a month; Families' April has 3 who missed, Youth's
    October 4 who came and 3 who missed, and Youth holds nothing after October."""
    families = {day.replace(day=6): (15, 12) for day in MONTHS} | {date(2026, 4, 6): (14, 3)}
    housing = {day.replace(day=7): (20, 15) for day in MONTHS}
    youth = {day.replace(day=8): (12, 12) for day in MONTHS[:9]} | {date(2026, 10, 8): (4, 3)}
    for name, sessions in (
        ("Families First", families),
        ("Housing Stability", housing),
        ("Youth Futures", youth),
    ):
        attendance(program_for(name=name), sessions, name=f"{name} group")
    return ["Families First", "Housing Stability", "Youth Futures"]


def read_everything(client, programs: list[str]) -> dict[tuple[str, str, str, str], float]:
    """What the API shows of attendance: (quantity, period, program or ALL, ...) -> number."""
    known: dict[tuple[str, str, str, str], float] = {}
    by_name = {program.name: program for program in measures.apps.get_model("mezzo", "Program").objects.all()}
    for period_type, (first, last) in ASKED.items():
        shapes = [{}, {"breakdown": "program"}, *({"program": by_name[name]} for name in programs)]
        for counted in (True, False):
            for shape in shapes:
                extra = {"denominator": "", "factor": Indicator.Factor.COUNT} if counted else {}
                name = (
                    f"Attendance {len(known)} {period_type} {sorted(shape)} {counted} {shape.get('program')}"
                )
                indicator = attendance_indicator(name=name, period_type=period_type, **shape, **extra)
                answer = client.get(f"/api/v1/indicators/{indicator.pk}", {"from": first, "to": last})
                assert answer.status_code == 200, answer.content
                whose = shape["program"].name if "program" in shape else ALL
                for value in answer.json()["values"]:
                    cells = [(whose, value), *((row["row"], row) for row in value["rows"])]
                    for program, shown in cells:
                        for quantity in ("numerator", "denominator"):
                            if shown[quantity] is not None:
                                known[(quantity, period_type, value["period"], program)] = shown[quantity]
    return known


def sums(programs: list[str]) -> list[tuple[tuple[str, str, str], list[tuple[str, str, str]]]]:
    """Every sum the attacker knows, over (period type, period, program) cells."""
    found = []
    everyone = [ALL, *programs]
    for program in everyone:
        found.append((("year", "2026", program), [("quarter", f"2026-Q{q}", program) for q in range(1, 5)]))
        for q in range(1, 5):
            months = [("month", f"2026-{m:02d}", program) for m in range(3 * q - 2, 3 * q + 1)]
            found.append((("quarter", f"2026-Q{q}", program), months))
    periods = [("year", "2026")] + [("quarter", f"2026-Q{q}") for q in range(1, 5)]
    periods += [("month", f"2026-{m:02d}") for m in range(1, 13)]
    for kind, label in periods:
        found.append(((kind, label, ALL), [(kind, label, program) for program in programs]))
    return found


def attack(known: dict[tuple[str, str, str, str], float], programs: list[str]) -> dict[tuple, float]:
    """Everything the shown numbers give by solving sums with one unknown, rests included."""
    values = {(quantity[0], *cell): number for (quantity, *cell), number in known.items()}
    relations = sums(programs)
    changed = True
    while changed:
        changed = False
        for cell in {key[1:] for key in values}:
            n, d = values.get(("n", *cell)), values.get(("d", *cell))
            if n is not None and d is not None and ("r", *cell) not in values:
                values[("r", *cell)] = d - n
                changed = True
        for quantity in ("n", "d", "r"):
            for parent, children in relations:
                keys = [(quantity, *parent), *((quantity, *child) for child in children)]
                unknown = [key for key in keys if key not in values]
                if len(unknown) != 1:
                    continue
                whole = values.get(keys[0])
                parts = sum(values[key] for key in keys[1:] if key in values)
                values[unknown[0]] = parts if unknown[0] == keys[0] else whole - parts
                changed = True
        for cell in {key[1:] for key in values}:
            n, r = values.get(("n", *cell)), values.get(("r", *cell))
            if n is not None and r is not None and ("d", *cell) not in values:
                values[("d", *cell)] = n + r
                changed = True
            d = values.get(("d", *cell))
            if d is not None and r is not None and ("n", *cell) not in values:
                values[("n", *cell)] = d - r
                changed = True
    return values


def small(values: dict[tuple, float]) -> dict[tuple, float]:
    return {key: number for key, number in values.items() if 0 < number < 11}


def test_no_small_count_comes_out_of_every_indicator_of_the_same_measures(cast):
    programs = plant()

    known = read_everything(api_client(cast["evaluator"]), programs)
    found = attack(known, programs)

    assert ("n", "year", "2026", ALL) in found and ("d", "quarter", "2026-Q2", "Housing Stability") in found
    assert small(found) == {}


def test_the_same_attack_finds_the_planted_counts_when_each_cell_stands_alone(cast, monkeypatch):
    def alone(cells, sums, *, total=False, hidden_already=None, counted="counted"):
        mine = {key: why for key, parts in cells.items() if (why := grid._primary(parts, total, counted))}
        return {**mine, **(hidden_already or {})}

    monkeypatch.setattr(measures, "suppress_grid", alone)
    programs = plant()

    found = attack(read_everything(api_client(cast["evaluator"]), programs), programs)

    assert found[("r", "month", "2026-04", "Families First")] == 3
    assert found[("n", "quarter", "2026-Q4", "Youth Futures")] == 4
