"""Stories: proposed only under the client's consent, scrubbed at once, reviewed by someone else,
and quoted in packs only while the consent is in force."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry, Consent, Role
from tapestry.micro.cases.models import CaseNeed
from tapestry.people.models import HouseholdMember, Relationship
from tapestry.testing import HouseholdFactory, PersonFactory, UserFactory, add_member, open_case
from tapestry.thread.stories import services
from tapestry.thread.stories.models import Story
from tapestry.thread.stories.selectors import stories_for_use
from tapestry.thread.stories.tests.helpers import HOUSING, case_with_consent, need, propose, story_consent


def today():
    """Read when used, not when the module is imported: a run that passes midnight sees one day."""
    return dt.date.today()


def _case_without_consent(worker):
    case = open_case(worker)
    CaseNeed.objects.create(case=case, need=need(HOUSING))
    return case


def _refusal(worker, case) -> list[str]:
    with pytest.raises(ValidationError) as refused:
        propose(worker, case)
    return refused.value.message_dict["consent"]


@pytest.mark.django_db
def test_no_story_without_the_clients_consent(cast):
    case = _case_without_consent(cast.caseworker)
    [message] = _refusal(cast.caseworker, case)
    assert "no consent in force to tell their story" in message
    assert not Story.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "consent",
    [
        {"expires_on": today() - dt.timedelta(days=1)},
        {"revoked_on": today()},
        {"given_on": today() + dt.timedelta(days=3)},
        {"purpose": Consent.Purpose.REFERRAL},
        {"purpose": Consent.Purpose.RESEARCH},
    ],
    ids=["expired", "revoked", "not yet given", "referral purpose", "research purpose"],
)
def test_a_consent_not_in_force_or_for_another_use_does_not_allow_a_story(cast, consent):
    case = _case_without_consent(cast.caseworker)
    story_consent(case.person, **consent)
    assert _refusal(cast.caseworker, case)
    assert not Story.objects.exists()


@pytest.mark.django_db
def test_a_consent_for_another_person_does_not_allow_a_story(cast):
    case = _case_without_consent(cast.caseworker)
    story_consent(PersonFactory())
    assert _refusal(cast.caseworker, case)


@pytest.mark.django_db
def test_the_story_is_scrubbed_at_proposal_of_the_clients_and_households_names(cast):
    client = PersonFactory(given_name="Marisol", family_name="Quintero")
    partner = PersonFactory(given_name="Deshawn", family_name="Okafor")
    child = PersonFactory(given_name="Tamsin", family_name="Quintero")
    Relationship.objects.create(from_person=partner, to_person=client, kind=Relationship.Kind.FORMER_PARTNER)
    household = HouseholdFactory()
    add_member(household, client)
    add_member(household, child, HouseholdMember.Position.CHILD)
    case = case_with_consent(cast.caseworker, client)
    text = "Marisol left Deshawn in March. Tamsin still asks about their old flat."
    story = propose(cast.caseworker, case, text)
    assert story.original_text == text
    for name in ("Marisol", "Deshawn", "Tamsin"):
        assert name not in story.scrubbed_text
    # A month is an element of a date, which Safe Harbor removes all of but the year.
    assert story.scrubbed_text == "[NAME] left [NAME] in [DATE]. [NAME] still asks about their old flat."
    replaced = [text[span["start"] : span["end"]] for span in story.spans]
    assert replaced == ["Marisol", "Deshawn", "March", "Tamsin"]
    marks = [story.scrubbed_text[m["start"] : m["end"]] for m in story.marks]
    assert marks == ["[NAME]", "[NAME]", "[DATE]", "[NAME]"]
    assert story.status == Story.Status.PROPOSED and story.consent.purpose == "story"


@pytest.mark.django_db
def test_what_the_record_knows_beyond_one_slot_is_scrubbed_too(cast):
    """Past addresses and the client's other case numbers do not fit the scrubber's shape; they go too."""
    client = PersonFactory(given_name="Ottoline", family_name="Vance")
    client.addresses.create(line1="14 Larch Row", city="Easton", postcode="02111", is_current=True)
    client.addresses.create(line1="9 Quarry Lane", city="Easton", postcode="02112", is_current=False)
    earlier = open_case(cast.caseworker, client)
    case = case_with_consent(cast.caseworker, client)
    text = f"Ottoline moved from 9 Quarry Lane to 14 Larch Row; see {earlier.number} and {case.number}."
    story = propose(cast.caseworker, case, text)
    for identifier in ("Ottoline", "9 Quarry Lane", "14 Larch Row", earlier.number, case.number):
        assert identifier not in story.scrubbed_text
    replaced = sorted(text[span["start"] : span["end"]] for span in story.spans)
    assert replaced == sorted(["Ottoline", "9 Quarry Lane", "14 Larch Row", earlier.number, case.number])
    assert len(story.marks) == 5


@pytest.mark.django_db
def test_only_needs_of_the_case_may_be_named(cast):
    case = case_with_consent(cast.caseworker)
    with pytest.raises(ValidationError) as refused:
        services.story_propose(
            actor=cast.caseworker,
            case=case,
            title="A story",
            text="Some words.",
            needs=[need("food-insecurity")],
        )
    assert "needs" in refused.value.message_dict


@pytest.mark.django_db
def test_a_worker_outside_the_case_cannot_propose(cast):
    case = case_with_consent(cast.caseworker)
    with pytest.raises(PermissionDenied):
        propose(cast.outsider, case)


@pytest.mark.django_db
def test_the_proposer_cannot_approve_their_own_story(cast):
    case = case_with_consent(cast.supervisor)
    story = propose(cast.supervisor, case)
    with pytest.raises(PermissionDenied):
        services.story_approve(actor=cast.supervisor, story=story, version=story.version)
    story.refresh_from_db()
    assert story.status == Story.Status.PROPOSED


@pytest.mark.django_db
def test_a_caseworker_cannot_review(cast):
    story = propose(cast.caseworker, case_with_consent(cast.caseworker))
    with pytest.raises(PermissionDenied):
        services.story_approve(actor=cast.teammate, story=story, version=story.version)


@pytest.mark.django_db
def test_approving_is_recorded_and_puts_the_story_in_use(cast):
    organiser = cast.by_role[Role.COMMUNITY_ORGANISER]
    story = propose(cast.caseworker, case_with_consent(cast.caseworker))
    assert stories_for_use() == []
    story = services.story_approve(actor=organiser, story=story, version=story.version)
    assert story.status == Story.Status.APPROVED and story.reviewed_by == organiser
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.REVIEW).get()
    assert (entry.actor, entry.object_id, entry.person_id) == (organiser, str(story.pk), story.case.person_id)
    [usable] = stories_for_use(needs=[need(HOUSING)])
    assert (usable.id, usable.title, usable.text) == (story.pk, story.title, story.scrubbed_text)
    assert [n["code"] for n in usable.needs] == [HOUSING]
    assert not hasattr(usable, "original_text") and not hasattr(usable, "case_id")
    assert stories_for_use(needs=[need("food-insecurity")]) == []


@pytest.mark.django_db
def test_revoking_the_consent_drops_the_story_from_future_packs(cast):
    story = propose(cast.caseworker, case_with_consent(cast.caseworker))
    services.story_approve(actor=cast.supervisor, story=story, version=story.version)
    assert [s.id for s in stories_for_use()] == [story.pk]
    consent = story.consent
    consent.revoked_on = today() + dt.timedelta(days=10)
    consent.save()
    assert [s.id for s in stories_for_use()] == [story.pk]
    assert stories_for_use(on=today() + dt.timedelta(days=10)) == []
    consent.revoked_on = today()
    consent.save()
    assert stories_for_use() == []
    # A pack of an earlier day, made while the consent was in force, still had it.
    assert [s.id for s in stories_for_use(on=today() - dt.timedelta(days=1))] == [story.pk]


@pytest.mark.django_db
def test_an_expired_consent_drops_the_story_too(cast):
    story = propose(cast.caseworker, case_with_consent(cast.caseworker))
    services.story_approve(actor=cast.supervisor, story=story, version=story.version)
    Consent.objects.filter(pk=story.consent_id).update(expires_on=today() + dt.timedelta(days=30))
    assert stories_for_use(on=today() + dt.timedelta(days=30)) != []
    assert stories_for_use(on=today() + dt.timedelta(days=31)) == []


@pytest.mark.django_db
def test_a_proposed_returned_or_withdrawn_story_is_not_in_use(cast):
    case = case_with_consent(cast.caseworker)
    proposed = propose(cast.caseworker, case)
    returned = propose(cast.caseworker, case)
    services.story_return(actor=cast.supervisor, story=returned, version=1, reason="The street is named.")
    withdrawn = propose(cast.caseworker, case)
    services.story_approve(actor=cast.supervisor, story=withdrawn, version=1)
    services.story_withdraw(actor=cast.caseworker, story=withdrawn, version=2)
    assert {proposed.pk, returned.pk, withdrawn.pk}.isdisjoint(s.id for s in stories_for_use())
    assert stories_for_use() == []


@pytest.mark.django_db
def test_a_return_needs_a_reason_and_the_changed_story_goes_back_for_review(cast):
    case = case_with_consent(cast.caseworker, PersonFactory(given_name="Ysolde"))
    story = propose(cast.caseworker, case)
    with pytest.raises(ValidationError) as refused:
        services.story_return(actor=cast.supervisor, story=story, version=1, reason="  ")
    assert "reason" in refused.value.message_dict
    story = services.story_return(actor=cast.supervisor, story=story, version=1, reason="Her town is named.")
    assert story.status == Story.Status.RETURNED
    story = services.story_change(
        actor=cast.caseworker,
        story=story,
        version=story.version,
        title="Nowhere to go",
        text="Ysolde waited a year for a room.",
        needs=[need(HOUSING)],
    )
    assert (story.status, story.return_reason, story.version) == (Story.Status.PROPOSED, "", 3)
    assert story.scrubbed_text == "[NAME] waited a year for a room."


@pytest.mark.django_db
def test_a_stale_or_reviewed_story_cannot_change(cast):
    story = propose(cast.caseworker, case_with_consent(cast.caseworker))
    with pytest.raises(StaleEdit):
        services.story_approve(actor=cast.supervisor, story=story, version=story.version + 1)
    services.story_approve(actor=cast.supervisor, story=story, version=1)
    with pytest.raises(ValidationError):
        services.story_change(
            actor=cast.caseworker, story=story, version=2, title="x", text="y", needs=[need(HOUSING)]
        )
    with pytest.raises(ValidationError):
        services.story_approve(actor=UserFactory(role=Role.COMMUNITY_ORGANISER), story=story, version=2)


@pytest.mark.django_db
def test_approval_is_refused_once_the_consent_is_revoked(cast):
    story = propose(cast.caseworker, case_with_consent(cast.caseworker))
    Consent.objects.filter(pk=story.consent_id).update(revoked_on=today())
    with pytest.raises(ValidationError):
        services.story_approve(actor=cast.supervisor, story=story, version=1)


@pytest.mark.django_db
def test_a_story_with_nothing_to_scrub_is_proposed_as_written(cast):
    case = case_with_consent(cast.caseworker)
    text = "The waiting list moved one place a week; the shelter had no family rooms."

    story = propose(cast.caseworker, case, text)

    assert story.scrubbed_text == text and story.spans == [] and story.marks == []
    assert story.status == Story.Status.PROPOSED
