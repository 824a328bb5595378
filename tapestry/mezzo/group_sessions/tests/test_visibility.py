"""Who sees what of a group's sessions: the facilitator their groups, never a member's person or case page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.access.models import Role
from tapestry.mezzo.group_sessions.tests.factories import enrol, hold_session, make_group, mark_all
from tapestry.testing import UserFactory, client_for, open_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(cast):
    facilitator = UserFactory(username="facilitator", role=Role.GROUP_FACILITATOR)
    group = make_group(facilitator)
    case = open_case(cast.caseworker)
    member = enrol(group, case.person, case=case)
    session = hold_session(facilitator, group)
    mark_all(facilitator, session, "late")
    return facilitator, group, session, member, case


def test_the_facilitator_sees_attendance_and_rates_of_their_group(setting):
    facilitator, group, session, member, _ = setting
    client = client_for(facilitator)

    detail = client.get(reverse("group_sessions:session_detail", kwargs={"pk": session.pk}))
    rates = client.get(reverse("group_sessions:rates", kwargs={"group_pk": group.pk}))

    assert detail.status_code == 200 and member.person.display_name in detail.content.decode()
    assert "Late" in detail.content.decode()
    assert rates.status_code == 200 and member.person.display_name in rates.content.decode()


def test_the_facilitator_cannot_open_the_members_person_or_case_page(setting):
    facilitator, _, _, member, case = setting
    client = client_for(facilitator)

    person = client.get(reverse("people:person_detail", kwargs={"pk": member.person_id}))
    case_page = client.get(reverse("cases:case_detail", kwargs={"pk": case.pk}))

    assert person.status_code in (403, 404) and case.presenting_problem not in person.content.decode()
    assert case_page.status_code in (403, 404) and case.presenting_problem not in case_page.content.decode()


def test_a_caseworker_facilitator_still_cannot_open_a_member_outside_their_caseload(cast):
    group = make_group(cast.outsider)
    case = open_case(cast.caseworker)
    enrol(group, case.person, case=case)

    response = client_for(cast.outsider).get(reverse("cases:case_detail", kwargs={"pk": case.pk}))

    assert response.status_code in (403, 404)


def test_outsiders_get_not_found_and_program_managers_are_refused(cast, setting):
    _, group, session, _, _ = setting
    for name, kwargs in [
        ("group_sessions:session_list", {"group_pk": group.pk}),
        ("group_sessions:session_detail", {"pk": session.pk}),
        ("group_sessions:attendance", {"pk": session.pk}),
        ("group_sessions:rates", {"group_pk": group.pk}),
    ]:
        url = reverse(name, kwargs=kwargs)
        assert client_for(cast.outsider).get(url).status_code == 404, name
        assert client_for(cast["program_manager"]).get(url).status_code == 403, name


def test_the_supervisor_of_the_facilitator_sees_the_group(cast):
    group = make_group(cast.teammate)
    session = hold_session(cast.teammate, group)

    response = client_for(cast.supervisor).get(
        reverse("group_sessions:session_detail", kwargs={"pk": session.pk})
    )

    assert response.status_code == 200
    assert session.topic in response.content.decode()


def test_a_sensitive_groups_attendance_sheet_shows_members_only_with_the_segment_grant():
    from tapestry.access.models import Segment
    from tapestry.testing import grant

    facilitator = UserFactory(username="recovery-facilitator", role=Role.GROUP_FACILITATOR)
    group = make_group(facilitator, segment=Segment.SUBSTANCE_USE)
    member = enrol(group)
    session = hold_session(facilitator, group)
    url = reverse("group_sessions:session_detail", kwargs={"pk": session.pk})

    assert member.person.display_name not in client_for(facilitator).get(url).content.decode()
    grant(facilitator, Segment.SUBSTANCE_USE)
    assert member.person.display_name in client_for(facilitator).get(url).content.decode()


def test_reading_the_attendance_rates_is_in_the_audit_log(setting):
    from tapestry.access.models import AuditEntry

    facilitator, group, _, _, _ = setting

    client_for(facilitator).get(reverse("group_sessions:rates", kwargs={"group_pk": group.pk}))

    entry = AuditEntry.objects.get(action="view", actor=facilitator, purpose="attendance rates")
    assert entry.object_id == str(group.pk) and entry.fields == ["attendance"]
