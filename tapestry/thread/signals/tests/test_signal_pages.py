"""The pages and API of signals: what a signal says, accepting it into a group or a campaign through
those levels' services, dismissing it with a reason, and the refusals."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.macro.campaigns.models import Campaign
from tapestry.mezzo.groups.models import Group
from tapestry.testing import client_for
from tapestry.thread.signals.models import Signal
from tapestry.thread.signals.tests.support import a_signal, area

pytestmark = pytest.mark.django_db


def _detail(signal):
    return reverse("signals:detail", args=[signal.pk])


def test_a_signal_states_its_finding_with_suppressed_counts_and_names_groups_with_its_focus(cast):
    here = area("A", "62701")
    signal = a_signal(area=here, trend=[["2025-Q1", 3], ["2025-Q2", 14], ["2025-Q3", 20]], baseline_total=37)
    group = Group.objects.create(
        name="Tenants together",
        kind=Group.Kind.SUPPORT,
        purpose="p",
        area=here,
        capacity=10,
        first_session_on=dt.date(2026, 1, 1),
        start_time=dt.time(18, 0),
    )
    group.focus_needs.add(signal.need)

    page = client_for(cast["evaluator"]).get(_detail(signal)).content.decode()

    assert "15 cases in Area A with housing instability, housed identified in 2026-Q4 and still unmet" in page
    assert "Tenants together" in page and "q = 1e-05" in page
    # 3 is small, and 14 is hidden with it so the expected count less the shown one cannot give it back.
    assert "2025-Q1 &lt;11, 2025-Q2 &lt;11, 2025-Q3 20" in page
    assert "Draft the group" not in page  # an evaluator reads, does not answer


def test_a_small_observed_count_and_a_small_baseline_are_not_shown(cast):
    signal = a_signal(observed=7, expected=0.5, baseline_total=3, trend=[["2025-Q1", 3], ["2025-Q2", 0]])
    body = client_for(cast["evaluator"]).get(reverse("api:signal_detail", args=[signal.pk])).json()
    assert body["observed"] == "fewer than 11" and body["expected"].startswith("under ")
    assert [p["count"] for p in body["trend"]] == [None, 0]  # a zero tells of no one


def test_a_program_manager_accepts_a_signal_with_a_draft_group_through_the_groups_service(cast):
    signal = a_signal()
    response = client_for(cast["program_manager"]).post(
        reverse("signals:accept_group", args=[signal.pk]),
        {
            "name": "Housing support, Area S",
            "kind": "support",
            "facilitator": cast["group_facilitator"].pk,
            "capacity": 12,
            "first_session_on": "2027-01-14",
            "start_time": "18:00",
        },
    )
    assert response.status_code == 302
    signal.refresh_from_db()
    group = signal.group
    assert (signal.status, signal.response, signal.decided_by) == (
        "accepted",
        "mezzo",
        cast["program_manager"],
    )
    assert (group.status, group.area, list(group.focus_needs.all())) == (
        "planned",
        signal.area,
        [signal.need],
    )
    assert f"escalation signal #{signal.pk}" in group.purpose
    assert AuditEntry.objects.filter(object_type__icontains="group", object_id=str(group.pk)).exists()


def test_a_supervisor_accepts_a_signal_with_a_planning_campaign(cast):
    signal = a_signal()
    response = client_for(cast.supervisor).post(
        reverse("signals:accept_campaign", args=[signal.pk]),
        {"title": "Housing access now", "goals": "Fewer evictions in Area S."},
    )
    assert response.status_code == 302
    signal.refresh_from_db()
    campaign = signal.campaign
    assert (campaign.status, campaign.kind, list(campaign.needs.all())) == (
        "planning",
        "policy_advocacy",
        [signal.need],
    )
    assert f"signal #{signal.pk}" in campaign.summary


def test_a_bad_group_form_is_answered_next_to_its_field_and_nothing_is_written(cast):
    signal = a_signal()
    response = client_for(cast.supervisor).post(
        reverse("signals:accept_group", args=[signal.pk]),
        {
            "name": "",
            "kind": "support",
            "facilitator": cast["evaluator"].pk,
            "capacity": 12,
            "first_session_on": "2027-01-14",
            "start_time": "18:00",
        },
    )
    assert response.status_code == 400
    form = response.context["group_form"]
    assert "name" in form.errors and "facilitator" in form.errors
    signal.refresh_from_db()
    assert signal.status == "open" and not Group.objects.exists()


def test_a_campaign_title_already_taken_is_refused_by_the_field(cast):
    signal = a_signal()
    Campaign.objects.create(title="Taken", kind="policy_advocacy", goals="g")
    response = client_for(cast.supervisor).post(
        reverse("signals:accept_campaign", args=[signal.pk]), {"title": "Taken", "goals": "g"}
    )
    assert response.status_code == 400
    assert "already exists" in str(response.context["campaign_form"].errors["title"])
    assert Signal.objects.get().status == "open"


def test_dismissing_needs_a_reason(cast):
    signal = a_signal()
    client = client_for(cast.supervisor)
    refused = client.post(reverse("signals:dismiss", args=[signal.pk]), {"reason": "  "})
    assert refused.status_code == 400 and "reason" in refused.context["dismiss_form"].errors
    done = client.post(
        reverse("signals:dismiss", args=[signal.pk]), {"reason": "One landlord, already in court."}
    )
    assert done.status_code == 302
    signal.refresh_from_db()
    assert (signal.status, signal.dismiss_reason) == ("dismissed", "One landlord, already in court.")
    again = client.post(reverse("signals:accept_campaign", args=[signal.pk]), {"title": "T", "goals": "g"})
    assert again.status_code == 400 and not Campaign.objects.exists()


def test_the_list_shows_open_signals_first_and_filters(cast):
    a_signal(status=Signal.Status.DISMISSED, dismiss_reason="r", need_id=None, barrier=None)
    open_one = a_signal()
    client = client_for(cast["agency_director"])
    page = client.get(reverse("signals:list")).content.decode()
    assert page.index(f'/thread/signals/{open_one.pk}/"') < page.index('<span class="tag">Dismissed')
    only = client.get(reverse("signals:list"), {"status": "dismissed"}).content.decode()
    assert f'/thread/signals/{open_one.pk}/"' not in only


def test_the_api_lists_accepts_and_dismisses(cast):
    signal = a_signal()
    other = a_signal()
    client = client_for(cast["program_manager"])
    listed = client.get("/api/v1/signals").json()
    assert {item["id"] for item in listed["items"]} == {signal.pk, other.pk}
    assert client.get("/api/v1/signals", {"kind": "nonsense"}).status_code == 400

    missing = client.post(
        f"/api/v1/signals/{signal.pk}/accept",
        json.dumps({"response": "mezzo"}),
        content_type="application/json",
    )
    assert missing.status_code == 400 and "facilitator_id" in json.dumps(missing.json())
    accepted = client.post(
        f"/api/v1/signals/{signal.pk}/accept",
        json.dumps({"response": "macro", "title": "Housing access", "goals": "Homes for all."}),
        content_type="application/json",
    )
    assert accepted.status_code == 200 and accepted.json()["campaign_id"] is not None

    no_reason = client.post(
        f"/api/v1/signals/{other.pk}/dismiss", json.dumps({"reason": ""}), content_type="application/json"
    )
    assert no_reason.status_code == 400
    dismissed = client.post(
        f"/api/v1/signals/{other.pk}/dismiss",
        json.dumps({"reason": "Seasonal."}),
        content_type="application/json",
    )
    assert dismissed.status_code == 200 and dismissed.json()["status"] == "dismissed"


def test_roles_without_signal_respond_cannot_answer(cast):
    signal = a_signal()
    response = client_for(cast["evaluator"]).post(
        reverse("signals:dismiss", args=[signal.pk]), {"reason": "x"}
    )
    assert response.status_code == 403
    api = client_for(cast["community_organiser"]).post(
        f"/api/v1/signals/{signal.pk}/dismiss", json.dumps({"reason": "x"}), content_type="application/json"
    )
    assert api.status_code == 403
    assert Signal.objects.get().status == "open"
