"""Opening a case: from a person, with the facts of intake, the segment set by the type and the grants held."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import Assignment, AuditEntry, Role, Segment
from tapestry.micro.cases.models import Case
from tapestry.programs.models import Program
from tapestry.testing import (
    HouseholdFactory,
    PersonFactory,
    UserFactory,
    add_member,
    assign,
    client_for,
    grant,
)

pytestmark = pytest.mark.django_db


def client_of(user):
    person = PersonFactory()
    assign(user, person)
    return person


def intake(worker, **overrides):
    return {
        "case_type": "case_management",
        "segment": "",
        "presenting_problem": "Behind on rent since her hours were cut.",
        "referral_source": "Riverton Housing Authority",
        "worker": worker.pk,
        "program": "",
        "household": "",
        **overrides,
    }


def test_open_a_case_from_the_person_and_land_on_it(cast):
    person = client_of(cast.caseworker)
    program = Program.objects.create(name="Housing Stability")

    response = client_for(cast.caseworker).post(
        reverse("cases:case_open_for", args=[person.pk]), intake(cast.caseworker, program=program.pk)
    )

    case = Case.objects.get(person=person)
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:case_detail", args=[case.pk])
    assert (case.case_type, case.status, case.segment) == ("case_management", "open", "")
    assert case.program == program
    assert case.worker == cast.caseworker
    assert case.referral_source == "Riverton Housing Authority"
    assert AuditEntry.objects.filter(action="create", object_type="cases.case", person_id=person.pk).exists()


def test_the_open_page_is_reached_with_the_person_in_the_query(cast):
    person = client_of(cast.caseworker)

    page = client_for(cast.caseworker).get(reverse("cases:case_open"), {"person": person.pk})

    assert page.status_code == 200
    assert person.display_name in page.content.decode()
    assert 'name="presenting_problem"' in page.content.decode()


def test_without_a_person_the_page_asks_for_one_among_those_you_may_change(cast):
    mine, outsiders = client_of(cast.caseworker), client_of(cast.outsider)

    page = client_for(cast.caseworker).get(reverse("cases:case_open")).content.decode()

    assert mine.display_name in page
    assert outsiders.display_name not in page


def test_a_person_outside_your_caseload_cannot_have_a_case_opened_by_you(cast):
    stranger = client_of(cast.outsider)

    response = client_for(cast.caseworker).post(
        reverse("cases:case_open_for", args=[stranger.pk]), intake(cast.caseworker)
    )

    assert response.status_code == 403
    assert not Case.objects.exists()


def test_missing_presenting_problem_is_reported_by_the_field(cast):
    person = client_of(cast.caseworker)

    response = client_for(cast.caseworker).post(
        reverse("cases:case_open_for", args=[person.pk]), intake(cast.caseworker, presenting_problem="")
    )

    assert response.status_code == 200
    assert response.context["form"].errors["presenting_problem"]
    assert not Case.objects.exists()


def test_the_worker_can_be_a_colleague_who_then_holds_the_person(cast):
    person = client_of(cast.caseworker)

    client_for(cast.caseworker).post(reverse("cases:case_open_for", args=[person.pk]), intake(cast.teammate))

    assert Case.objects.get(person=person).worker == cast.teammate
    assert Assignment.objects.filter(staff=cast.teammate, person=person, ended_on__isnull=True).exists()


def test_only_client_facing_staff_are_offered_as_worker(cast):
    person = client_of(cast.caseworker)

    form = client_for(cast.caseworker).get(reverse("cases:case_open_for", args=[person.pk])).context["form"]

    offered = set(form.fields["worker"].queryset.values_list("role", flat=True))
    assert Role.CASEWORKER in offered and Role.SUPERVISOR in offered
    assert not offered & {Role.EVALUATOR, Role.ADMINISTRATOR, Role.GROUP_FACILITATOR, Role.AUDITOR}


def test_a_school_case_goes_into_the_school_segment_by_default(cast):
    worker = cast["school_social_worker"]
    grant(worker, Segment.SCHOOL)
    pupil = client_of(worker)

    client_for(worker).post(
        reverse("cases:case_open_for", args=[pupil.pk]), intake(worker, case_type="school")
    )

    assert Case.objects.get(person=pupil).segment == Segment.SCHOOL


def test_only_granted_segments_and_their_case_types_are_offered(cast):
    grant(cast.caseworker, Segment.SUBSTANCE_USE)
    person = client_of(cast.caseworker)

    form = client_for(cast.caseworker).get(reverse("cases:case_open_for", args=[person.pk])).context["form"]

    segments = [value for value, _ in form.fields["segment"].choices]
    types = [value for value, _ in form.fields["case_type"].choices]
    assert segments == ["", Segment.SUBSTANCE_USE]
    assert "substance_use" in types
    assert "school" not in types and "child_welfare" not in types


def test_a_general_case_can_be_put_in_a_granted_segment(cast):
    grant(cast.caseworker, Segment.SUBSTANCE_USE)
    person = client_of(cast.caseworker)

    client_for(cast.caseworker).post(
        reverse("cases:case_open_for", args=[person.pk]),
        intake(cast.caseworker, case_type="counselling", segment=Segment.SUBSTANCE_USE),
    )

    assert Case.objects.get(person=person).segment == Segment.SUBSTANCE_USE


def test_a_typed_case_cannot_be_moved_into_another_segment(cast):
    worker = cast["school_social_worker"]
    grant(worker, Segment.SCHOOL)
    grant(worker, Segment.SUBSTANCE_USE)
    pupil = client_of(worker)

    response = client_for(worker).post(
        reverse("cases:case_open_for", args=[pupil.pk]),
        intake(worker, case_type="school", segment=Segment.SUBSTANCE_USE),
    )

    assert "belongs to the School records (FERPA) segment" in response.context["form"].errors["segment"][0]
    assert not Case.objects.exists()


def test_a_worker_without_the_segment_grant_cannot_hold_the_case(cast):
    worker = cast["school_social_worker"]
    grant(worker, Segment.SCHOOL)
    pupil = client_of(worker)

    response = client_for(worker).post(
        reverse("cases:case_open_for", args=[pupil.pk]), intake(cast.caseworker, case_type="school")
    )

    assert "could not see this case" in response.context["form"].errors["worker"][0]
    assert not Case.objects.exists()


def test_family_work_offers_only_the_persons_households(cast):
    person = client_of(cast.caseworker)
    home, elsewhere = HouseholdFactory(name="Okafor household"), HouseholdFactory(name="Other household")
    add_member(home, person)
    add_member(elsewhere, PersonFactory())
    client = client_for(cast.caseworker)
    url = reverse("cases:case_open_for", args=[person.pk])

    offered = list(client.get(url).context["form"].fields["household"].queryset)
    refused = client.post(url, intake(cast.caseworker, case_type="family_therapy", household=elsewhere.pk))
    client.post(url, intake(cast.caseworker, case_type="family_therapy", household=home.pk))

    assert offered == [home]
    assert refused.context["form"].errors["household"]
    assert Case.objects.get(person=person).household == home


def test_a_closed_program_takes_no_new_cases(cast):
    person = client_of(cast.caseworker)
    closed = Program.objects.create(name="Winter Warmth 2024", is_active=False)

    response = client_for(cast.caseworker).post(
        reverse("cases:case_open_for", args=[person.pk]), intake(cast.caseworker, program=closed.pk)
    )

    assert response.context["form"].errors["program"]
    assert not Case.objects.exists()


def test_roles_without_a_caseload_cannot_open_cases(cast):
    person = client_of(cast.caseworker)
    evaluator = UserFactory(role=Role.EVALUATOR)

    response = client_for(evaluator).get(reverse("cases:case_open_for", args=[person.pk]))

    assert response.status_code == 403
