"""URL arguments for the partners' routes in the authorization matrix (tests/test_authorization_matrix.py)."""

from __future__ import annotations

import datetime as dt

from tapestry.mezzo.partners.models import Partnership
from tapestry.testing import OrganisationFactory


def examples(world: dict) -> dict[str, dict]:
    organisation = OrganisationFactory(name="Matrix partner")
    partnership = Partnership.objects.create(
        organisation=organisation,
        agreement_type=Partnership.AgreementType.REFERRAL,
        starts_on=dt.date(2026, 1, 1),
    )
    on_partnership = {"partnership_id": partnership.pk}
    return {
        "partners:partner_detail": {"pk": organisation.pk},
        "partners:contact_add": {"pk": organisation.pk},
        "partners:partnership_edit": {"pk": partnership.pk},
        "partners:incoming_referral_create": {"pk": partnership.pk},
        "GET /api/v1/partnerships/{partnership_id}": on_partnership,
        "PATCH /api/v1/partnerships/{partnership_id}": on_partnership,
        "GET /api/v1/partnerships/{partnership_id}/referrals": on_partnership,
        "POST /api/v1/partnerships/{partnership_id}/incoming-referrals": on_partnership,
    }
