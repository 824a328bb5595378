"""What a note records for practice (type of contact, location, others present, goals worked on),
signing with an attestation, and the drafts a worker has left unsigned."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tapestry.access.tokens import token_create
from tapestry.micro.casework import selectors, services
from tapestry.micro.casework.models import ProgressNote
from tapestry.micro.casework.tests.factories import goal_for, note_for, plan_for, today
from tapestry.testing import client_for, counted, open_case

pytestmark = pytest.mark.django_db
JSON = "application/json"


@pytest.fixture
def case(cast):
    case = open_case(cast.caseworker)
    plan_for(cast.caseworker, case)
    return case


def note_today() -> str:
    return today().isoformat()


def api(user):
    from django.test import Client

    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


# What a note records --------------------------------------------------------------------------


def test_a_home_visit_note_shows_where_who_and_which_goals(cast, case):
    goal = goal_for(cast.caseworker, case, description="Keep the flat")
    note = note_for(
        cast.caseworker,
        case,
        contact_type=ProgressNote.ContactType.HOME_VISIT,
        location="Client's flat",
        others_present="Mother; housing officer",
        goals=[goal],
    )

    page = client_for(cast.caseworker).get(reverse("casework:note_detail", kwargs={"pk": note.pk}))

    text = page.content.decode()
    assert "Home visit" in text
    assert "Client&#x27;s flat" in text
    assert "Mother; housing officer" in text
    assert "Keep the flat" in text


def test_a_goal_of_another_case_cannot_be_linked(cast, case):
    other = open_case(cast.caseworker)
    plan_for(cast.caseworker, other)
    foreign = goal_for(cast.caseworker, other)

    with pytest.raises(ValidationError) as refused:
        note_for(cast.caseworker, case, goals=[foreign])

    assert "goals" in refused.value.message_dict


def test_the_form_links_goals_and_records_the_contact(cast, case):
    goal = goal_for(cast.caseworker, case, description="Find steady work")
    url = reverse("casework:note_create", kwargs={"case_pk": case.pk}) + "?format=contact"
    client = client_for(cast.caseworker)
    assert "Goals this contact worked on" in client.get(url).content.decode()

    client.post(
        url,
        {
            "contact_date": note_today(),
            "contact_type": "phone",
            "location": "",
            "others_present": "",
            "segment": "",
            "text": "Called about the interview.",
            "goals": [goal.pk],
        },
    )

    note = ProgressNote.objects.get()
    assert note.contact_type == "phone"
    assert list(note.goals.all()) == [goal]


def test_the_api_writes_and_reads_the_new_fields(cast, case):
    goal = goal_for(cast.caseworker, case)
    client = api(cast.caseworker)

    created = client.post(
        f"/api/v1/cases/{case.pk}/notes",
        {
            "format": "contact",
            "text": "Video call.",
            "contact_type": "video",
            "location": "Online",
            "others_present": "Interpreter",
            "goal_ids": [goal.pk],
        },
        content_type=JSON,
    )
    body = created.json()
    changed = client.patch(
        f"/api/v1/notes/{body['id']}",
        {"version": 1, "contact_type": "phone", "goal_ids": []},
        content_type=JSON,
    )
    wrong = client.post(
        f"/api/v1/cases/{case.pk}/notes",
        {"format": "contact", "text": "x", "goal_ids": [987654]},
        content_type=JSON,
    )

    assert created.status_code == 201
    assert body["contact_type"] == "video" and body["contact_type_label"] == "Video call"
    assert body["location"] == "Online" and body["others_present"] == "Interpreter"
    assert body["goals"] == [{"id": goal.pk, "description": goal.description, "status": "active"}]
    assert changed.json()["contact_type"] == "phone" and changed.json()["goals"] == []
    assert wrong.status_code == 400 and "goal_ids" in wrong.json()["errors"]


# Signing with an attestation ------------------------------------------------------------------


def test_signing_without_the_attestation_is_refused(cast, case):
    note = note_for(cast.caseworker, case)

    with pytest.raises(ValidationError) as refused:
        services.note_sign(actor=cast.caseworker, note=note, version=note.version, attested=False)

    note.refresh_from_db()
    assert "attested" in refused.value.message_dict
    assert note.status == ProgressNote.Status.DRAFT


def test_the_attestation_is_stored_with_the_signer_and_the_time(cast, case):
    note = note_for(cast.caseworker, case)

    signed = services.note_sign(actor=cast.caseworker, note=note, version=note.version, attested=True)

    assert signed.attestation == "I attest this note is accurate and complete."
    assert signed.signed_by == cast.caseworker and signed.signed_at is not None


def test_the_sign_button_without_the_box_ticked_shows_the_error_by_the_box(cast, case):
    note = note_for(cast.caseworker, case)
    client = client_for(cast.caseworker)
    url = reverse("casework:note_sign", kwargs={"pk": note.pk})

    refused = client.post(url, {"version": note.version})
    signed = client.post(url, {"version": note.version, "attested": "on"})

    page = refused.content.decode()
    assert refused.status_code == 400
    assert 'id="id_attested_error"' in page and "Tick the attestation" in page
    assert signed.status_code == 302
    note.refresh_from_db()
    assert note.is_signed and note.attestation
    after = client.get(reverse("casework:note_detail", kwargs={"pk": note.pk})).content.decode()
    assert "Attested:" in after


def test_the_note_form_itself_signs_when_the_attestation_is_ticked(cast, case):
    url = reverse("casework:note_create", kwargs={"case_pk": case.pk}) + "?format=contact"
    client = client_for(cast.caseworker)
    fields = {"contact_date": note_today(), "segment": "", "text": "Called about the interview.", "sign": "1"}

    refused = client.post(url, fields)
    assert refused.status_code == 200
    assert "Tick the attestation to sign" in refused.content.decode()
    assert not ProgressNote.objects.exists()  # nothing half-done: no draft either

    signed = client.post(url, {**fields, "attested": "on"})
    note = ProgressNote.objects.get()
    assert signed.status_code == 302
    assert note.is_signed and note.attestation == ProgressNote.ATTESTATION


def test_the_api_signs_only_with_attested_true(cast, case):
    note = note_for(cast.caseworker, case)
    client = api(cast.caseworker)
    url = f"/api/v1/notes/{note.pk}/sign"

    missing = client.post(url, {"version": 1}, content_type=JSON)
    refused = client.post(url, {"version": 1, "attested": False}, content_type=JSON)
    signed = client.post(url, {"version": 1, "attested": True}, content_type=JSON)

    assert missing.status_code == 422
    assert refused.status_code == 400 and "attested" in refused.json()["errors"]
    assert signed.status_code == 200
    assert signed.json()["attestation"] == ProgressNote.ATTESTATION


# Unsigned drafts ------------------------------------------------------------------------------


def test_drafts_of_are_the_users_own_unsigned_notes_across_cases(cast, case):
    other_case = open_case(cast.caseworker)
    mine = note_for(cast.caseworker, case)
    elsewhere = note_for(cast.caseworker, other_case)
    note_for(cast.caseworker, case, signed=True)
    open_case(cast.teammate, case.person)
    note_for(cast.teammate, case)

    assert set(selectors.drafts_of(user=cast.caseworker)) == {mine, elsewhere}
    assert list(selectors.drafts_for_case(user=cast.caseworker, case=case)) == [mine]
    assert list(selectors.drafts_of(user=cast.outsider)) == []


def test_the_case_page_and_the_drafts_page_list_the_drafts(cast, case):
    draft = note_for(cast.caseworker, case, title="Session 4")
    client = client_for(cast.caseworker)
    edit = reverse("casework:note_edit", kwargs={"pk": draft.pk})

    case_page = client.get(reverse("casework:case_index", kwargs={"case_pk": case.pk})).content.decode()
    drafts_page = client.get(reverse("casework:drafts")).content.decode()

    assert "Your unsigned drafts" in case_page and edit in case_page
    assert edit in drafts_page and case.number in drafts_page
    assert "No unsigned drafts" in client_for(cast.teammate).get(reverse("casework:drafts")).content.decode()


@pytest.mark.parametrize("rows", [3, 30])
def test_the_drafts_page_and_api_run_a_fixed_number_of_queries(cast, rows, django_assert_num_queries):
    for n in range(rows):
        note_for(cast.caseworker, open_case(cast.caseworker), title=f"Draft {n}")

    # The list names clients, so it is audited: three of the queries write the audit entry.
    page = counted(client_for(cast.caseworker), reverse("casework:drafts"), 11, django_assert_num_queries)
    client = api(cast.caseworker)
    with django_assert_num_queries(8):
        body = client.get("/api/v1/note-drafts", {"page_size": 100}).json()

    assert page.content.decode().count("/edit/") == rows
    assert body["count"] == rows and len(body["items"]) == rows
