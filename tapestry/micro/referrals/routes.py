"""The referrals app's rows of the route table: referrals are person-level data."""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "referrals:case_index": C.PERSON_READ,
    "referrals:referral_create": C.PERSON_WRITE,
    "referrals:referral_detail": C.PERSON_READ,
    "referrals:referral_send": C.PERSON_WRITE,
    "referrals:referral_status": C.PERSON_WRITE,
    "referrals:referral_summary": C.PERSON_READ,
    "GET /api/v1/cases/{case_id}/referrals": C.PERSON_READ,
    "POST /api/v1/cases/{case_id}/referrals": C.PERSON_WRITE,
    "GET /api/v1/referrals/{referral_id}": C.PERSON_READ,
    "POST /api/v1/referrals/{referral_id}/status": C.PERSON_WRITE,
}
