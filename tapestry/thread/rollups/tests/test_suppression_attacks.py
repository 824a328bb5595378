"""The attacker's view: every number the needs pages and API show, with the agency's tables of cases
by need, solved for any single unknown; nothing recovered may be a small count (1 to 10)."""

from __future__ import annotations

import pytest

from tapestry.evidence.measures import PeriodType, ask, ask_rates
from tapestry.evidence.suppression import is_small
from tapestry.programs.tests.support import program_for
from tapestry.testing import client_for
from tapestry.thread.rollups.selectors import periods_ending
from tapestry.thread.rollups.tests.support import need, places, plant

pytestmark = pytest.mark.django_db


def solve(sums: list[tuple[object, list[object]]], known: dict[object, float]) -> dict[object, float]:
    """Every cell that some sum leaves as its one unknown, repeatedly, until nothing new comes out."""
    known = dict(known)
    changed = True
    while changed:
        changed = False
        for parent, children in sums:
            unknown = [cell for cell in [parent, *children] if cell not in known]
            if len(unknown) != 1:
                continue
            (cell,) = unknown
            if cell == parent:
                known[cell] = sum(known[child] for child in children)
            else:
                known[cell] = known[parent] - sum(known[child] for child in children if child != cell)
            changed = True
    return known


def recovered_small(sums, known) -> dict[object, float]:
    return {cell: n for cell, n in solve(sums, known).items() if cell not in known and is_small(int(n))}


def test_no_hidden_area_is_recovered_from_the_page_totals(cast):
    places(("A", ("62701",)), ("B", ("62702",)), ("C", ("62703",)))
    plant(4, postcode="62701")
    plant(15, postcode="62702")
    plant(30, postcode="62703")
    plant(2, postcode="99999")  # in no area

    body = client_for(cast["evaluator"]).get(f"/api/v1/thread/needs/{need().pk}").json()
    figure = next(f for f in body["figures"] if f["key"] == "open_by_area")

    known = {row["label"]: row["value"] for row in figure["rows"] if not row["suppressed"]}
    if not figure["total"]["suppressed"]:
        known["total"] = figure["total"]["value"]
    sums = [("total", [row["label"] for row in figure["rows"]])]
    assert recovered_small(sums, known) == {}
    assert known["total"] == 51 and "Area A (A)" not in known


def _shown_by_need(table) -> dict[str, int]:
    return {cell.label: cell.value for cell in table.cells if not cell.suppressed}


def test_a_hidden_need_is_not_recovered_from_this_page_beside_cases_by_need(cast):
    # cases.by_need hides the 5 and, so that it cannot be had from the total, the next smallest (20).
    plant(5, code="housing-instability")
    plant(20, code="food-insecurity")
    plant(30, code="homelessness")
    user = cast["evaluator"]
    table = ask(user, "cases.by_need", open_only=True)
    assert set(_shown_by_need(table)) == {"Homelessness", "Confidential services (not broken down)"}

    client = client_for(user)
    known = {f"agency:{label}": n for label, n in _shown_by_need(table).items()}
    known["agency:total"] = table.total.value
    for code in ("housing-instability", "food-insecurity", "homelessness"):
        body = client.get(f"/api/v1/thread/needs/{need(code).pk}").json()
        area = next(f for f in body["figures"] if f["key"] == "open_by_area")
        if not area["total"]["suppressed"]:
            known[f"agency:{need(code).label}"] = area["total"]["value"]
    index = client.get("/api/v1/thread/needs").json()
    for entry in index["entries"]:
        if entry["kind"] == "need" and not entry["open_cases"]["suppressed"] and entry["open_cases"]["value"]:
            known[f"agency:{entry['label']}"] = entry["open_cases"]["value"]

    labels = [f"agency:{cell.label}" for cell in table.cells]
    assert recovered_small([("agency:total", labels)], known) == {}
    # The food page withholds its total: shown, it would give the 5 as 55 - 30 - 20.
    assert "agency:Food insecurity" not in known


def test_a_hidden_need_of_one_program_is_not_recovered_from_this_page(cast):
    one, other = program_for(name="One"), program_for(name="Other")
    plant(4, code="housing-instability", program=one)
    plant(20, code="food-insecurity", program=one)
    plant(15, code="food-insecurity", program=other)
    plant(30, code="homelessness", program=other)
    user = cast["evaluator"]
    client = client_for(user)

    labels = {cell.label for cell in ask(user, "cases.by_need", open_only=True).cells}
    known, sums = {}, []
    for scope, program in (("agency", None), ("one", one), ("other", other)):
        table = ask(user, "cases.by_need", open_only=True, program=program)
        known.update({f"{scope}:{label}": n for label, n in _shown_by_need(table).items()})
        # A need missing from a table has no cases there: the attacker knows it is 0.
        known.update({f"{scope}:{label}": 0 for label in labels - {cell.label for cell in table.cells}})
        if not table.total.suppressed:
            known[f"{scope}:total"] = table.total.value
        sums.append((f"{scope}:total", [f"{scope}:{cell.label}" for cell in table.cells]))
    sums += [(f"agency:{label}", [f"one:{label}", f"other:{label}"]) for label in labels]
    # The tables by need of the agency and of each program are suppressed each on its own (a limit
    # of cases.by_need, docs/suppression.md): what they give away together is not this page's doing.
    before = recovered_small(sums, known)
    for code in ("housing-instability", "food-insecurity", "homelessness"):
        body = client.get(f"/api/v1/thread/needs/{need(code).pk}").json()
        area = next(f for f in body["figures"] if f["key"] == "open_by_area")
        if not area["total"]["suppressed"]:
            known[f"agency:{need(code).label}"] = area["total"]["value"]

    assert recovered_small(sums, known) == before
    # Food insecurity is hidden in program One's table (beside the 4): its total here is withheld.
    body = client.get(f"/api/v1/thread/needs/{need('food-insecurity').pk}").json()
    assert next(f for f in body["figures"] if f["key"] == "open_by_area")["total"]["suppressed"] is True


def test_no_hidden_period_is_recovered_from_months_quarters_and_the_domain_total(cast):
    quarters = periods_ending(PeriodType.QUARTER, 4)
    start = quarters.starts[-2]
    plant(4, code="housing-instability", identified_on=start)
    plant(15, code="homelessness", identified_on=start)
    plant(30, code="housing-instability", identified_on=start.replace(month=start.month + 1))
    user = cast["evaluator"]
    client = client_for(user)

    known, sums = {}, []
    months = periods_ending(PeriodType.MONTH, 12)
    for code in ("housing-instability", "homelessness"):
        for kind, count in (("month", 12), ("quarter", 4)):
            body = client.get(
                f"/api/v1/thread/needs/{need(code).pk}", {"period": kind, "count": count}
            ).json()
            trend = next(f for f in body["figures"] if f["key"] == "by_period")
            known.update(
                {(code, row["label"]): row["value"] for row in trend["rows"] if not row["suppressed"]}
            )
    # The housing domain's total per period, from the evaluation's indicator of housing needs.
    for periods in (months, quarters):
        for period in ask_rates(user, "cases.housing_needs_identified", periods=periods):
            if not period.total.suppressed:
                known[("housing", period.label)] = period.total.value
    for q in quarters.starts:
        label = quarters.label(q)
        parts = [months.label(m) for m in months.starts if quarters.label(m) == label]
        if len(parts) == 3:
            for code in ("housing-instability", "homelessness", "housing"):
                sums.append(((code, label), [(code, m) for m in parts]))
        for when in [label, *parts]:
            others = [(code, when) for code in ("housing-instability", "homelessness")]
            sums.append((("housing", when), others + [("rest", when)]))
            known.setdefault(("rest", when), 0)

    assert recovered_small(sums, known) == {}
