"""The legislation pages as a policy advocate uses them, and what other readers may do there."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.macro.legislation import services
from tapestry.macro.legislation.models import (
    Bill,
    Hearing,
    Legislator,
    LegislatorContact,
    PaperVersion,
    Position,
)
from tapestry.macro.legislation.tests.support import tracked_bill
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(cast):
    return cast.by_role["community_organiser"]


def _url(name: str, *args: int) -> str:
    return reverse(f"legislation:{name}", args=args)


def test_tracking_a_bill_and_working_on_it(organiser):
    client = client_for(organiser)
    response = client.post(
        _url("bill_create"),
        {
            "kind": "bill",
            "jurisdiction": "Example State",
            "session": "2026",
            "identifier": "SB 9",
            "title": "Free school meals",
            "classification": ["bill"],
            "subjects": "Education, Food assistance, education",
            "abstract": "",
            "from_organization": "Senate",
            "openstates_url": "",
        },
    )
    bill = Bill.objects.get()
    assert response.status_code == 302 and response["Location"] == _url("bill_detail", bill.pk)
    assert sorted(bill.subjects.values_list("name", flat=True)) == ["Education", "Food assistance"]

    client.post(
        _url("action_add", bill.pk),
        {
            "date": "2026-01-05",
            "description": "Introduced",
            "organization": "Senate",
            "classification": ["introduction"],
        },
    )
    client.post(
        _url("position_edit", bill.pk),
        {
            "version": 0,
            "stance": "support",
            "rationale": "Hungry children learn less.",
            "decided_by": "Board",
            "decided_on": "2026-01-10",
        },
    )
    client.post(
        _url("paper_add", bill.pk), {"title": "Meals and learning", "text": "First draft.", "note": ""}
    )
    paper = bill.papers.get()
    client.post(
        _url("paper_revise", paper.pk), {"version": paper.version, "text": "Second draft.", "note": "Figures"}
    )
    client.post(
        _url("hearing_add", bill.pk),
        {"starts_at": "2026-02-01T10:00", "committee": "Education", "location": "Room 4", "notes": ""},
    )
    client.post(
        _url("testimony_add", bill.pk),
        {
            "hearing": Hearing.objects.get().pk,
            "hearing_date": "2026-02-01",
            "committee": "Education",
            "testified_by": "Joy",
            "mode": "oral",
            "summary": "Told them about breakfast clubs.",
            "text": "",
            "document_url": "",
        },
    )
    client.post(
        _url("contact_add", bill.pk),
        {
            "legislator": "",
            "legislator_name": "Senator Vale",
            "office": "District 2",
            "staff_name": "Kim, aide",
            "contacted_on": "2026-01-20",
            "channel": "call",
            "asked": "Will you co-sponsor?",
            "answer": "Yes",
            "follow_up": "",
            "follow_up_by": "",
        },
    )

    page = client.get(_url("bill_detail", bill.pk)).content.decode()
    assert "Status: Introduced" in page
    assert "Support</strong>, decided by Board on 2026-01-10" in page
    assert "Second draft." in page and "Earlier versions kept: v1." in page
    assert "Told them about breakfast clubs." in page
    assert "Senator Vale (staff: Kim, aide)" in page
    assert "Education, Room 4" in page
    assert list(PaperVersion.objects.values_list("number", "text")) == [
        (2, "Second draft."),
        (1, "First draft."),
    ]
    assert bill.testimony.get().hearing == Hearing.objects.get()


def test_a_form_error_is_shown_by_its_field(organiser):
    client = client_for(organiser)
    bill = tracked_bill(organiser)

    duplicate = client.post(
        _url("bill_create"),
        {
            "kind": "bill",
            "jurisdiction": "Example State",
            "session": "2026",
            "identifier": "HB 7",
            "title": "Again",
        },
    )
    contact = client.post(
        _url("contact_add", bill.pk),
        {"contacted_on": "2026-01-20", "channel": "call", "asked": "Will you vote yes?"},
    )
    action = client.post(
        _url("action_add", bill.pk), {"date": "", "description": "", "classification": ["passed"]}
    )

    assert duplicate.status_code == 400
    assert "HB 7 of Example State (2026) is already tracked." in duplicate.content.decode()
    assert contact.status_code == 400
    assert contact.context["form"].errors == {"legislator_name": ["Choose a legislator or write their name."]}
    assert set(action.context["form"].errors) == {"date", "description", "classification"}
    assert not LegislatorContact.objects.exists() and Bill.objects.count() == 1


def test_a_stale_position_edit_is_refused_with_a_conflict(organiser, cast):
    bill = tracked_bill(organiser)
    services.position_set(
        actor=organiser,
        bill=bill,
        version=0,
        stance="monitor",
        rationale="Watch it.",
        decided_by="Joy",
        decided_on="2026-01-01",
    )
    form = {
        "version": 1,
        "stance": "oppose",
        "rationale": "Harms tenants.",
        "decided_by": "Board",
        "decided_on": "2026-01-02",
    }
    services.position_set(actor=organiser, bill=bill, **{**form, "stance": "support"})

    response = client_for(organiser).post(_url("position_edit", bill.pk), form)

    assert response.status_code == 409
    assert Position.objects.get().stance == "support"


def test_a_second_first_position_is_a_conflict_not_a_duplicate(organiser):
    bill = tracked_bill(organiser)
    form = {"version": 0, "stance": "oppose", "rationale": "r", "decided_by": "b", "decided_on": "2026-01-02"}
    client = client_for(organiser)
    assert client.post(_url("position_edit", bill.pk), form).status_code == 302
    assert client.post(_url("position_edit", bill.pk), form).status_code == 409
    assert Position.objects.count() == 1


def test_the_list_filters_and_pages(organiser):
    housing = tracked_bill(organiser, "HB 1", subjects=["Housing"])
    tracked_bill(organiser, "HB 2", subjects=["Health"])
    services.position_set(
        actor=organiser,
        bill=housing,
        version=0,
        stance="oppose",
        rationale="r",
        decided_by="b",
        decided_on="2026-01-01",
    )
    client = client_for(organiser)

    by_subject = client.get(_url("bill_list"), {"subject": "housing"}).context["page"].object_list
    by_stance = client.get(_url("bill_list"), {"stance": "none"}).context["page"].object_list
    by_status = client.get(_url("bill_list"), {"status": "law"}).context["page"].object_list

    assert [b.identifier for b in by_subject] == ["HB 1"]
    assert [b.identifier for b in by_stance] == ["HB 2"]
    assert list(by_status) == []


def test_an_evaluator_reads_and_follows_but_does_not_write(organiser, cast):
    bill = tracked_bill(organiser)
    evaluator = cast.by_role["evaluator"]
    client = client_for(evaluator)

    page = client.get(_url("bill_detail", bill.pk))
    follow = client.post(_url("bill_follow", bill.pk), {"follow": "yes"})
    write = client.post(_url("action_add", bill.pk), {"date": "2026-01-01", "description": "x"})

    assert page.status_code == 200 and "Take a position" not in page.content.decode()
    assert follow.status_code == 302 and evaluator in bill.followers.all()
    assert write.status_code == 403 and not bill.actions.exists()
    assert client_for(cast.caseworker).get(_url("bill_list")).status_code == 403


def test_legislators_are_added_and_named_on_a_contact(organiser):
    client = client_for(organiser)
    client.post(
        _url("legislators"),
        {"name": "Delegate Ana Brook", "office": "District 9", "party": "", "email": "", "phone": ""},
    )
    legislator = Legislator.objects.get()
    bill = tracked_bill(organiser)

    client.post(
        _url("contact_add", bill.pk),
        {
            "legislator": legislator.pk,
            "contacted_on": "2026-01-20",
            "channel": "meeting",
            "asked": "Vote yes?",
        },
    )
    client.post(
        _url("sponsorship_add", bill.pk),
        {"legislator": legislator.pk, "name": "", "classification": "primary", "entity_type": "person"},
    )

    assert LegislatorContact.objects.get().who == "Delegate Ana Brook"
    assert bill.sponsorships.get().name == "Delegate Ana Brook"
    assert "Delegate Ana Brook" in client.get(_url("legislators")).content.decode()


def test_changing_a_bill_keeps_to_the_version_read(organiser):
    bill = tracked_bill(organiser, subjects=["Housing"])
    client = client_for(organiser)
    form = {
        "version": 1,
        "kind": "bill",
        "jurisdiction": "Example State",
        "session": "2026",
        "identifier": "HB 7",
        "title": "Renamed",
        "classification": ["bill"],
        "subjects": "Housing, Tenants",
    }

    saved = client.post(_url("bill_edit", bill.pk), form)
    stale = client.post(_url("bill_edit", bill.pk), {**form, "title": "Lost edit"})

    bill.refresh_from_db()
    assert saved.status_code == 302 and stale.status_code == 409
    assert (bill.title, bill.version) == ("Renamed", 2)
    assert sorted(bill.subjects.values_list("name", flat=True)) == ["Housing", "Tenants"]


def test_every_write_leaves_an_audit_entry_naming_the_fields(organiser):
    bill = tracked_bill(organiser)
    contact = services.contact_record(
        actor=organiser,
        bill=bill,
        legislator_name="Senator Vale",
        contacted_on="2026-01-02",
        channel="call",
        asked="Support?",
    )
    position = services.position_set(
        actor=organiser,
        bill=bill,
        version=0,
        stance="oppose",
        rationale="r",
        decided_by="b",
        decided_on="2026-01-01",
    )

    entries = AuditEntry.objects.filter(actor=organiser, action=AuditEntry.Action.CREATE)
    assert entries.filter(object_id=str(contact.pk), object_type__endswith="legislatorcontact").exists()
    assert entries.filter(object_id=str(position.pk), object_type__endswith="position").exists()
    assert entries.filter(object_id=str(bill.pk), object_type__endswith="bill").get().fields
