"""Compliance items: kept with their owner and due date, refused with a message by the field, marked
done (a recurring one then makes the next) or waived with a reason; by the director and the
administrator only."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import Role
from tapestry.macro.leadership import services
from tapestry.macro.leadership.models import ComplianceItem
from tapestry.macro.leadership.tests.support import an_item
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

JSON = "application/json"
TODAY = timezone.localdate


@pytest.fixture
def director(cast):
    return cast[Role.AGENCY_DIRECTOR]


def test_done_on_a_yearly_item_keeps_next_years(director):
    item = an_item(director, recurrence="yearly", due_on=dt.date(2026, 3, 31))

    services.compliance_done(actor=director, item=item, version=1, done_on=TODAY(), evidence="Certificate 77")

    item.refresh_from_db()
    following = item.next_item
    assert (item.status, item.done_on, item.evidence) == ("done", TODAY(), "Certificate 77")
    assert (following.due_on, following.status, following.title) == (dt.date(2027, 3, 31), "open", item.title)
    assert following.owner == director and following.recurrence == "yearly"


def test_every_six_months_lands_on_the_last_day_of_a_shorter_month(director):
    item = an_item(director, recurrence="months", every_months=6, due_on=dt.date(2026, 8, 31))

    services.compliance_done(actor=director, item=item, version=1, done_on=TODAY())

    assert ComplianceItem.objects.get(follows=item).due_on == dt.date(2027, 2, 28)


def test_an_item_that_does_not_recur_makes_no_next_one(director):
    item = an_item(director)

    services.compliance_done(actor=director, item=item, version=1, done_on=TODAY())

    assert ComplianceItem.objects.count() == 1


def test_a_closed_item_cannot_be_done_or_waived_again(director):
    item = an_item(director, recurrence="yearly")
    services.compliance_done(actor=director, item=item, version=1, done_on=TODAY())
    item.refresh_from_db()

    with pytest.raises(ValidationError) as done_again:
        services.compliance_done(actor=director, item=item, version=item.version, done_on=TODAY())
    with pytest.raises(ValidationError):
        services.compliance_waive(actor=director, item=item, version=item.version, reason="No longer needed")
    assert "status" in done_again.value.message_dict
    assert ComplianceItem.objects.count() == 2  # no third item from the second try
    # Nor is it changed afterwards: a closed item is the record of what was done.
    with pytest.raises(ValidationError) as changed:
        services.compliance_update(
            actor=director, item=item, version=item.version, changes={"title": "Other"}
        )
    assert "status" in changed.value.message_dict
    item.refresh_from_db()
    assert item.title != "Other"


def test_waiving_needs_a_reason_and_does_not_renew(director):
    item = an_item(director, recurrence="yearly")

    with pytest.raises(ValidationError) as blank:
        services.compliance_waive(actor=director, item=item, version=1, reason="  ")
    services.compliance_waive(actor=director, item=item, version=1, reason="The state dropped this licence.")

    item.refresh_from_db()
    assert blank.value.message_dict == {"reason": ["Say why it is waived."]}
    assert (item.status, item.waived_reason) == ("waived", "The state dropped this licence.")
    assert ComplianceItem.objects.count() == 1


def test_the_item_is_checked_field_by_field(director):
    with pytest.raises(ValidationError) as missing_months:
        an_item(director, recurrence="months")
    with pytest.raises(ValidationError) as months_without_recurring:
        an_item(director, every_months=3)
    with pytest.raises(ValidationError) as future_done:
        services.compliance_done(
            actor=director, item=an_item(director), version=1, done_on=TODAY() + dt.timedelta(days=3)
        )

    assert list(missing_months.value.message_dict) == ["every_months"]
    assert list(months_without_recurring.value.message_dict) == ["every_months"]
    assert list(future_done.value.message_dict) == ["done_on"]


def test_only_the_director_and_the_administrator_keep_items(cast):
    for role in (Role.AGENCY_DIRECTOR, Role.ADMINISTRATOR):
        an_item(cast[role])
    for role in (Role.SUPERVISOR, Role.EVALUATOR, Role.GRANTS_OFFICER, Role.CASEWORKER):
        with pytest.raises(PermissionDenied):
            an_item(cast[role])


def test_the_form_shows_each_error_beside_its_field(director):
    page = client_for(director).post(
        reverse("leadership:compliance_create"),
        {"kind": "licence", "title": "", "due_on": "not a date", "recurrence": "months"},
    )

    html = page.content.decode()
    assert page.status_code == 400
    assert 'id="id_title_error"' in html and 'id="id_due_on_error"' in html
    assert not ComplianceItem.objects.exists()


def test_the_form_shows_the_services_error_beside_its_field(director):
    page = client_for(director).post(
        reverse("leadership:compliance_create"),
        {"kind": "audit", "title": "Single audit", "due_on": "2026-09-30", "recurrence": "months"},
    )

    assert page.status_code == 400
    assert 'id="id_every_months_error"' in page.content.decode()


def test_keep_then_mark_done_through_the_pages(director):
    client = client_for(director)
    kept = client.post(
        reverse("leadership:compliance_create"),
        {
            "kind": "training",
            "title": "Mandated reporter training",
            "due_on": "2026-10-01",
            "recurrence": "yearly",
        },
    )
    item = ComplianceItem.objects.get()
    done = client.post(
        reverse("leadership:compliance_done", args=[item.pk]), {"version": 1, "done_on": str(TODAY())}
    )
    page = client.get(reverse("leadership:compliance_detail", args=[item.pk]), follow=True)

    assert kept.status_code == 302 and done.status_code == 302
    assert "Mandated reporter training is marked done; the next one is due on 01 October 2027." in (
        page.content.decode()
    )


def test_a_waive_without_reason_is_refused_beside_the_field(director):
    item = an_item(director)

    page = client_for(director).post(reverse("leadership:compliance_waive", args=[item.pk]), {"version": 1})

    assert page.status_code == 400
    assert 'id="id_reason_error"' in page.content.decode()
    item.refresh_from_db()
    assert item.status == "open"


def test_the_api_keeps_changes_and_closes_an_item(director, cast):
    api = client_for(director)
    created = api.post(
        "/api/v1/leadership/compliance",
        {
            "kind": "insurance",
            "title": "Liability insurance",
            "due_on": "2026-12-31",
            "owner_id": cast.caseworker.pk,
            "recurrence": "yearly",
        },
        content_type=JSON,
    )
    item_id = created.json()["id"]
    changed = api.patch(
        f"/api/v1/leadership/compliance/{item_id}",
        {"version": 1, "notes": "Broker: Lyle & Co."},
        content_type=JSON,
    )
    done = api.post(
        f"/api/v1/leadership/compliance/{item_id}/done",
        {"version": 2, "done_on": str(TODAY())},
        content_type=JSON,
    )
    listed = api.get("/api/v1/leadership/compliance?show=open").json()

    assert created.status_code == 201 and created.json()["owner"]["id"] == cast.caseworker.pk
    assert changed.json()["notes"] == "Broker: Lyle & Co."
    assert done.json()["status"] == "done"
    assert [row["due_on"] for row in listed["items"]] == ["2027-12-31"]
    assert listed["items"][0]["follows_id"] == item_id


def test_the_api_answers_errors_by_field(director):
    api = client_for(director)
    bad_owner = api.post(
        "/api/v1/leadership/compliance",
        {"kind": "audit", "title": "Audit", "due_on": "2026-12-31", "owner_id": 999999},
        content_type=JSON,
    )
    bad_rule = api.post(
        "/api/v1/leadership/compliance",
        {"kind": "audit", "title": "Audit", "due_on": "2026-12-31", "recurrence": "months"},
        content_type=JSON,
    )
    bad_kind = api.post(
        "/api/v1/leadership/compliance",
        {"kind": "party", "title": "", "due_on": "2026-12-31"},
        content_type=JSON,
    )
    item = an_item(director)
    stale = api.patch(
        f"/api/v1/leadership/compliance/{item.pk}", {"version": 9, "title": "X"}, content_type=JSON
    )
    null_title = api.patch(
        f"/api/v1/leadership/compliance/{item.pk}", {"version": 1, "title": None}, content_type=JSON
    )

    assert (bad_owner.status_code, list(bad_owner.json()["errors"])) == (400, ["owner_id"])
    assert (bad_rule.status_code, list(bad_rule.json()["errors"])) == (400, ["every_months"])
    assert bad_kind.status_code == 422 and {"kind", "title"} <= set(bad_kind.json()["errors"])
    assert stale.status_code == 409
    assert (null_title.status_code, list(null_title.json()["errors"])) == (400, ["title"])
    assert json.loads(api.get(f"/api/v1/leadership/compliance/{item.pk}").content)["version"] == 1
