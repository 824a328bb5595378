"""URL arguments for the referrals' routes in the authorization matrix."""

from __future__ import annotations

from tapestry.directory.tests.factories import service_at
from tapestry.micro.referrals.models import Referral
from tapestry.testing import open_case


def examples(world: dict) -> dict[str, dict]:
    case = open_case(world["cast"].caseworker, person=world["person"], segment="")
    service = service_at(40.0, -75.0, needs=("housing-instability",), name="Matrix housing advice")
    referral = Referral.objects.create(case=case, service=service, reason="Matrix", created_by=case.worker)
    return {
        "referrals:case_index": {"case_pk": case.pk},
        "referrals:referral_create": {"case_pk": case.pk},
        "referrals:referral_detail": {"pk": referral.pk},
        "referrals:referral_send": {"pk": referral.pk},
        "referrals:referral_status": {"pk": referral.pk},
        "referrals:referral_summary": {"pk": referral.pk},
        "GET /api/v1/cases/{case_id}/referrals": {"case_id": case.pk},
        "POST /api/v1/cases/{case_id}/referrals": {"case_id": case.pk},
        "GET /api/v1/referrals/{referral_id}": {"referral_id": referral.pk},
        "POST /api/v1/referrals/{referral_id}/status": {"referral_id": referral.pk},
    }
