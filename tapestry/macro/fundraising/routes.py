"""The fundraising app's rows of the route table (see tapestry/access/routes.py).

Donors' names, contacts and gifts are for grants officers (`grant.manage`); the totals (by month,
fund, program and campaign against its goal) name no one and are open to aggregate readers.
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "fundraising:summary": C.AGGREGATE_READ,
    "fundraising:donor_list": C.GRANT_MANAGE,
    "fundraising:donor_create": C.GRANT_MANAGE,
    "fundraising:donor_detail": C.GRANT_MANAGE,
    "fundraising:donor_edit": C.GRANT_MANAGE,
    "fundraising:annual_summary": C.GRANT_MANAGE,
    "fundraising:donation_create": C.GRANT_MANAGE,
    "fundraising:donation_void": C.GRANT_MANAGE,
    "fundraising:receipt_issue": C.GRANT_MANAGE,
    "fundraising:receipt_pdf": C.GRANT_MANAGE,
    "fundraising:recurring_list": C.GRANT_MANAGE,
    "fundraising:recurring_create": C.GRANT_MANAGE,
    "fundraising:recurring_edit": C.GRANT_MANAGE,
    "fundraising:osdi_page": C.GRANT_MANAGE,
    "fundraising:osdi_export": C.GRANT_MANAGE,
    "GET /api/v1/fundraising/donors": C.GRANT_MANAGE,
    "POST /api/v1/fundraising/donors": C.GRANT_MANAGE,
    "GET /api/v1/fundraising/donors/{donor_id}": C.GRANT_MANAGE,
    "PATCH /api/v1/fundraising/donors/{donor_id}": C.GRANT_MANAGE,
    "GET /api/v1/fundraising/donations": C.GRANT_MANAGE,
    "POST /api/v1/fundraising/donations": C.GRANT_MANAGE,
    "GET /api/v1/fundraising/donations/{donation_id}": C.GRANT_MANAGE,
    "PATCH /api/v1/fundraising/donations/{donation_id}": C.GRANT_MANAGE,
    "GET /api/v1/fundraising/recurring-gifts": C.GRANT_MANAGE,
    "POST /api/v1/fundraising/recurring-gifts": C.GRANT_MANAGE,
    "GET /api/v1/fundraising/recurring-gifts/{gift_id}": C.GRANT_MANAGE,
    "PATCH /api/v1/fundraising/recurring-gifts/{gift_id}": C.GRANT_MANAGE,
    "GET /api/v1/fundraising/osdi/donations": C.GRANT_MANAGE,
    "POST /api/v1/fundraising-imports/osdi": C.GRANT_MANAGE,
}
