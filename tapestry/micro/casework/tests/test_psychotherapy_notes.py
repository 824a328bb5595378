"""Psychotherapy notes are their own segment: only staff granted it see them, in pages, lists, API and timeline."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from tapestry.access.models import Segment
from tapestry.access.tokens import token_create
from tapestry.micro.casework.models import ProgressNote
from tapestry.micro.casework.selectors import notes_visible
from tapestry.micro.casework.tests.factories import note_for
from tapestry.micro.casework.timeline import timeline_events
from tapestry.testing import client_for, grant, open_case

pytestmark = pytest.mark.django_db

SESSION = {"data": "Talked about the loss of her brother.", "assessment": "Grief.", "plan": "Weekly."}


@pytest.fixture
def therapy(cast):
    """A general case with one ordinary note and one psychotherapy note by a granted clinician."""
    grant(cast.caseworker, Segment.PSYCHOTHERAPY)
    case = open_case(cast.caseworker)
    ordinary = note_for(cast.caseworker, case, signed=True, title="Housing check-in")
    private = note_for(
        cast.caseworker, case, signed=True, title="Therapy session", segment="psychotherapy", sections=SESSION
    )
    return case, ordinary, private


def api_get(user, path: str):
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get(path)


def test_the_note_carries_its_own_segment_else_its_cases(cast, therapy):
    case, ordinary, private = therapy

    assert (ordinary.effective_segment, private.effective_segment) == ("", "psychotherapy")


def test_a_teammate_without_the_grant_does_not_see_it_on_the_case_page(cast, therapy):
    case, _, private = therapy

    page = client_for(cast.teammate).get(reverse("casework:case_index", kwargs={"case_pk": case.pk}))

    assert "Housing check-in" in page.content.decode()
    assert "Therapy session" not in page.content.decode()


def test_a_teammate_without_the_grant_cannot_open_it(cast, therapy):
    _, _, private = therapy

    response = client_for(cast.teammate).get(reverse("casework:note_detail", kwargs={"pk": private.pk}))

    assert response.status_code == 403
    assert b"loss of her brother" not in response.content


def test_the_api_hides_it_from_the_list_and_refuses_to_open_it_without_the_grant(cast, therapy):
    case, ordinary, private = therapy

    listed = api_get(cast.teammate, f"/api/v1/cases/{case.pk}/notes")
    opened = api_get(cast.teammate, f"/api/v1/notes/{private.pk}")

    assert [item["id"] for item in listed.json()["items"]] == [ordinary.pk]
    assert opened.status_code == 403
    assert "segment you are not granted" in opened.json()["detail"]


def test_the_granted_clinician_and_a_granted_teammate_see_it(cast, therapy):
    case, _, private = therapy
    grant(cast.teammate, Segment.PSYCHOTHERAPY)

    listed = api_get(cast.teammate, f"/api/v1/cases/{case.pk}/notes")
    page = client_for(cast.caseworker).get(reverse("casework:note_detail", kwargs={"pk": private.pk}))

    assert private.pk in [item["id"] for item in listed.json()["items"]]
    assert "loss of her brother" in page.content.decode()
    assert "Psychotherapy note" in page.content.decode()


def test_the_timeline_shows_it_only_to_the_granted(cast, therapy):
    case, _, _ = therapy

    granted = [event.title for event in timeline_events(user=cast.caseworker, person=case.person)]
    ungranted = [event.title for event in timeline_events(user=cast.teammate, person=case.person)]

    assert "DAP note: Therapy session" in granted
    assert "DAP note: Therapy session" not in ungranted
    assert "DAP note: Housing check-in" in ungranted


def test_writing_one_needs_the_grant(cast):
    case = open_case(cast.teammate)

    with pytest.raises(PermissionDenied, match="psychotherapy"):
        note_for(cast.teammate, case, segment="psychotherapy", sections=SESSION)
    form = client_for(cast.teammate).get(reverse("casework:note_create", kwargs={"case_pk": case.pk}))
    assert 'value="psychotherapy"' not in form.content.decode()


def test_the_granted_see_the_choice_in_the_note_form(cast, therapy):
    case, _, _ = therapy

    form = client_for(cast.caseworker).get(reverse("casework:note_create", kwargs={"case_pk": case.pk}))

    assert 'value="psychotherapy"' in form.content.decode()


def test_a_psychotherapy_note_on_a_sensitive_case_also_needs_the_cases_grant(cast):
    grant(cast.caseworker, Segment.PSYCHOTHERAPY)
    grant(cast.caseworker, Segment.SUBSTANCE_USE)
    grant(cast.teammate, Segment.PSYCHOTHERAPY)
    case = open_case(cast.caseworker, case_type="substance_use", segment=Segment.SUBSTANCE_USE)
    note = note_for(cast.caseworker, case, segment="psychotherapy", sections=SESSION)

    assert notes_visible(cast.caseworker).filter(pk=note.pk).exists()
    assert not notes_visible(cast.teammate).filter(pk=note.pk).exists()


def test_notes_follow_their_case_into_a_segment(cast):
    case = open_case(cast.caseworker)
    note = note_for(cast.caseworker, case)

    case.segment = Segment.SUBSTANCE_USE
    case.case_type = "substance_use"
    case.save()

    note.refresh_from_db()
    assert note.effective_segment == Segment.SUBSTANCE_USE
    assert not notes_visible(cast.teammate).filter(pk=note.pk).exists()
    assert ProgressNote.objects.filter(effective_segment="").count() == 0
