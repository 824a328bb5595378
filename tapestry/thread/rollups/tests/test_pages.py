"""The needs pages and API: the index, a need's page and a barrier's, read by an evaluator."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.macro.campaigns.models import Campaign
from tapestry.micro.cases.models import Case
from tapestry.testing import client_for
from tapestry.thread.rollups.tests.support import barrier, need, places, plant, refer

pytestmark = pytest.mark.django_db


def test_the_index_lists_every_need_and_barrier_with_its_open_cases(cast):
    plant(13)
    plant(4, code="food-insecurity")
    plant(12, code="food-insecurity", blocked_by="waitlist")

    html = client_for(cast["evaluator"]).get(reverse("rollups:needs_index")).content.decode()

    assert f'href="{reverse("rollups:need_detail", kwargs={"pk": need().pk})}"' in html
    assert f'href="{reverse("rollups:barrier_detail", kwargs={"pk": barrier().pk})}"' in html
    assert "<td>13</td>" in html and "<td>16</td>" in html and "<td>12</td>" in html


def test_a_need_page_shows_its_figures_and_who_works_on_it(cast):
    places(("A", ("62701",)))
    cases = plant(14)
    refer(cases[:12], "completed")
    Campaign.objects.create(title="Homes for all", kind="advocacy", goals="Housing.").needs.add(need())

    response = client_for(cast["evaluator"]).get(
        reverse("rollups:need_detail", kwargs={"pk": need().pk}), {"period": "month", "count": 6}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Housing instability, housed" in html and "Homes for all" in html
    assert "<td>14</td>" in html  # in area A and in total
    assert "cases.open_with_by_place" in html and "referrals.outcomes_for_need" in html
    assert 'id="trend"' in html  # the chart, beside its table


def test_a_bad_choice_is_told_by_its_field(cast):
    response = client_for(cast["evaluator"]).get(
        reverse("rollups:need_detail", kwargs={"pk": need().pk}), {"count": "99", "area_kind": "planet"}
    )

    html = response.content.decode()
    assert "Ensure this value is less than or equal to 24" in html
    assert "Select a valid choice" in html


def test_a_barrier_page_counts_the_needs_it_blocks(cast):
    places(("A", ("62701",)))
    plant(11, blocked_by="waitlist")
    plant(12, code="food-insecurity", blocked_by="waitlist")
    plant(30, code="food-insecurity", blocked_by="cost")

    body = client_for(cast["evaluator"]).get(f"/api/v1/thread/barriers/{barrier().pk}").json()

    areas = next(figure for figure in body["figures"] if figure["key"] == "open_by_area")
    assert body["subject"]["label"] == "Waiting list too long"
    assert areas["total"]["value"] == 23
    assert body["addressed"]["groups"] == [] and body["addressed"]["campaigns"] == []


def test_the_api_names_each_figures_measure_period_and_suppression(cast):
    places(("A", ("62701",)))
    plant(15)
    plant(3, postcode="99999")

    response = client_for(cast["evaluator"]).get(
        f"/api/v1/thread/needs/{need().pk}", {"period": "quarter", "count": 4}
    )

    body = response.json()
    assert response.status_code == 200
    figures = {figure["key"]: figure for figure in body["figures"]}
    assert set(figures) == {"open_by_area", "by_period", "referrals", "score_changes"}
    assert figures["by_period"]["measure"] == "cases.needs_identified_in_domain"
    assert len(figures["by_period"]["rows"]) == 4
    assert all(
        figure["suppression"].startswith("Counts from 1 to 10 are hidden") for figure in figures.values()
    )
    # 3 cases at a postcode in no area: hidden, with area A (else 18 - 15 gives them), total shown.
    rows = {row["label"]: row for row in figures["open_by_area"]["rows"]}
    assert rows["Not in any area of this kind"]["suppressed"] is True
    assert rows["Area A (A)"]["suppressed"] is True
    assert figures["open_by_area"]["total"]["value"] == 18


def test_the_api_refuses_bad_choices_and_unknown_needs(cast):
    client = client_for(cast["evaluator"])

    bad = client.get(f"/api/v1/thread/needs/{need().pk}", {"period": "week"})
    missing = client.get("/api/v1/thread/needs/999999")

    assert bad.status_code == 422 and "period" in str(bad.json()["errors"])
    assert missing.status_code == 404


def test_sensitive_segment_cases_are_never_broken_down_by_need(cast):
    places(("A", ("62701",)))
    plant(30, segment="substance_use")
    plant(30, segment="substance_use", blocked_by="waitlist")

    client = client_for(cast["evaluator"])
    need_body = client.get(f"/api/v1/thread/needs/{need().pk}").json()
    barrier_body = client.get(f"/api/v1/thread/barriers/{barrier().pk}").json()

    for body in (need_body, barrier_body):
        for figure in body["figures"]:
            assert not any(row["value"] for row in figure["rows"]), figure
            assert figure["total"] is None or figure["total"]["value"] == 0
    assert Case.objects.filter(segment="substance_use").count() == 60
