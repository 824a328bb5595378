"""The advisor's rows of the route table: it reads a case (person-level) and writes into it."""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "advisor:case_index": C.PERSON_READ,
    "advisor:enrol": C.PERSON_WRITE,
    "advisor:refer": C.PERSON_WRITE,
    "advisor:tell": C.PERSON_WRITE,
    "GET /api/v1/advisor/cases/{case_id}": C.PERSON_READ,
    "POST /api/v1/advisor/cases/{case_id}/campaign-notices": C.PERSON_WRITE,
}
