"""URL arguments for the fundraising routes in the authorization matrix."""

from __future__ import annotations

from tapestry.macro.fundraising.tests.helpers import donor_with


def examples(world: dict) -> dict[str, dict]:
    donor = donor_with(1, family_name="Matrix")
    donation = donor.donations.get()
    donation.receipt_year, donation.receipt_number = donation.received_on.year, 9001
    donation.receipted_on = donation.received_on
    donation.save()
    gift = donor.recurring_gifts.get()
    return {
        "fundraising:donor_detail": {"pk": donor.pk},
        "fundraising:donor_edit": {"pk": donor.pk},
        "fundraising:annual_summary": {"pk": donor.pk, "year": donation.received_on.year},
        "fundraising:donation_void": {"pk": donation.pk},
        "fundraising:receipt_issue": {"pk": donation.pk},
        "fundraising:receipt_pdf": {"pk": donation.pk},
        "fundraising:recurring_edit": {"pk": gift.pk},
        "GET /api/v1/fundraising/donors/{donor_id}": {"donor_id": donor.pk},
        "PATCH /api/v1/fundraising/donors/{donor_id}": {"donor_id": donor.pk},
        "GET /api/v1/fundraising/donations/{donation_id}": {"donation_id": donation.pk},
        "PATCH /api/v1/fundraising/donations/{donation_id}": {"donation_id": donation.pk},
        "GET /api/v1/fundraising/recurring-gifts/{gift_id}": {"gift_id": gift.pk},
        "PATCH /api/v1/fundraising/recurring-gifts/{gift_id}": {"gift_id": gift.pk},
    }
