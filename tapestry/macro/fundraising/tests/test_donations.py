"""Donors and donations: kept apart from clients, checked by field, receipted in order each year, voided."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import AuditEntry
from tapestry.macro.fundraising import receipts, services
from tapestry.macro.fundraising.models import Donation, Donor, add_months
from tapestry.people.models import Person
from tapestry.programs.models import Program
from tapestry.testing import client_for, pdf_text

pytestmark = pytest.mark.django_db


def test_a_donor_has_no_link_to_a_client_record():
    for model in (Donor, Donation):
        related = {f.related_model for f in model._meta.get_fields() if isinstance(f, models.ForeignKey)}
        assert Person not in related, model


def test_add_months_keeps_the_day_or_takes_the_last():
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 11, 15), 3) == dt.date(2027, 2, 15)


def test_the_donation_form_shows_each_problem_by_its_field(cast):
    donor = Donor.objects.create(given_name="Ada", family_name="Mwangi")
    response = client_for(cast["grants_officer"]).post(
        reverse("fundraising:donation_create"),
        {
            "donor": donor.pk,
            "amount": "0",
            "received_on": "2026-01-01",
            "method": "card",
            "fund": "unrestricted",
        },
    )
    assert response.status_code == 400
    assert "amount" in response.context["form"].errors

    response = client_for(cast["grants_officer"]).post(
        reverse("fundraising:donation_create"),
        {
            "donor": donor.pk,
            "amount": "40",
            "received_on": "2026-01-01",
            "method": "in_kind",
            "fund": "restricted",
        },
    )
    errors = response.context["form"].errors
    assert response.status_code == 400
    assert errors["in_kind_description"] == ["Say what was given in kind."]
    assert errors["program"] == ["Name the program a restricted gift is for."]
    assert not Donation.objects.exists()


def test_a_donor_needs_a_name_of_its_kind(cast):
    with pytest.raises(ValidationError) as refused:
        services.donor_create(actor=cast["grants_officer"], kind="organisation", given_name="Ada")
    assert "organisation_name" in refused.value.message_dict


def test_receipt_numbers_run_in_order_within_each_year_and_a_void_keeps_its_number(cast):
    officer = cast["grants_officer"]
    donor = Donor.objects.create(given_name="Ada", family_name="Mwangi")
    this_year = timezone.localdate().year

    def give(day: dt.date) -> Donation:
        return services.donation_record(
            actor=officer, donor=donor, amount=Decimal("10"), received_on=day, method="cash", receipt=True
        )

    first, second = give(dt.date(this_year, 1, 2)), give(dt.date(this_year, 1, 3))
    last_year = give(dt.date(this_year - 1, 12, 30))
    assert (first.receipt_number, second.receipt_number, last_year.receipt_number) == (1, 2, 1)
    assert first.receipt_label == f"{this_year}-00001"

    services.donation_void(actor=officer, donation=second, reason="Cheque returned")
    third = give(dt.date(this_year, 2, 1))
    second.refresh_from_db()
    assert second.receipt_number == 2 and second.is_void and third.receipt_number == 3
    with pytest.raises(ValidationError):
        services.receipt_issue(actor=officer, donation=third)
    with pytest.raises(ValidationError) as refused:
        services.donation_void(actor=officer, donation=first, reason=" ")
    assert "reason" in refused.value.message_dict


def test_a_receipted_donation_changes_its_stated_facts_only_by_void(cast):
    officer = cast["grants_officer"]
    donor = Donor.objects.create(given_name="Ada", family_name="Mwangi")
    donation = services.donation_record(
        actor=officer,
        donor=donor,
        amount=Decimal("10"),
        received_on=timezone.localdate(),
        method="cash",
        receipt=True,
    )
    with pytest.raises(ValidationError) as refused:
        services.donation_update(
            actor=officer, donation=donation, version=1, changes={"amount": Decimal("20")}
        )
    assert "amount" in refused.value.message_dict
    updated = services.donation_update(
        actor=officer, donation=donation, version=1, changes={"reference": "R-1"}
    )
    assert updated.reference == "R-1"


def test_the_receipt_pdf_states_amount_number_and_no_return_and_the_download_is_audited(cast):
    officer = cast["grants_officer"]
    donor = Donor.objects.create(given_name="Ada", family_name="Mwangi")
    donation = services.donation_record(
        actor=officer,
        donor=donor,
        amount=Decimal("1250.50"),
        received_on=timezone.localdate(),
        method="cheque",
        receipt=True,
    )
    text = pdf_text(receipts.donation_receipt(actor=officer, donation=donation, compress=False))
    assert "$1,250.50" in text and donation.receipt_label in text and "Ada Mwangi" in text
    assert "no goods or services" in text and "VOID" not in text

    services.donation_void(actor=officer, donation=donation, reason="Recorded twice")
    response = client_for(officer).get(reverse("fundraising:receipt_pdf", args=[donation.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "VOID" in text and donation.receipt_label in text
    assert (
        AuditEntry.objects.filter(
            action=AuditEntry.Action.EXPORT, object_id=str(donation.pk), purpose__startswith="receipt"
        ).count()
        == 2
    )


def test_an_in_kind_receipt_describes_the_gift_and_the_annual_summary_totals_the_year(cast):
    officer = cast["grants_officer"]
    donor = Donor.objects.create(given_name="Ada", family_name="Mwangi")
    today = timezone.localdate()
    gift = services.donation_record(
        actor=officer,
        donor=donor,
        amount=Decimal("340"),
        received_on=today,
        method="in_kind",
        in_kind_description="Forty loaves of bread",
        receipt=True,
    )
    services.donation_record(
        actor=officer, donor=donor, amount=Decimal("60"), received_on=today, method="cash"
    )
    void = services.donation_record(
        actor=officer, donor=donor, amount=Decimal("999"), received_on=today, method="cash"
    )
    services.donation_void(actor=officer, donation=void, reason="Bounced")

    assert "Forty loaves of bread" in pdf_text(receipts.donation_receipt(actor=officer, donation=gift))
    response = client_for(officer).get(reverse("fundraising:annual_summary", args=[donor.pk, today.year]))
    text = pdf_text(response.content)
    assert f"Total given in {today.year}: $400.00" in text and "$999.00" not in text


def test_a_restricted_gift_names_its_program(cast):
    program = Program.objects.create(name="Family dinners")
    donation = services.donation_record(
        actor=cast["grants_officer"],
        donor=Donor.objects.create(organisation_name="Bakery", kind="organisation"),
        amount=Decimal("50"),
        received_on=timezone.localdate(),
        method="online",
        fund="restricted",
        program=program,
    )
    assert donation.program == program
