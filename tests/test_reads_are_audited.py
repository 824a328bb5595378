"""Guard: every read that shows a person's name writes an audit entry.

For every role, every GET page and API operation of the authorization matrix the role is let
through is requested in the matrix's world. Every person in that world is renamed first to a
name no page shows by chance; a response that contains one of those names must have written at
least one AuditEntry during that request (docs/access-and-audit.md, "The audit log").
"""

from __future__ import annotations

import string

import pytest

from tapestry.access.models import AuditEntry, Role
from tapestry.access.routes import ROUTES
from tapestry.people.models import Person
from tests.test_authorization_matrix import expected_through, request_route, world  # noqa: F401

# Routes that may show a name without writing an entry, each with the reason. None so far.
NOT_A_READ_OF_A_PERSON: dict[str, str] = {}

# Known debt, not an exemption: pages this guard found showing a name unaudited on the day it was
# written (mostly the GET of a form that names the person it adds to), in apps other work owns.
# Each is to be fixed by an audit entry in the app's selector and then taken off this list; a
# route not on it that shows a name unaudited fails at once.
NOT_YET_AUDITED = frozenset(
    {
        "advocacy:action_new",
        "assessments:assessment_in_error",
        "assessments:assessment_new",
        "assessments:assessment_new_custom",
        "cases:case_close",
        "cases:case_edit",
        "cases:case_hold",
        "cases:caseload",
        "cases:need_add",
        "cases:need_status",
        "casework:addendum_add",
        "casework:goal_create",
        "casework:goal_edit",
        "casework:note_create",
        "casework:note_edit",
        "casework:plan_edit",
        "casework:review_create",
        "casework:service_create",
        "casework:task_create",
        "casework:task_edit",
        "child_welfare:allegation_add",
        "child_welfare:contact_add",
        "child_welfare:hearing_create",
        "child_welfare:investigation_close",
        "child_welfare:participant_add",
        "child_welfare:placement_create",
        "child_welfare:report_create",
        "child_welfare:report_create_for_person",
        "child_welfare:safety_action_add",
        "child_welfare:safety_create",
        "cohorts:member_add",
        "crisis:follow_up_new",
        "crisis:risk_assessment_new",
        "families:goal_create",
        "families:goal_edit",
        "families:goal_referral_create",
        "families:plan_edit",
        "group_outcomes:measure_record",
        "groups:membership_exit",
        "mediation:party_add",
        "mediation:session_add",
        "partners:incoming_referral_create",
        "people:address_add",
        "people:alias_add",
        "people:consent_add",
        "people:contact_add",
        "people:household_create",
        "people:household_member_add",
        "people:person_edit",
        "people:relationship_add",
        "referrals:referral_create",
        "school:alert_follow_up",
        "school:attendance_week",
        "school:incident_add",
        "school:student_enrol",
        "treatment:checkin_add",
        "treatment:release_add",
        "treatment:team_note_add",
    }
)


def _letters(n: int) -> str:
    """0 -> 'aa', 1 -> 'ab', ...: a name part that is no other's prefix or suffix."""
    return string.ascii_lowercase[n // 26 % 26] + string.ascii_lowercase[n % 26]


def rename_everyone() -> list[str]:
    """Give every person a distinctive name and return the name parts to look for."""
    parts = []
    for n, person in enumerate(Person.objects.order_by("pk")):
        person.given_name = f"Quiv{_letters(n)}ella"
        person.family_name = f"Brannoch{_letters(n)}ey"
        person.preferred_name = ""
        person.save(update_fields=["given_name", "family_name", "preferred_name"])
        parts += [person.given_name, person.family_name]
    return parts


def test_the_invented_names_do_not_contain_one_another():
    parts = [f"Quiv{_letters(n)}ella" for n in range(60)] + [f"Brannoch{_letters(n)}ey" for n in range(60)]
    assert len(set(parts)) == 120
    assert not [(a, b) for a in parts for b in parts if a != b and a in b]


@pytest.mark.django_db
@pytest.mark.parametrize("role", sorted(role.value for role in Role))
def test_a_read_that_shows_a_name_is_audited(role, world):  # noqa: F811
    names = rename_everyone()
    unaudited = []
    for key, rule in sorted(ROUTES.items()):
        if " " in key and not key.startswith("GET "):
            continue
        if not expected_through(rule, role) or key in NOT_A_READ_OF_A_PERSON or key in NOT_YET_AUDITED:
            continue
        before = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
        response = request_route(key, world, role)
        content = response.content.decode(errors="replace")
        shown = sorted({name for name in names if name in content})
        # force_login records a sign-in on every request of the matrix: that is not a read.
        written = AuditEntry.objects.filter(id__gt=before).exclude(action=AuditEntry.Action.LOGIN)
        if shown and not written.exists():
            unaudited.append(f"{key} ({response.status_code}) shows {', '.join(shown[:3])}")
    assert not unaudited, "\n".join(unaudited)
