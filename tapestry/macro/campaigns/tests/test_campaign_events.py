"""Events of a campaign: who said they would come and who came (OSDI attendances), for policy work;
readers see the counts only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.macro.campaigns.models import Attendee, Supporter
from tapestry.macro.campaigns.tests.helpers import campaign_with, event_with
from tapestry.macro.campaigns.tests.test_campaigns_query_counts import SIZES, counted
from tapestry.programs.tests.support import api_client
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

EVENT_QUERIES = 10  # with the audit entry of who answered (chain head, entry, head)


def test_answers_are_recorded_and_marked_and_readers_see_counts_only(cast):
    event = event_with(campaign_with(0), 2)
    organiser = client_for(cast["community_organiser"])
    url = reverse("campaigns:attendee_add", args=[event.pk])

    nobody = organiser.post(url, {"status": "accepted"})
    saved = organiser.post(
        url,
        {"given_name": "Ines", "family_name": "Carvalho", "email": "ines@example.org", "status": "tentative"},
    )
    again = organiser.post(
        url, {"supporter": Supporter.objects.get(email="ines@example.org").pk, "status": "accepted"}
    )
    ines = Attendee.objects.get(supporter__email="ines@example.org")
    marked = organiser.post(reverse("campaigns:attendee_mark", args=[ines.pk]), {"attended": "true"})
    page = organiser.get(reverse("campaigns:event_detail", args=[event.pk])).content.decode()
    reader = client_for(cast["program_manager"]).get(reverse("campaigns:event_detail", args=[event.pk]))

    assert nobody.status_code == 400 and "given_name" in nobody.context["form"].errors
    assert saved.status_code == 302 and saved["Location"] == reverse(
        "campaigns:event_detail", args=[event.pk]
    )
    assert again.status_code == 400 and "already answered" in str(again.context["form"].errors["supporter"])
    assert marked.status_code == 302
    ines.refresh_from_db()
    assert (ines.status, ines.attended) == ("tentative", True)
    assert "Ines Carvalho" in page and "<strong>2</strong> coming, 1 maybe, of 3 answers" in page
    assert "<strong>1</strong> on the list came" in page
    assert reader.status_code == 200 and "Ines" not in reader.content.decode()
    assert "<strong>2</strong> coming" in reader.content.decode()
    assert (
        AuditEntry.objects.filter(action=AuditEntry.Action.VIEW, purpose="who answered the event").count()
        == 1
    )


def test_who_came_is_marked_only_once_the_event_is_held_and_only_events_have_answers(cast):
    campaign = campaign_with(1)
    coming = event_with(campaign, 1, days_ago=-7)
    organiser = client_for(cast["community_organiser"])

    early = organiser.post(
        reverse("campaigns:attendee_mark", args=[coming.attendees.get().pk]),
        {"attended": "true"},
        follow=True,
    )
    article = campaign.activities.get(kind="media")

    assert "not held yet" in early.content.decode() and coming.attendees.get().attended is None
    assert organiser.get(reverse("campaigns:event_detail", args=[article.pk])).status_code == 404


def test_the_api_records_and_lists_answers_for_policy_work(cast):
    event = event_with(campaign_with(0), 1)
    client = api_client(cast["community_organiser"])
    url = f"/api/v1/campaign-events/{event.pk}/attendances"

    both = client.post(
        url, {"supporter_id": 1, "supporter": {"given_name": "X"}}, content_type="application/json"
    )
    bad = client.post(
        url, {"supporter": {"given_name": "Ola"}, "status": "perhaps"}, content_type="application/json"
    )
    made = client.post(
        url,
        {"supporter": {"given_name": "Ola", "email": "ola@example.org"}, "attended": True},
        content_type="application/json",
    )
    listed = client.get(url).json()
    refused = api_client(cast["evaluator"]).get(url)

    assert both.status_code == 400 and "supporter_id" in both.json()["errors"]
    assert bad.status_code == 422 and Supporter.objects.filter(given_name="Ola").count() == 1
    assert made.status_code == 201 and made.json()["status"] == "accepted" and made.json()["attended"] is True
    assert sorted(item["supporter"]["given_name"] for item in listed["items"]) == ["Guest", "Ola"]
    assert refused.status_code == 403


@pytest.mark.parametrize("rows", SIZES)
def test_event_page_with_answers(cast, rows, django_assert_num_queries):
    event = event_with(campaign_with(0), rows)

    page = counted(
        client_for(cast["community_organiser"]),
        reverse("campaigns:event_detail", args=[event.pk]),
        EVENT_QUERIES,
        django_assert_num_queries,
    )

    assert page.content.decode().count("<td>Guest ") == rows
