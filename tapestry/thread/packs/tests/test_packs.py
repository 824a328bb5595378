"""Evidence packs: figures through the measures, suppressed so no hidden cell can be worked out from
the row, column or grand totals, exported as PDF and CSV with every export audited."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.evidence.suppression import is_small
from tapestry.testing import client_for, pdf_text
from tapestry.thread.packs import selectors, services
from tapestry.thread.packs.figures import Figure
from tapestry.thread.packs.tests.support import housing_campaign, housing_needs, pack_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def planted(cast):
    """Homelessness needs in three postcodes over 2026, one of them a small count (4)."""
    worker = cast.caseworker
    housing_needs(worker, "11111", date(2026, 1, 15), 30)
    housing_needs(worker, "11111", date(2026, 5, 2), 25)
    housing_needs(worker, "22222", date(2026, 2, 9), 4)
    housing_needs(worker, "22222", date(2026, 8, 20), 20)
    housing_needs(worker, "33333", date(2026, 4, 11), 15)
    return pack_for(housing_campaign())


def _need_figure(pack, user) -> Figure:
    contents = selectors.pack_contents(user=user, pack=pack)
    return next(found for found in contents.figures if found.key == "needs-housing-area")


def _attack(found: Figure) -> dict[tuple[int, int], float]:
    """Every cell an attacker can work out from the shown ones: each row's year total is the sum of its
    quarters and the "All" row is the sum of the area rows, column by column; solve any sum with one
    unknown until nothing new comes out."""
    known = {
        (r, c): rate.numerator
        for r, row in enumerate(found.rows)
        for c, rate in enumerate(row.cells)
        if rate.numerator is not None
    }
    quarters = [c for c, column in enumerate(found.columns) if not column.is_total]
    total = next(c for c, column in enumerate(found.columns) if column.is_total)
    sums = [((r, total), [(r, c) for c in quarters]) for r in range(len(found.rows))]
    sums += [((0, c), [(r, c) for r in range(1, len(found.rows))]) for c in range(len(found.columns))]
    changed = True
    while changed:
        changed = False
        for parent, children in sums:
            cells = [parent, *children]
            unknown = [cell for cell in cells if cell not in known]
            if len(unknown) != 1:
                continue
            if unknown[0] == parent:
                known[parent] = sum(known[child] for child in children)
            else:
                known[unknown[0]] = known[parent] - sum(known[c] for c in children if c != unknown[0])
            changed = True
    return known


def test_a_need_figure_counts_by_area_and_quarter_with_year_totals(planted, cast):
    found = _need_figure(planted, cast["evaluator"])

    assert [column.label for column in found.columns] == [
        "2026-Q1",
        "2026-Q2",
        "2026-Q3",
        "2026-Q4",
        "2026 total",
    ]
    rows = {row.label: row for row in found.rows}
    assert set(rows) >= {"All", "11111", "22222", "33333"}
    assert rows["22222"].cells[0].hidden.startswith("fewer than 11")  # the planted 4
    shown = [
        (r, c, rate.numerator)
        for r, row in enumerate(found.rows)
        for c, rate in enumerate(row.cells)
        if not rate.suppressed
    ]
    assert shown and all(value == _truth(found, r, c) for r, c, value in shown)
    assert rows["All"].cells[-1].numerator == 94
    assert found.measures.startswith("Housing needs identified (cases.housing_needs_identified)")
    assert found.period == "2026"
    assert found.hidden >= 2 and f"{found.hidden} cells hidden here" in found.note


def test_no_hidden_small_count_can_be_worked_out_from_the_totals(planted, cast):
    found = _need_figure(planted, cast["evaluator"])

    recovered = _attack(found)

    shown = {
        (r, c) for r, row in enumerate(found.rows) for c, rate in enumerate(row.cells) if not rate.suppressed
    }
    worked_out = {cell: value for cell, value in recovered.items() if cell not in shown}
    assert not [value for value in worked_out.values() if is_small(int(value))]
    assert all(
        not is_small(int(rate.numerator)) for row in found.rows for rate in row.cells if rate.numerator
    )


def test_the_attack_is_real_it_finds_a_lone_hidden_cell(planted, cast):
    """Hiding only the small cell (primary suppression alone) gives it away to the same attack."""
    found = _need_figure(planted, cast["evaluator"])
    rows = {row.label: r for r, row in enumerate(found.rows)}
    only_primary = {(r, c): rate for r, row in enumerate(found.rows) for c, rate in enumerate(row.cells)}
    small = (rows["22222"], 0)
    naive = Figure(
        spec=found.spec,
        measures=found.measures,
        unit=found.unit,
        period=found.period,
        by=found.by,
        columns=found.columns,
        rows=tuple(
            type(row)(
                row.label,
                tuple(
                    type(rate)(rate.row, None, None, None, "small")
                    if (r, c) == small
                    else type(rate)(rate.row, _truth(found, r, c), None, _truth(found, r, c))
                    for c, rate in enumerate(row.cells)
                ),
            )
            for r, row in enumerate(found.rows)
        ),
        hidden=1,
        note="",
    )
    assert only_primary[small].suppressed

    assert _attack(naive)[small] == 4


TRUTH = {("11111", 0): 30, ("11111", 1): 25, ("22222", 0): 4, ("22222", 2): 20, ("33333", 1): 15}


def _truth(found: Figure, r: int, c: int) -> int:
    """The true count of a cell of the planted data (for the naive table of the attack's own test)."""
    label = found.rows[r].label
    column = found.columns[c]
    areas = ["11111", "22222", "33333"] if label == "All" else [label]
    quarters = range(4) if column.is_total else [c]
    return sum(TRUTH.get((area, q), 0) for area in areas for q in quarters)


def test_the_pdf_download_states_each_figure_and_is_audited(planted, cast):
    client = client_for(cast["community_organiser"])

    response = client.get(reverse("packs:pack_pdf", args=[planted.pk]))

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Housing needs identified, by area" in text
    assert "Measure: Housing needs identified (cases.housing_needs_identified)" in text
    assert "Suppression:" in text and "<11" in text and "2026 total" in text
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT, object_id=str(planted.pk))
    assert entry.fields == ["pdf"] and entry.actor == cast["community_organiser"]


def test_the_csv_has_every_cell_with_its_measure_and_suppression_and_is_audited(planted, cast):
    client = client_for(cast["evaluator"])

    response = client.get(reverse("packs:pack_csv", args=[planted.pk]))

    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    need_rows = [row for row in rows if row["figure"] == "Housing needs identified, by area"]
    cell = next(row for row in need_rows if row["row"] == "All" and row["column"] == "2026 total")
    assert cell["numerator"] == "94" and cell["shown"] == "94" and cell["suppressed_because"] == ""
    assert cell["column_kind"] == "year total"
    small = next(row for row in need_rows if row["row"] == "22222" and row["column"] == "2026-Q1")
    assert (
        small["numerator"] == ""
        and small["shown"] == "<11"
        and "fewer than 11" in small["suppressed_because"]
    )
    assert all(row["measures"] for row in rows if row["section"] == "figure")
    assert AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT, fields=["csv"]).count() == 1


def test_the_page_and_the_api_show_the_same_cells(planted, cast):
    client = client_for(cast["evaluator"])

    page = client.get(reverse("packs:pack_detail", args=[planted.pk])).content.decode()
    body = client.get(f"/api/v1/evidence-packs/{planted.pk}").json()

    figure = next(found for found in body["figures"] if found["key"] == "needs-housing-area")
    assert figure["kind"] == "count" and figure["period"] == "2026"
    small = next(row for row in figure["rows"] if row["label"] == "22222")["cells"][0]
    assert small == {
        "numerator": None,
        "denominator": None,
        "value": None,
        "shown": "<11",
        "suppressed_because": small["suppressed_because"],
    }
    assert small["suppressed_because"]
    assert "Housing needs identified, by area" in page and "<td>94</td>" in page
    assert "Suppression:" in page


def test_a_pack_is_built_for_a_campaign_with_its_needs_by_default(cast):
    campaign = housing_campaign()
    client = client_for(cast["community_organiser"])

    response = client.post(
        reverse("packs:pack_create", args=[campaign.pk]),
        {
            "title": "Safe homes evidence",
            "first_year": 2025,
            "last_year": 2026,
            "columns": "quarter",
            "needs": [need.pk for need in campaign.needs.all()],
            "include_stories": "on",
        },
    )

    assert response.status_code == 302
    pack = selectors.pack_list(user=cast["community_organiser"]).get()
    assert set(pack.needs.values_list("code", flat=True)) == {"homelessness", "inadequate-housing"}
    assert (pack.first_year, pack.last_year) == (2025, 2026)


def test_bad_years_get_an_error_next_to_the_field_and_in_the_api(cast):
    campaign = housing_campaign()
    client = client_for(cast["community_organiser"])

    page = client.post(
        reverse("packs:pack_create", args=[campaign.pk]),
        {"title": "Backwards", "first_year": 2026, "last_year": 2024, "columns": "quarter"},
    )
    api = client.post(
        "/api/v1/evidence-packs",
        {"campaign_id": campaign.pk, "title": "Backwards", "first_year": 2026, "last_year": 2024},
        content_type="application/json",
    )
    too_long = client.post(
        "/api/v1/evidence-packs",
        {"campaign_id": campaign.pk, "title": "Long", "first_year": 2015, "last_year": 2026},
        content_type="application/json",
    )
    unknown = client.post(
        "/api/v1/evidence-packs",
        {
            "campaign_id": campaign.pk,
            "title": "X",
            "first_year": 2026,
            "last_year": 2026,
            "needs": ["no-such"],
        },
        content_type="application/json",
    )
    missing = client.post(
        "/api/v1/evidence-packs",
        {"campaign_id": 999999, "title": "X", "first_year": 2026, "last_year": 2026},
        content_type="application/json",
    )

    assert page.status_code == 400 and "The last year comes before the first." in page.content.decode()
    assert api.status_code == 400 and api.json()["errors"]["last_year"] == [
        "The last year comes before the first."
    ]
    assert too_long.status_code == 400 and "at most 5 years" in too_long.json()["errors"]["last_year"][0]
    assert unknown.status_code == 400 and "no-such" in unknown.json()["errors"]["needs"][0]
    assert missing.status_code == 400 and missing.json()["errors"]["campaign_id"] == ["No such campaign."]
    assert not selectors.pack_list(user=cast["community_organiser"]).exists()


def test_a_stale_edit_is_refused(planted, cast):
    services.pack_update(actor=cast["community_organiser"], pack=planted, version=1, changes={"title": "New"})

    from tapestry.access.versioning import StaleEdit

    with pytest.raises(StaleEdit):
        services.pack_update(
            actor=cast["community_organiser"], pack=planted, version=1, changes={"title": "Old"}
        )


def _approved_story(cast, text: str):
    from tapestry.access.models import Role
    from tapestry.testing import PersonFactory, UserFactory
    from tapestry.thread.stories import services as stories
    from tapestry.thread.stories.tests.helpers import case_with_consent, propose

    client = PersonFactory(given_name="Odalys", family_name="Ferreira")
    case = case_with_consent(cast.caseworker, client)
    story = propose(cast.caseworker, case, text, title="Four months in a car")
    reviewer = UserFactory(role=Role.SUPERVISOR)
    return stories.story_approve(actor=reviewer, story=story, version=story.version)


def test_a_pack_quotes_approved_stories_scrubbed_until_the_clients_consent_is_revoked(cast):
    story = _approved_story(
        cast, "Odalys Ferreira slept in her car for four months; call her on 555-201-7788."
    )
    campaign = housing_campaign()
    campaign.needs.add(*story.needs.all())
    pack = pack_for(campaign)
    client = client_for(cast["community_organiser"])

    page = client.get(reverse("packs:pack_detail", args=[pack.pk])).content.decode()
    body = client.get(f"/api/v1/evidence-packs/{pack.pk}").json()
    csv_text = client.get(reverse("packs:pack_csv", args=[pack.pk])).content.decode()
    pdf = pdf_text(client.get(reverse("packs:pack_pdf", args=[pack.pk])).content)

    assert "Four months in a car" in page and "slept in her car" in page
    assert [found["title"] for found in body["stories"]] == ["Four months in a car"]
    for shown in (page, str(body), csv_text, pdf):
        assert "Odalys" not in shown and "Ferreira" not in shown and "7788" not in shown
    assert "slept in her car" in csv_text and "slept in her car" in pdf

    pack.include_stories = False
    pack.save()
    assert selectors.pack_contents(user=cast["evaluator"], pack=pack).stories == []
    pack.include_stories = True
    pack.save()

    story.consent.revoked_on = date.today()
    story.consent.save()
    assert selectors.pack_contents(user=cast["evaluator"], pack=pack).stories == []
    page = client.get(reverse("packs:pack_detail", args=[pack.pk])).content.decode()
    assert "Four months in a car" not in page


def test_a_story_not_yet_approved_is_not_quoted(cast):
    from tapestry.thread.stories.tests.helpers import case_with_consent, propose

    case = case_with_consent(cast.caseworker)
    story = propose(cast.caseworker, case, title="Waiting for review")
    campaign = housing_campaign()
    campaign.needs.add(*story.needs.all())

    contents = selectors.pack_contents(user=cast["evaluator"], pack=pack_for(campaign))

    assert contents.stories == []
