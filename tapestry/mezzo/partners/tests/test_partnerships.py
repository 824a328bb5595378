"""Agreements with partner organisations: the rules they keep, and the pages that record them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry
from tapestry.mezzo.partners import services
from tapestry.mezzo.partners.models import Partnership
from tapestry.mezzo.partners.tests.helpers import partnership, today
from tapestry.people.models import OrganisationContact
from tapestry.programs.models import Program
from tapestry.testing import OrganisationFactory, client_for

pytestmark = pytest.mark.django_db


def record(actor, organisation, **fields):
    fields.setdefault("agreement_type", Partnership.AgreementType.MOU)
    fields.setdefault("starts_on", today())
    return services.partnership_create(actor=actor, organisation=organisation, **fields)


def test_a_partnership_is_recorded_with_programs_contacts_and_an_audit_entry(cast):
    organisation = OrganisationFactory(name="Riverton Food Collective")
    contact = OrganisationContact.objects.create(organisation=organisation, name="Greta Holm")
    program = Program.objects.create(name="Family support")

    made = record(cast.caseworker, organisation, programs=[program], contacts=[contact], lead=cast.supervisor)

    assert list(made.programs.all()) == [program]
    assert list(made.contacts.all()) == [contact]
    entry = AuditEntry.objects.get(object_type="partners.partnership", action="create")
    assert "programs" in entry.fields and "notes" in entry.fields


def test_a_second_live_agreement_of_the_same_type_is_refused_naming_the_first(cast):
    organisation = OrganisationFactory(name="Legal Aid of Demo County")
    record(cast.caseworker, organisation, starts_on=dt.date(2025, 3, 1))

    with pytest.raises(ValidationError) as refused:
        record(cast.caseworker, organisation)

    message = refused.value.message_dict["agreement_type"][0]
    assert "Legal Aid of Demo County already has a memorandum of understanding that is active" in message
    assert "2025-03-01" in message
    assert Partnership.objects.count() == 1


def test_another_type_or_an_ended_agreement_does_not_block_a_new_one(cast):
    organisation = OrganisationFactory()
    old = record(cast.caseworker, organisation, status=Partnership.Status.ENDED)
    record(cast.caseworker, organisation, agreement_type=Partnership.AgreementType.DATA_SHARING)

    record(cast.caseworker, organisation)

    assert Partnership.objects.filter(organisation=organisation).count() == 3
    assert old.status == "ended"


def test_reviving_an_ended_agreement_beside_a_live_one_is_refused(cast):
    organisation = OrganisationFactory()
    ended = record(cast.caseworker, organisation, status=Partnership.Status.ENDED)
    record(cast.caseworker, organisation)

    with pytest.raises(ValidationError) as refused:
        services.partnership_update(
            actor=cast.caseworker, partnership=ended, version=1, changes={"status": "active"}
        )

    assert "already has" in refused.value.message_dict["agreement_type"][0]


def test_an_agreement_cannot_end_before_it_starts(cast):
    with pytest.raises(ValidationError) as refused:
        record(
            cast.caseworker, OrganisationFactory(), starts_on=today(), ends_on=today() - dt.timedelta(days=1)
        )

    assert refused.value.message_dict["ends_on"] == ["The agreement cannot end before it starts."]


def test_contacts_must_work_at_the_partner(cast):
    elsewhere = OrganisationContact.objects.create(organisation=OrganisationFactory(), name="Someone else")

    with pytest.raises(ValidationError) as refused:
        record(cast.caseworker, OrganisationFactory(name="Safe Harbour Shelter"), contacts=[elsewhere])

    assert refused.value.message_dict["contacts"] == ["Choose contacts who work at Safe Harbour Shelter."]


def test_roles_without_organisation_write_may_not_record_agreements(cast):
    with pytest.raises(PermissionDenied):
        record(cast["evaluator"], OrganisationFactory())


def test_a_stale_edit_is_refused_and_a_current_one_bumps_the_version(cast):
    agreement = partnership()
    program = Program.objects.create(name="Youth")

    changed = services.partnership_update(
        actor=cast.caseworker,
        partnership=agreement,
        version=1,
        changes={"notes": "Renewed"},
        programs=[program],
    )
    with pytest.raises(StaleEdit):
        services.partnership_update(actor=cast.caseworker, partnership=agreement, version=1, changes={})

    assert changed.version == 2
    entry = AuditEntry.objects.get(object_type="partners.partnership", action="update")
    assert sorted(entry.fields) == ["notes", "programs"]


def test_renewal_is_due_within_sixty_days_of_the_end_for_live_agreements_only():
    soon = Partnership(starts_on=today(), ends_on=today() + dt.timedelta(days=30), status="active")
    later = Partnership(starts_on=today(), ends_on=today() + dt.timedelta(days=90), status="active")
    ran_out = Partnership(starts_on=today(), ends_on=today() - dt.timedelta(days=3), status="active")
    ended = Partnership(starts_on=today(), ends_on=today() + dt.timedelta(days=10), status="ended")

    assert (soon.renewal_due, later.renewal_due, ended.renewal_due) == (True, False, False)
    assert soon.renewal_label == "Renewal due: runs out in 30 days"
    assert ran_out.renewal_label == "Ran out 3 days ago: renew or end it"


def test_the_partner_list_shows_status_and_renewal_due(cast):
    partnership(
        OrganisationFactory(name="Legal Aid of Demo County"),
        ends_on=today() + dt.timedelta(days=20),
        agreement_type=Partnership.AgreementType.MOU,
    )
    partnership(OrganisationFactory(name="Northside Family Services"))

    page = client_for(cast["program_manager"]).get(reverse("partners:partner_list")).content.decode()
    due_only = client_for(cast["program_manager"]).get(reverse("partners:partner_list") + "?renewal=due")

    assert "Legal Aid of Demo County" in page and "Northside Family Services" in page
    assert "Renewal due: runs out in 20 days" in page
    assert "Memorandum of understanding" in page
    assert "Northside Family Services" not in due_only.content.decode()


def test_recording_a_partnership_in_the_form_shows_errors_by_the_field(cast):
    organisation = OrganisationFactory(name="Eastfield Youth Mentoring")
    partnership(organisation)
    client = client_for(cast["program_manager"])
    form = {
        "organisation": organisation.pk,
        "agreement_type": "referral",
        "status": "active",
        "starts_on": today().isoformat(),
    }

    refused = client.post(reverse("partners:partnership_create"), form)
    form["agreement_type"] = "informal"
    accepted = client.post(reverse("partners:partnership_create"), form)

    assert refused.status_code == 400
    assert "already has a referral agreement that is active" in refused.content.decode()
    assert accepted.status_code == 302
    assert accepted["Location"] == reverse("partners:partner_detail", args=[organisation.pk])


def test_editing_an_agreement_from_a_stale_page_is_a_conflict(cast):
    agreement = partnership()
    services.partnership_update(
        actor=cast.caseworker, partnership=agreement, version=1, changes={"notes": "x"}
    )
    form = {"agreement_type": "referral", "status": "ended", "starts_on": agreement.starts_on, "version": 1}

    response = client_for(cast.caseworker).post(
        reverse("partners:partnership_edit", args=[agreement.pk]), form
    )

    assert response.status_code == 409
    assert "Someone else changed this record" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.status == "active"


def test_a_contact_added_from_the_partner_page_goes_through_people_and_onto_the_agreement(cast):
    agreement = partnership(OrganisationFactory(name="Riverton Food Collective"))

    response = client_for(cast["community_organiser"]).post(
        reverse("partners:contact_add", args=[agreement.organisation_id]),
        {"name": "Greta Holm", "title": "Pantry coordinator", "partnership": agreement.pk},
    )

    assert response.status_code == 302
    contact = OrganisationContact.objects.get(name="Greta Holm")
    assert contact.organisation_id == agreement.organisation_id
    assert list(agreement.contacts.all()) == [contact]
    assert AuditEntry.objects.filter(object_type="people.organisationcontact", action="create").exists()


def test_an_odd_organisation_number_in_the_address_gives_an_empty_form_not_an_error(cast):
    url = reverse("partners:partnership_create")
    client = client_for(cast["program_manager"])

    for odd in ("²", "1x", "99999999999999999999999", "-3"):
        response = client.get(url, {"organisation": odd})
        assert response.status_code == 200, odd
        assert "Record a partnership" in response.content.decode()
