"""The story pages: propose from the case, the team's whole view, the reviewers' scrubbed view."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import AuditEntry, Role
from tapestry.micro.cases.models import CaseNeed
from tapestry.people.models import Relationship
from tapestry.testing import PersonFactory, client_for, open_case
from tapestry.thread.stories.models import Story
from tapestry.thread.stories.tests.helpers import HOUSING, case_with_consent, need, propose

pytestmark = pytest.mark.django_db


@pytest.fixture
def told(cast):
    """A story of Philippa Wexcombe (her brother Crispin named in it), proposed by her caseworker."""
    client = PersonFactory(given_name="Philippa", family_name="Wexcombe")
    brother = PersonFactory(given_name="Crispin", family_name="Wexcombe")
    Relationship.objects.create(from_person=brother, to_person=client, kind=Relationship.Kind.SIBLING)
    case = case_with_consent(cast.caseworker, client)
    return propose(cast.caseworker, case, "Philippa slept on Crispin's sofa for a winter.")


def test_the_case_page_links_to_its_stories(cast, told):
    page = client_for(cast.caseworker).get(reverse("cases:case_detail", args=[told.case_id]))
    assert reverse("stories:case_index", args=[told.case_id]) in page.content.decode()
    index = (
        client_for(cast.caseworker).get(reverse("stories:case_index", args=[told.case_id])).content.decode()
    )
    assert reverse("stories:story_propose", args=[told.case_id]) in index and told.title in index


def test_proposing_without_consent_is_refused_with_a_link_to_record_it(cast):
    case = open_case(cast.caseworker)
    CaseNeed.objects.create(case=case, need=need(HOUSING))
    url = reverse("stories:story_propose", args=[case.pk])
    client = client_for(cast.caseworker)
    first = client.get(url).content.decode()
    assert "no consent in force" in first and reverse("people:consent_add", args=[case.person_id]) in first
    data = {"title": "Winter", "text": "A story.", "needs": [need(HOUSING).pk]}
    response = client.post(url, data)
    assert response.status_code == 400
    assert "no consent in force to tell their story" in response.context["form"].non_field_errors()[0]
    assert not Story.objects.exists()


def test_proposing_from_the_page_scrubs_and_goes_to_the_story(cast):
    case = case_with_consent(cast.caseworker, PersonFactory(given_name="Leopoldine"))
    data = {"title": "Winter", "text": "Leopoldine slept in a bus shelter.", "needs": [need(HOUSING).pk]}
    response = client_for(cast.caseworker).post(reverse("stories:story_propose", args=[case.pk]), data)
    story = Story.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "stories:story_original", args=[story.pk]
    )
    assert story.scrubbed_text == "[NAME] slept in a bus shelter."


def test_a_missing_title_is_told_by_the_field(cast):
    case = case_with_consent(cast.caseworker)
    data = {"title": "", "text": "Words.", "needs": [need(HOUSING).pk]}
    response = client_for(cast.caseworker).post(reverse("stories:story_propose", args=[case.pk]), data)
    assert response.status_code == 400 and "title" in response.context["form"].errors


def test_the_case_team_reads_the_original_and_the_read_is_audited(cast, told):
    before = AuditEntry.objects.count()
    page = client_for(cast.teammate).get(reverse("stories:story_original", args=[told.pk])).content.decode()
    assert "Philippa slept on Crispin&#x27;s sofa" in page
    assert '<mark class="scrubbed" title="name">[NAME]</mark>' in page
    entry = AuditEntry.objects.filter(id__gt=before, object_type="stories.story").get()
    assert entry.action == AuditEntry.Action.VIEW and "original_text" in entry.fields
    assert entry.person_id == told.case.person_id


def test_a_worker_outside_the_case_cannot_read_it(cast, told):
    response = client_for(cast.outsider).get(reverse("stories:story_original", args=[told.pk]))
    assert response.status_code in (403, 404)
    assert "Philippa" not in response.content.decode()


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.COMMUNITY_ORGANISER])
def test_reviewers_see_only_the_scrubbed_story(cast, told, role):
    client = client_for(cast.by_role[role])
    for url in (reverse("stories:review_queue"), reverse("stories:story_detail", args=[told.pk])):
        page = client.get(url).content.decode()
        assert told.title in page
        for secret in ("Philippa", "Wexcombe", "Crispin", told.case.number, f"/cases/{told.case_id}/"):
            assert secret not in page, (url, secret)
    detail = client.get(reverse("stories:story_detail", args=[told.pk])).content.decode()
    assert '<mark class="scrubbed" title="name">[NAME]</mark> slept on' in detail
    assert "Housing instability" in detail


def test_an_advocate_cannot_open_the_original(cast, told):
    organiser = client_for(cast.by_role[Role.COMMUNITY_ORGANISER])
    assert organiser.get(reverse("stories:story_original", args=[told.pk])).status_code == 403
    assert organiser.get(reverse("stories:case_index", args=[told.case_id])).status_code == 403


def test_a_reviewer_approves_from_the_page(cast, told):
    client = client_for(cast.by_role[Role.COMMUNITY_ORGANISER])
    response = client.post(reverse("stories:story_approve", args=[told.pk]), {"version": told.version})
    assert response.status_code == 302
    told.refresh_from_db()
    assert told.status == Story.Status.APPROVED


def test_a_return_without_a_reason_is_told_by_the_field(cast, told):
    client = client_for(cast.supervisor)
    response = client.post(
        reverse("stories:story_return", args=[told.pk]), {"version": told.version, "reason": ""}
    )
    assert response.status_code == 400 and "reason" in response.context["form"].errors
    response = client.post(
        reverse("stories:story_return", args=[told.pk]),
        {"version": told.version, "reason": "Names a street."},
    )
    assert response.status_code == 302
    told.refresh_from_db()
    assert (told.status, told.return_reason) == (Story.Status.RETURNED, "Names a street.")


def test_the_proposer_is_offered_no_approval_and_is_refused_one(cast):
    story = propose(cast.supervisor, case_with_consent(cast.supervisor))
    client = client_for(cast.supervisor)
    page = client.get(reverse("stories:story_detail", args=[story.pk])).content.decode()
    assert "Approve for advocacy" not in page and "another reviewer" in page
    response = client.post(reverse("stories:story_approve", args=[story.pk]), {"version": story.version})
    assert response.status_code == 403
    story.refresh_from_db()
    assert story.status == Story.Status.PROPOSED


def test_the_worker_changes_and_withdraws_the_story(cast, told):
    client = client_for(cast.caseworker)
    data = {"title": "A sofa", "text": "Philippa slept on a sofa.", "needs": [need(HOUSING).pk], "version": 1}
    response = client.post(reverse("stories:story_edit", args=[told.pk]), data)
    assert response.status_code == 302
    told.refresh_from_db()
    assert (told.scrubbed_text, told.version) == ("[NAME] slept on a sofa.", 2)
    stale = client.post(reverse("stories:story_edit", args=[told.pk]), data)
    assert stale.status_code == 409
    stale_withdrawal = client.post(
        reverse("stories:story_withdraw", args=[told.pk]), {"version": 1}, follow=True
    )
    assert "Someone else changed this record" in stale_withdrawal.content.decode()
    told.refresh_from_db()
    assert told.status == Story.Status.PROPOSED
    client.post(reverse("stories:story_withdraw", args=[told.pk]), {"version": 2})
    told.refresh_from_db()
    assert told.status == Story.Status.WITHDRAWN
    assert client_for(cast.supervisor).get(reverse("stories:story_detail", args=[told.pk])).status_code == 404
