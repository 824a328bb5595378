"""Progress notes: DAP, SOAP and contact notes are drafted, signed and locked; corrections are addenda."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry
from tapestry.micro.cases.models import Case
from tapestry.micro.casework import services
from tapestry.micro.casework.models import ProgressNote
from tapestry.micro.casework.tests.factories import note_for, today
from tapestry.testing import client_for, open_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(cast):
    return open_case(cast.caseworker)


@pytest.fixture
def draft(cast, case):
    return note_for(cast.caseworker, case, sections={"data": "Arrived late; upset about the landlord."})


def edit_form(note: ProgressNote, **fields: object) -> dict:
    data = {
        "title": note.title,
        "contact_date": note.contact_date.isoformat(),
        "duration_minutes": "",
        "segment": "",
        "data": note.data,
        "assessment": note.assessment,
        "plan": note.plan,
        "version": note.version,
    }
    return {**data, **fields}


# Formats -------------------------------------------------------------------------------------


def test_each_format_keeps_to_its_own_sections(cast, case):
    soap = note_for(
        cast.caseworker,
        case,
        format=ProgressNote.Format.SOAP,
        sections={
            "subjective": "Feels stuck",
            "objective": "Calm",
            "assessment": "Low mood",
            "plan": "Weekly",
        },
    )

    with pytest.raises(ValidationError) as refused:
        note_for(
            cast.caseworker, case, format=ProgressNote.Format.DAP, sections={"data": "x", "subjective": "y"}
        )

    assert [label for label, _ in soap.sections()] == ["Subjective", "Objective", "Assessment", "Plan"]
    assert "subjective" in refused.value.message_dict


def test_an_empty_note_is_not_saved(cast, case):
    with pytest.raises(ValidationError) as refused:
        note_for(cast.caseworker, case, format=ProgressNote.Format.CONTACT, sections={"text": "  "})
    assert "text" in refused.value.message_dict


def test_a_contact_in_the_future_is_refused(cast, case):
    with pytest.raises(ValidationError) as refused:
        note_for(cast.caseworker, case, contact_date=today() + dt.timedelta(days=1))
    assert "contact_date" in refused.value.message_dict


# Drafts and signing --------------------------------------------------------------------------


def test_the_author_changes_a_draft_and_each_save_bumps_its_version(cast, draft):
    changed = services.note_update(
        actor=cast.caseworker,
        note=draft,
        version=1,
        changes={
            "assessment": "Stress about housing is the main issue.",
            "plan": "Call the landlord together.",
        },
    )

    assert changed.version == 2
    assert changed.assessment == "Stress about housing is the main issue."
    assert AuditEntry.objects.filter(action="update", object_id=str(draft.pk)).get().fields == [
        "assessment",
        "plan",
    ]


def test_a_colleague_cannot_change_or_sign_someone_elses_draft(cast, draft):
    with pytest.raises(PermissionDenied, match="who wrote this note"):
        services.note_update(actor=cast.teammate, note=draft, version=1, changes={"plan": "Mine"})
    with pytest.raises(PermissionDenied):
        services.note_sign(actor=cast.teammate, note=draft, version=1, attested=True)


def test_a_stale_draft_edit_is_refused_and_the_first_edit_stays(cast, draft):
    services.note_update(actor=cast.caseworker, note=draft, version=1, changes={"plan": "First tab"})

    with pytest.raises(StaleEdit) as refused:
        services.note_update(actor=cast.caseworker, note=draft, version=1, changes={"plan": "Second tab"})

    draft.refresh_from_db()
    assert draft.plan == "First tab"
    assert refused.value.current_version == 2


def test_a_stale_draft_edit_in_the_page_keeps_what_was_typed_and_says_why(cast, draft):
    services.note_update(actor=cast.caseworker, note=draft, version=1, changes={"plan": "First tab"})

    response = client_for(cast.caseworker).post(
        reverse("casework:note_edit", kwargs={"pk": draft.pk}),
        edit_form(draft, assessment="Typed in the old tab", version=1),
    )

    page = response.content.decode()
    assert response.status_code == 409
    assert "Someone else changed this record" in page
    assert "Typed in the old tab" in page


def test_an_incomplete_note_cannot_be_signed(cast, draft):
    with pytest.raises(ValidationError) as refused:
        services.note_sign(actor=cast.caseworker, note=draft, version=1, attested=True)

    assert set(refused.value.message_dict) == {"assessment", "plan"}
    draft.refresh_from_db()
    assert draft.status == ProgressNote.Status.DRAFT


def test_signing_records_who_and_when_and_locks_the_note(cast, draft):
    draft = services.note_update(
        actor=cast.caseworker, note=draft, version=1, changes={"assessment": "Anxious", "plan": "Weekly"}
    )

    signed = services.note_sign(actor=cast.caseworker, note=draft, version=2, attested=True)

    assert (signed.status, signed.signed_by) == (ProgressNote.Status.SIGNED, cast.caseworker)
    assert signed.signed_at is not None
    with pytest.raises(services.NoteLocked) as locked:
        services.note_update(
            actor=cast.caseworker, note=signed, version=signed.version, changes={"plan": "Edit"}
        )
    assert "is locked, so it cannot be changed. Add an addendum" in str(locked.value)
    signed.refresh_from_db()
    assert signed.plan == "Weekly"


def test_signing_through_the_page_locks_the_note(cast, case):
    note = note_for(cast.caseworker, case)
    client = client_for(cast.caseworker)

    client.post(
        reverse("casework:note_sign", kwargs={"pk": note.pk}), {"version": note.version, "attested": "on"}
    )
    page = client.get(reverse("casework:note_detail", kwargs={"pk": note.pk})).content.decode()

    note.refresh_from_db()
    assert note.is_signed
    assert "The note is locked" in page
    assert "Change the draft" not in page
    assert "Add an addendum" in page


def test_opening_the_editor_of_a_signed_note_explains_the_lock(cast, case):
    note = note_for(cast.caseworker, case, signed=True)

    response = client_for(cast.caseworker).get(
        reverse("casework:note_edit", kwargs={"pk": note.pk}), follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("casework:note_detail", kwargs={"pk": note.pk})
    assert "is locked, so it cannot be changed. Add an addendum" in response.content.decode()


def test_saving_over_a_note_signed_meanwhile_is_refused_with_a_conflict(cast, case):
    note = note_for(cast.caseworker, case)
    form = edit_form(note, plan="Changed after signing")
    services.note_sign(actor=cast.caseworker, note=note, version=note.version, attested=True)

    response = client_for(cast.caseworker).post(reverse("casework:note_edit", kwargs={"pk": note.pk}), form)

    assert response.status_code == 409
    assert "is locked, so it cannot be changed" in response.content.decode()
    note.refresh_from_db()
    assert note.plan != "Changed after signing"


def test_a_draft_on_a_case_closed_meanwhile_can_still_be_finished_and_signed(cast, case):
    note = note_for(cast.caseworker, case)
    Case.objects.filter(pk=case.pk).update(status=Case.Status.CLOSED, closing_reason="goals_met")
    note.case.refresh_from_db()

    signed = services.note_sign(actor=cast.caseworker, note=note, version=note.version, attested=True)

    assert signed.is_signed
    with pytest.raises(ValidationError, match="closed"):
        note_for(cast.caseworker, note.case)


# Addenda -------------------------------------------------------------------------------------


def test_an_addendum_is_shown_under_the_signed_note_with_author_and_time(cast, case):
    note = note_for(cast.caseworker, case, signed=True)
    client = client_for(cast.teammate)

    response = client.post(
        reverse("casework:addendum_add", kwargs={"pk": note.pk}),
        {"text": "Correction: the appointment was on Tuesday."},
        follow=True,
    )

    page = response.content.decode()
    assert "Correction: the appointment was on Tuesday." in page
    assert f"Addendum by {cast.teammate.get_full_name()}" in page
    assert page.index("Came on time") < page.index("Correction: the appointment")
    note.refresh_from_db()
    assert note.data == "Came on time; talked about the job search."


def test_a_draft_takes_no_addendum(cast, draft):
    with pytest.raises(ValidationError, match="still a draft"):
        services.addendum_add(actor=cast.caseworker, note=draft, text="Late detail")


def test_an_empty_addendum_is_refused_by_the_field(cast, case):
    note = note_for(cast.caseworker, case, signed=True)

    response = client_for(cast.caseworker).post(
        reverse("casework:addendum_add", kwargs={"pk": note.pk}), {"text": " "}
    )

    assert response.status_code == 200
    assert 'id="id_text_error"' in response.content.decode()
    assert not note.addenda.exists()


# Reading ------------------------------------------------------------------------------------


def test_every_open_of_a_note_is_audited(cast, case):
    note = note_for(cast.caseworker, case, signed=True)

    client_for(cast.supervisor).get(reverse("casework:note_detail", kwargs={"pk": note.pk}))

    entry = AuditEntry.objects.get(action="view", object_type="casework.progressnote", object_id=str(note.pk))
    assert (entry.actor, entry.person_id) == (cast.supervisor, case.person_id)


def test_an_outsider_cannot_open_a_note(cast, case):
    note = note_for(cast.caseworker, case, signed=True)

    response = client_for(cast.outsider).get(reverse("casework:note_detail", kwargs={"pk": note.pk}))

    assert response.status_code == 403
    assert b"Came on time" not in response.content


def test_a_note_is_written_through_the_page_as_a_draft(cast, case):
    response = client_for(cast.caseworker).post(
        reverse("casework:note_create", kwargs={"case_pk": case.pk}) + "?format=contact",
        {
            "title": "Phone call",
            "contact_date": today().isoformat(),
            "duration_minutes": "10",
            "segment": "",
            "text": "Checked in.",
        },
    )

    note = ProgressNote.objects.get()
    assert response.status_code == 302
    assert (note.format, note.status, note.text, note.author) == (
        "contact",
        "draft",
        "Checked in.",
        cast.caseworker,
    )
