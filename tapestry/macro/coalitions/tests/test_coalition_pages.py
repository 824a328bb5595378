"""The coalition pages as an organiser and as an evaluator (who reads but does not record)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.macro.coalitions.models import ActionItem, Coalition, Meeting
from tapestry.macro.coalitions.tests.helpers import coalition_with
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def today():
    """Read when used, not when the module is imported: a run that passes midnight sees one day."""
    return timezone.localdate()


def test_the_list_counts_members_and_flags_overdue_items(cast):
    coalition = coalition_with(3, actions=4)  # due -2, -1, 0, +1 days: two overdue

    page = client_for(cast["evaluator"]).get(reverse("coalitions:coalition_list"))

    html = page.content.decode()
    assert page.status_code == 200
    assert f'href="{reverse("coalitions:coalition_detail", args=[coalition.pk])}"' in html
    assert "<td>3</td>" in html and "<td>4</td>" in html
    assert "2 overdue" in html
    assert "Record a coalition" not in html  # the evaluator reads, does not record


def test_an_organiser_records_a_coalition_and_lands_on_its_page(cast):
    client = client_for(cast["community_organiser"])

    missing = client.post(
        reverse("coalitions:coalition_create"), {"name": "Fair Rent", "formed_on": "2026-01-01"}
    )
    saved = client.post(
        reverse("coalitions:coalition_create"),
        {"name": "Fair Rent", "purpose": "Cap rent rises.", "status": "forming", "formed_on": "2026-01-01"},
    )

    coalition = Coalition.objects.get()
    assert missing.status_code == 400
    assert "purpose" in missing.context["form"].errors
    assert saved.status_code == 302 and saved["Location"] == reverse(
        "coalitions:coalition_detail", args=[coalition.pk]
    )
    assert coalition.created_by == cast["community_organiser"]


def test_the_meeting_form_saves_decisions_and_filled_action_rows(cast):
    coalition = coalition_with(2)
    owner = coalition.memberships.order_by("pk").first()
    client = client_for(cast["community_organiser"])
    url = reverse("coalitions:meeting_record", args=[coalition.pk])
    due = (today() + dt.timedelta(days=5)).isoformat()

    undated = client.post(url, {"held_on": today().isoformat(), "action_1": "Write to the council"})
    saved = client.post(
        url,
        {
            "held_on": today().isoformat(),
            "attending": [owner.pk],
            "decisions": "Write to the council",
            "action_1": "Write to the council",
            "owner_1": owner.pk,
            "due_on_1": due,
        },
    )
    page = client.get(reverse("coalitions:coalition_detail", args=[coalition.pk]))

    assert undated.status_code == 400 and "due_on_1" in undated.context["form"].errors
    assert saved.status_code == 302
    assert Meeting.objects.count() == 1 and ActionItem.objects.get().owner == owner
    assert "Write to the council" in page.content.decode()


def test_a_member_with_open_items_cannot_leave_and_the_page_says_why(cast):
    coalition = coalition_with(1, actions=1)
    member = coalition.memberships.get()
    client = client_for(cast["community_organiser"])

    answer = client.post(reverse("coalitions:member_leave", args=[member.pk]), follow=True)

    member.refresh_from_db()
    assert member.left_on is None
    assert "still owns open action items" in answer.content.decode()


def test_marking_an_item_done_through_its_form_and_a_stale_form_is_refused(cast):
    coalition = coalition_with(1, actions=1)
    item = coalition.action_items.get()
    client = client_for(cast["community_organiser"])
    url = reverse("coalitions:action_edit", args=[item.pk])
    fields = {"action": item.action, "owner": item.owner_id, "due_on": item.due_on.isoformat(), "version": 1}

    done = client.post(url, {**fields, "done_on": today().isoformat()})
    stale = client.post(url, {**fields, "action": "Renamed"})

    item.refresh_from_db()
    assert done.status_code == 302
    assert stale.status_code == 409
    assert item.done_on == today() and item.action != "Renamed"


@pytest.mark.parametrize("role", ["evaluator", "grants_officer"])
def test_roles_without_policy_work_are_refused_the_forms(cast, role):
    coalition = coalition_with(1)

    answer = client_for(cast[role]).get(reverse("coalitions:meeting_record", args=[coalition.pk]))

    assert answer.status_code == 403
