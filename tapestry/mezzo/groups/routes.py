"""The groups app's rows of the route table (see tapestry/access/routes.py).

The catalogue and a group's public facts need organisation access; rosters and changes to who
is in a group need the capability to run groups (object-level: the groups one runs, or one's own
clients); enrolling a client from their case needs the right to change client records.
"""

from __future__ import annotations

from tapestry.access.policy import Capability as C

ROUTES: dict[str, str] = {
    "groups:group_list": C.ORGANISATION_READ,
    "groups:my_groups": C.GROUP_RUN,
    "groups:my_calendar": C.GROUP_RUN,
    "groups:group_create": C.GROUP_RUN,
    "groups:group_detail": C.ORGANISATION_READ,
    "groups:group_edit": C.GROUP_RUN,
    "groups:group_calendar": C.ORGANISATION_READ,
    "groups:member_register": C.GROUP_RUN,
    "groups:membership_exit": C.GROUP_RUN,
    "groups:case_index": C.PERSON_READ,
    "groups:case_enrol": C.PERSON_WRITE,
    "GET /api/v1/groups": C.ORGANISATION_READ,
    "POST /api/v1/groups": C.GROUP_RUN,
    "GET /api/v1/groups/{group_id}": C.ORGANISATION_READ,
    "PATCH /api/v1/groups/{group_id}": C.GROUP_RUN,
    "GET /api/v1/groups/{group_id}/members": C.GROUP_RUN,
    "POST /api/v1/groups/{group_id}/members": C.GROUP_RUN,
    "POST /api/v1/groups/{group_id}/members/{membership_id}/exit": C.GROUP_RUN,
    "GET /api/v1/groups/{group_id}/calendar.ics": C.ORGANISATION_READ,
}
