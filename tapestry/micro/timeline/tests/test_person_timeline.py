"""A person's timeline: everything in date order across cases, only what the viewer may see."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import AuditEntry, Consent, Segment
from tapestry.micro.cases.hooks import TimelineEvent
from tapestry.micro.timeline.tests.support import use_providers
from tapestry.people.models import HouseholdMember, Person, Relationship
from tapestry.testing import (
    HouseholdFactory,
    OrganisationFactory,
    PersonFactory,
    add_member,
    assign,
    client_for,
    grant,
    open_case,
)

pytestmark = pytest.mark.django_db


def timeline_of(user, person: Person, **params: str) -> str:
    response = client_for(user).get(reverse("timeline:person_timeline", args=[person.pk]), params)
    assert response.status_code == 200
    return response.content.decode()


def event_titles(page: str) -> list[str]:
    """The 'What happened' cell of each row, top to bottom."""
    rows = re.findall(r"<tr>\s*<td><time[^>]*>[^<]*</time></td>\s*<td>.*?</td>\s*<td>(.*?)</td>", page, re.S)
    return [re.sub(r"<[^>]+>", "", cell.split("<br>")[0]).strip() for cell in rows]


@pytest.fixture
def client_record(cast):
    person = PersonFactory(given_name="Rosa", family_name="Rivera")
    Person.objects.filter(pk=person.pk).update(
        created_at=timezone.make_aware(dt.datetime(2024, 1, 10, 9, 30))
    )
    person.refresh_from_db()
    assign(cast.caseworker, person)
    return person


def test_the_persons_own_record_is_on_the_timeline_newest_first_and_grouped_by_month(cast, client_record):
    household = HouseholdFactory(name="Rivera household")
    HouseholdMember.objects.create(
        household=household, person=client_record, position="head", joined_on=dt.date(2024, 2, 3)
    )
    sister = PersonFactory(given_name="Lucia", family_name="Rivera")
    assign(cast.caseworker, sister)
    relationship = Relationship.objects.create(from_person=client_record, to_person=sister, kind="sibling")
    Relationship.objects.filter(pk=relationship.pk).update(
        created_at=timezone.make_aware(dt.datetime(2024, 2, 20, 14, 0))
    )
    Consent.objects.create(
        person=client_record,
        information="Name and housing need",
        purpose="referral",
        recipient_organisation=OrganisationFactory(name="Harbor Food Bank"),
        given_on=dt.date(2024, 3, 1),
        revoked_on=dt.date(2024, 4, 15),
    )

    page = timeline_of(cast.caseworker, client_record)

    assert "<h1>Timeline of Rosa Rivera</h1>" in page
    assert event_titles(page) == [
        "Consent revoked for referral to a service to Harbor Food Bank",
        "Consent given for referral to a service to Harbor Food Bank",
        "Relationship recorded: sibling of Lucia Rivera",
        "Joined Rivera household",
        "Registered",
    ]
    months = re.findall(r"<h2 id=\"month-[\d-]+\">([^<]+)</h2>", page)
    assert months == ["April 2024", "March 2024", "February 2024", "January 2024"]
    assert "2024-01-10 09:30" in page
    assert "5 events." in page


def test_events_from_every_area_of_practice_join_the_timeline_with_their_case(
    cast, client_record, monkeypatch
):
    case = open_case(cast.caseworker, person=client_record)

    def provider(*, user, person):
        assert user == cast.caseworker and person == client_record
        return [
            TimelineEvent(
                when=dt.date(2024, 5, 2), kind="assessment", title="PHQ-9: 14 (moderate)", case_id=case.pk
            ),
            TimelineEvent(
                when=timezone.make_aware(dt.datetime(2024, 5, 9, 11, 15)),
                kind="note",
                title="DAP note signed",
                url="/somewhere/",
                case_id=case.pk,
            ),
        ]

    use_providers(monkeypatch, timeline=provider)

    page = timeline_of(cast.caseworker, client_record)

    assert event_titles(page)[:3] == ["DAP note signed", "PHQ-9: 14 (moderate)", "Registered"]
    assert page.count(case.number) >= 3  # the two rows and the case filter
    assert '<a href="/somewhere/">DAP note signed</a>' in page
    assert "Assessment" in page and "Note" in page


def test_filtering_by_kind_and_by_case(cast, client_record, monkeypatch):
    first = open_case(cast.caseworker, person=client_record)
    second = open_case(cast.caseworker, person=client_record, case_type="counselling")
    use_providers(
        monkeypatch,
        timeline=lambda **_: [
            TimelineEvent(when=dt.date(2024, 5, 2), kind="note", title="Note on the first", case_id=first.pk),
            TimelineEvent(
                when=dt.date(2024, 5, 3), kind="note", title="Note on the second", case_id=second.pk
            ),
            TimelineEvent(
                when=dt.date(2024, 5, 4), kind="referral", title="Referral sent", case_id=second.pk
            ),
        ],
    )

    notes = timeline_of(cast.caseworker, client_record, kind="note")
    second_case = timeline_of(cast.caseworker, client_record, case=str(second.pk))
    both = timeline_of(cast.caseworker, client_record, kind="note", case=str(second.pk))

    assert event_titles(notes) == ["Note on the second", "Note on the first"]
    assert event_titles(second_case) == ["Referral sent", "Note on the second"]
    assert event_titles(both) == ["Note on the second"]
    assert "1 of 4 events match." in both
    assert f'<option value="{second.pk}" selected>' in both
    assert "Show everything" in both


def test_an_unknown_filter_says_so_by_the_field_and_shows_everything(cast, client_record):
    page = timeline_of(cast.caseworker, client_record, case="999999", kind="séance")

    assert "This case is not one you may see on this timeline" in page
    assert "There is no event of this kind on this timeline" in page
    assert event_titles(page) == ["Registered"]


def test_events_of_a_case_in_a_segment_the_viewer_is_not_granted_are_left_out(
    cast, client_record, monkeypatch
):
    general = open_case(cast.caseworker, person=client_record)
    school = open_case(cast.caseworker, person=client_record, case_type="school", segment=Segment.SCHOOL)
    use_providers(
        monkeypatch,
        timeline=lambda **_: [
            TimelineEvent(when=dt.date(2024, 5, 2), kind="note", title="General note", case_id=general.pk),
            TimelineEvent(when=dt.date(2024, 5, 3), kind="school", title="Truancy alert", case_id=school.pk),
        ],
    )

    hidden = timeline_of(cast.teammate, client_record)
    grant(cast.teammate, Segment.SCHOOL)
    shown = timeline_of(cast.teammate, client_record)

    assert "General note" in hidden and "Truancy alert" not in hidden
    assert school.number not in hidden
    assert "Truancy alert" in shown


def test_a_consent_about_a_sensitive_segment_shows_only_with_the_grant(cast, client_record):
    Consent.objects.create(
        person=client_record,
        segment=Segment.SUBSTANCE_USE,
        information="Treatment attendance",
        purpose="treatment",
        written=True,
    )

    assert "Treatment attendance" not in timeline_of(cast.caseworker, client_record)
    grant(cast.caseworker, Segment.SUBSTANCE_USE)
    assert "Treatment attendance" in timeline_of(cast.caseworker, client_record)


def test_a_person_outside_the_caseload_is_refused_with_emergency_access_offered(cast, client_record):
    response = client_for(cast.outsider).get(reverse("timeline:person_timeline", args=[client_record.pk]))

    assert response.status_code == 403
    assert "Rosa" not in response.content.decode()
    assert reverse("access:break_glass", args=[client_record.pk]) in response.content.decode()


def test_a_missing_person_is_a_404(cast):
    response = client_for(cast.caseworker).get(reverse("timeline:person_timeline", args=[987654]))

    assert response.status_code == 404


def test_opening_the_timeline_is_audited_with_its_purpose(cast, client_record):
    timeline_of(cast.caseworker, client_record)

    entry = AuditEntry.objects.filter(actor=cast.caseworker, person_id=client_record.pk).latest("id")
    assert entry.action == AuditEntry.Action.VIEW
    assert entry.purpose == "timeline"
    assert entry.object_type == "people.person"


def test_the_timeline_of_a_merged_record_is_the_surviving_records(cast, client_record):
    duplicate = PersonFactory()
    Person.objects.filter(pk=duplicate.pk).update(merged_into=client_record, merged_at=timezone.now())

    response = client_for(cast.caseworker).get(reverse("timeline:person_timeline", args=[duplicate.pk]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("timeline:person_timeline", args=[client_record.pk]))


def test_a_case_index_shows_the_timeline_filtered_to_that_case(cast, client_record):
    case = open_case(cast.caseworker, person=client_record)

    response = client_for(cast.caseworker).get(reverse("timeline:case_index", args=[case.pk]))
    refused = client_for(cast.outsider).get(reverse("timeline:case_index", args=[case.pk]))

    assert (
        response["Location"]
        == reverse("timeline:person_timeline", args=[client_record.pk]) + f"?case={case.pk}"
    )
    assert refused.status_code == 403


def test_the_person_page_links_to_the_timeline_and_the_ecomap(cast, client_record):
    page = (
        client_for(cast.caseworker)
        .get(reverse("people:person_detail", args=[client_record.pk]))
        .content.decode()
    )

    assert reverse("timeline:person_timeline", args=[client_record.pk]) in page
    assert reverse("timeline:person_ecomap", args=[client_record.pk]) in page


def test_relationships_to_people_outside_reach_show_the_relationship_only(cast, client_record):
    household = HouseholdFactory(name="Stone household")
    add_member(household, client_record, "other_adult")
    stranger = PersonFactory(given_name="Max", family_name="Stone")
    Relationship.objects.create(from_person=stranger, to_person=client_record, kind="friend", no_contact=True)

    page = timeline_of(cast.caseworker, client_record)

    assert "Joined Stone household" in page
    assert "Relationship recorded: a friend outside your caseload" in page
    assert "Max" not in page
    assert "No contact" in page
    assert reverse("people:person_detail", args=[stranger.pk]) not in page


def test_within_a_day_timed_events_come_first_latest_first_then_those_with_only_a_date(
    cast, client_record, monkeypatch
):
    case = open_case(cast.caseworker, person=client_record)
    day = dt.date(2024, 6, 3)

    def at(hour: int, minute: int = 0) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))

    use_providers(
        monkeypatch,
        timeline=lambda **_: [
            TimelineEvent(when=day, kind="assessment", title="Dated only, given first", case_id=case.pk),
            TimelineEvent(when=at(9, 15), kind="note", title="Morning visit", case_id=case.pk),
            TimelineEvent(when=day, kind="assessment", title="Dated only, given second", case_id=case.pk),
            TimelineEvent(when=at(0, 0), kind="note", title="Midnight call", case_id=case.pk),
            TimelineEvent(when=at(16, 40), kind="note", title="Afternoon call", case_id=case.pk),
            TimelineEvent(when=day + dt.timedelta(days=1), kind="note", title="Next day", case_id=case.pk),
        ],
    )

    titles = event_titles(timeline_of(cast.caseworker, client_record))

    assert titles[:6] == [
        "Next day",
        "Afternoon call",
        "Morning visit",
        "Midnight call",
        "Dated only, given second",
        "Dated only, given first",
    ]
