"""The partner page: agreements, contacts, shared programs and groups, and referrals exchanged.

Counts go through small-cell suppression for everyone; rows of referrals appear only for
client-facing staff, and only for cases they may open.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.mezzo.groups.models import Group
from tapestry.mezzo.partners import selectors, services
from tapestry.mezzo.partners.models import IncomingReferral
from tapestry.mezzo.partners.tests.helpers import case_of, partnership, received, sent_referrals, today
from tapestry.needs.models import Need
from tapestry.people.models import OrganisationContact
from tapestry.programs.models import Program
from tapestry.testing import OrganisationFactory, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(cast):
    organisation = OrganisationFactory(name="Riverton Food Collective")
    agreement = partnership(organisation)
    return organisation, agreement


def page_of(user, organisation) -> str:
    response = client_for(user).get(reverse("partners:partner_detail", args=[organisation.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_status_count_of_three_shows_as_suppressed(cast, partner):
    organisation, _ = partner
    case = case_of(cast.caseworker)
    sent_referrals(organisation, case, 3, status="accepted")
    sent_referrals(organisation, case, 20, status="sent")

    counts = selectors.referral_counts(user=cast["program_manager"], organisation=organisation)
    cells = {cell.label: cell for cell in counts.by_status}

    assert str(cells["Accepted"]) == "<11"
    assert cells["Accepted"].value is None
    assert cells["Sent"].value is None  # complementary: otherwise 23 - 20 gives the 3 back
    assert counts.sent_total.value == 23
    assert "&lt;11" in page_of(cast["program_manager"], organisation)


def test_drafts_are_not_counted_as_exchanged(cast, partner):
    organisation, _ = partner
    sent_referrals(organisation, case_of(cast.caseworker), 12, status="draft")

    counts = selectors.referral_counts(user=cast["program_manager"], organisation=organisation)

    assert counts.sent_total.value == 0


def test_referrals_named_to_the_partner_count_even_through_another_service(cast, partner):
    organisation, _ = partner
    case = case_of(cast.caseworker)
    for referral in sent_referrals(OrganisationFactory(name="Some other provider"), case, 12):
        referral.recipient_organisation = organisation
        referral.save()

    counts = selectors.referral_counts(user=cast["program_manager"], organisation=organisation)

    assert counts.sent_total.value == 12


def test_a_program_manager_sees_the_counts_but_no_referral_rows(cast, partner):
    organisation, agreement = partner
    case = case_of(cast.caseworker)
    sent_referrals(organisation, case, 12)
    received(agreement, case, 12)

    page = page_of(cast["program_manager"], organisation)

    assert "Referrals by month" in page
    assert ">12<" in page
    assert "Referrals of cases you may open" not in page
    assert case.person.display_name not in page


def test_a_caseworker_sees_rows_only_of_cases_they_may_open(cast, partner):
    organisation, agreement = partner
    mine = case_of(cast.caseworker)
    theirs = case_of(cast.outsider)
    sent_referrals(organisation, mine, 1)
    sent_referrals(organisation, theirs, 1)
    received(agreement, theirs)
    received(agreement, mine)

    page = page_of(cast.caseworker, organisation)

    assert mine.person.display_name in page
    assert theirs.person.display_name not in page
    entry = AuditEntry.objects.filter(object_type="referrals.referral", actor=cast.caseworker).last()
    assert entry.purpose == "referrals exchanged with Riverton Food Collective"


def test_the_page_shows_agreements_contacts_shared_programs_and_their_groups(cast, partner):
    organisation, agreement = partner
    program = Program.objects.create(name="Families First")
    agreement.programs.add(program)
    agreement.contacts.add(OrganisationContact.objects.create(organisation=organisation, name="Greta Holm"))
    Group.objects.create(
        name="Parenting in a new country",
        kind=Group.Kind.PARENTING,
        purpose="Peer support",
        capacity=12,
        program=program,
        first_session_on=dt.date(2030, 1, 7),
        start_time=dt.time(18, 0),
    )

    page = page_of(cast["group_facilitator"], organisation)

    assert "Referral agreement" in page
    assert "Greta Holm" in page
    assert "Families First" in page
    assert "Parenting in a new country" in page


def test_client_facing_staff_record_a_referral_from_the_partner_on_their_case(cast, partner):
    organisation, agreement = partner
    case = case_of(cast.caseworker)
    need = Need.objects.get(code="food-insecurity")

    response = client_for(cast.caseworker).post(
        reverse("partners:incoming_referral_create", args=[agreement.pk]),
        {"case": case.pk, "received_on": today().isoformat(), "need": need.pk, "reason": "Skipping meals."},
    )

    assert response.status_code == 302
    incoming = IncomingReferral.objects.get()
    assert (incoming.case, incoming.need, incoming.recorded_by) == (case, need, cast.caseworker)
    entry = AuditEntry.objects.get(object_type="partners.incomingreferral")
    assert entry.person_id == case.person_id


def test_a_referral_cannot_be_recorded_on_a_case_out_of_reach(cast, partner):
    _, agreement = partner
    case = case_of(cast.outsider)

    with pytest.raises(PermissionDenied):
        services.incoming_referral_record(
            actor=cast.caseworker, partnership=agreement, case=case, reason="x", received_on=today()
        )
    form = client_for(cast.caseworker).get(reverse("partners:incoming_referral_create", args=[agreement.pk]))

    assert case.person.display_name not in form.content.decode()
    assert not IncomingReferral.objects.exists()


def test_a_referral_under_an_ended_agreement_or_from_the_future_is_refused(cast, partner):
    _, agreement = partner
    case = case_of(cast.caseworker)

    with pytest.raises(ValidationError) as future:
        services.incoming_referral_record(
            actor=cast.caseworker,
            partnership=agreement,
            case=case,
            reason="x",
            received_on=today() + dt.timedelta(days=1),
        )
    agreement.status = "ended"
    with pytest.raises(ValidationError) as ended:
        services.incoming_referral_record(
            actor=cast.caseworker, partnership=agreement, case=case, reason="x", received_on=today()
        )

    assert future.value.message_dict["received_on"] == ["The date received cannot be in the future."]
    assert "This agreement has ended" in ended.value.messages[0]


def test_program_managers_may_not_open_the_incoming_referral_form(cast, partner):
    _, agreement = partner

    response = client_for(cast["program_manager"]).get(
        reverse("partners:incoming_referral_create", args=[agreement.pk])
    )

    assert response.status_code == 403


def test_an_unknown_partner_is_404(cast):
    response = client_for(cast.caseworker).get(reverse("partners:partner_detail", args=[999999]))

    assert response.status_code == 404
