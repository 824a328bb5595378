"""Autosave of note drafts: the form saves itself while the worker types, never signs, never overwrites
a signed note or someone's newer save, and is audited like every other note write."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.micro.casework.models import ProgressNote
from tapestry.micro.casework.tests.factories import note_for, today
from tapestry.testing import client_for, open_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(cast):
    return open_case(cast.caseworker)


def typed(**fields: object) -> dict:
    """What a DAP note form holds while someone types into it."""
    return {
        "title": "",
        "contact_date": today().isoformat(),
        "duration_minutes": "",
        "contact_type": "",
        "location": "",
        "others_present": "",
        "segment": "",
        "data": "",
        "assessment": "",
        "plan": "",
        **fields,
    }


def autosave_new(client, case, **fields: object):
    url = reverse("casework:note_autosave_new", kwargs={"case_pk": case.pk}) + "?format=dap"
    return client.post(url, typed(**fields))


def autosave(client, note: ProgressNote, version: int, **fields: object):
    url = reverse("casework:note_autosave", kwargs={"pk": note.pk})
    return client.post(url, typed(version=version, **fields))


def test_the_first_autosave_of_a_new_note_makes_a_draft(cast, case):
    response = autosave_new(client_for(cast.caseworker), case, data="She came on time and talked about rent.")

    assert response.status_code == 201
    body = response.json()
    note = ProgressNote.objects.get(pk=body["id"])
    assert note.status == ProgressNote.Status.DRAFT and note.author == cast.caseworker
    assert note.data == "She came on time and talked about rent."
    assert body["version"] == note.version
    assert body["edit_url"] == reverse("casework:note_edit", kwargs={"pk": note.pk})
    assert body["autosave_url"] == reverse("casework:note_autosave", kwargs={"pk": note.pk})
    assert len(body["saved_at"]) == 5  # "16:42"
    assert AuditEntry.objects.filter(
        actor=cast.caseworker, action=AuditEntry.Action.CREATE, object_id=str(note.pk)
    ).exists()


def test_later_autosaves_change_the_same_draft_and_are_audited(cast, case):
    client = client_for(cast.caseworker)
    first = autosave_new(client, case, data="Talked about rent.").json()

    second = autosave(
        client, ProgressNote.objects.get(pk=first["id"]), first["version"], data="Talked about rent and work."
    )

    assert second.status_code == 200
    assert second.json()["version"] == first["version"] + 1
    assert ProgressNote.objects.count() == 1
    note = ProgressNote.objects.get()
    assert note.data == "Talked about rent and work." and note.status == ProgressNote.Status.DRAFT
    assert AuditEntry.objects.filter(
        actor=cast.caseworker, action=AuditEntry.Action.UPDATE, object_id=str(note.pk)
    ).exists()


def test_an_autosave_of_a_complete_note_does_not_sign_it(cast, case):
    client = client_for(cast.caseworker)
    note = note_for(cast.caseworker, case)

    response = autosave(client, note, note.version, data="All", assessment="of it", plan="written")

    note.refresh_from_db()
    assert response.status_code == 200
    assert note.status == ProgressNote.Status.DRAFT and note.signed_at is None and note.attestation == ""


def test_an_autosave_from_an_older_copy_is_a_conflict_and_keeps_the_newer_text(cast, case):
    client = client_for(cast.caseworker)
    note = note_for(cast.caseworker, case, sections={"data": "Typed in the first tab."})
    autosave(client, note, note.version, data="Typed later in the second tab.")

    stale = autosave(client, note, note.version, data="The first tab, still at the old version.")

    note.refresh_from_db()
    assert stale.status_code == 409
    assert "another tab or device" in stale.json()["detail"]
    assert stale.json()["errors"] == {}
    assert note.data == "Typed later in the second tab."


def test_an_autosave_never_overwrites_a_signed_note(cast, case):
    note = note_for(cast.caseworker, case, signed=True)

    response = autosave(client_for(cast.caseworker), note, note.version, data="Rewritten after signing.")

    note.refresh_from_db()
    assert response.status_code == 409
    assert "locked" in response.json()["detail"]
    assert note.data != "Rewritten after signing."


def test_an_autosave_of_someone_elses_draft_is_refused(cast, case):
    note = note_for(cast.caseworker, case, sections={"data": "Mine."})

    teammate = autosave(client_for(cast.teammate), note, note.version, data="Theirs.")
    stranger = autosave(client_for(cast.outsider), note, note.version, data="A stranger's.")

    note.refresh_from_db()
    assert teammate.status_code == 403
    assert "who wrote this draft" in teammate.json()["detail"]
    assert stranger.status_code == 403  # out of reach; a role that may break glass is told so (rule 9)
    assert note.data == "Mine." and note.version == 1


def test_an_autosave_with_nothing_written_yet_saves_nothing_and_says_why(cast, case):
    response = autosave_new(client_for(cast.caseworker), case, title="Session 4")

    assert response.status_code == 400
    body = response.json()
    assert body["detail"].startswith("Not saved yet")
    assert "data" in body["errors"]
    assert not ProgressNote.objects.exists()


def test_without_javascript_the_form_still_saves_a_draft_on_submit(cast, case):
    url = reverse("casework:note_create", kwargs={"case_pk": case.pk}) + "?format=dap"

    response = client_for(cast.caseworker).post(url, typed(data="Written without scripts."))

    note = ProgressNote.objects.get()
    assert response.status_code == 302
    assert note.status == ProgressNote.Status.DRAFT and note.data == "Written without scripts."


def test_the_note_forms_offer_autosave_to_the_script(cast, case):
    client = client_for(cast.caseworker)
    note = note_for(cast.caseworker, case)

    create = client.get(reverse("casework:note_create", kwargs={"case_pk": case.pk})).content.decode()
    edit = client.get(reverse("casework:note_edit", kwargs={"pk": note.pk})).content.decode()

    assert f'data-autosave-url="/casework/case/{case.pk}/notes/autosave/?format=dap"' in create
    assert f'data-autosave-url="/casework/notes/{note.pk}/autosave/"' in edit
    assert "data-autosave-status" in create and "data-autosave-status" in edit
