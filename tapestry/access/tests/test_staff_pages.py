"""Staff administration: accounts, roles, supervisors, teams, caseloads by record number, and grants."""

from __future__ import annotations

import html
from datetime import timedelta

import pytest
from axes.utils import reset
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from tapestry.access import policy, services
from tapestry.access.models import (
    Assignment,
    AuditEntry,
    Role,
    Segment,
    SegmentGrant,
    Team,
    TeamMembership,
    User,
)
from tapestry.testing import TEST_PASSWORD, PersonFactory, UserFactory, assign, client_for, grant

pytestmark = pytest.mark.django_db

STAFF = reverse("access:staff_list")
STAFF_NEW = reverse("access:staff_create")
TEAMS = reverse("access:team_list")
STRONG = "amber lantern over quiet harbour"


@pytest.fixture
def admin(cast):
    return cast[Role.ADMINISTRATOR]


@pytest.fixture
def admin_client(admin):
    return client_for(admin)


def edit_url(user: User) -> str:
    return reverse("access:staff_edit", args=[user.pk])


def new_staff(**changes) -> dict:
    data = {
        "username": "nkemelu",
        "first_name": "Ada",
        "last_name": "Nkemelu",
        "email": "ada.nkemelu@example.org",
        "role": Role.CASEWORKER,
        "supervisor": "",
        "password": STRONG,
        "password_again": STRONG,
    }
    return {**data, **changes}


def edit_data(user: User, **changes) -> dict:
    data = {
        "role": user.role,
        "supervisor": user.supervisor_id or "",
        "is_active": "on" if user.is_active else "",
        "teams": [team.pk for team in user.teams.all()],
    }
    return {**data, **changes}


# Who may manage staff -----------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.SUPERVISOR, Role.AUDITOR, Role.EVALUATOR])
def test_only_administrators_reach_staff_pages(cast, role):
    client = client_for(cast[role])

    assert client.get(STAFF).status_code == 403
    assert client.get(STAFF_NEW).status_code == 403
    assert client.get(TEAMS).status_code == 403
    assert client.get(edit_url(cast.caseworker)).status_code == 403


def test_services_refuse_a_caller_without_the_staff_capability(cast):
    with pytest.raises(PermissionDenied):
        services.team_create(actor=cast.supervisor, name="Shadow team")
    with pytest.raises(PermissionDenied):
        services.segment_grant(
            actor=cast.supervisor, user=cast.caseworker, segment=Segment.SUBSTANCE_USE, reason="asked"
        )
    assert not Team.objects.filter(name="Shadow team").exists()
    assert not SegmentGrant.objects.exists()


# The list -----------------------------------------------------------------------------------


def test_list_shows_role_supervisor_team_caseload_and_grants(cast, admin_client):
    assign(cast.caseworker, PersonFactory())
    assign(cast.caseworker, PersonFactory())
    grant(cast.caseworker, Segment.CHILD_WELFARE)

    response = admin_client.get(STAFF)

    page = response.content.decode()
    row = page.split(f'href="{edit_url(cast.caseworker)}"')[1].split("</tr>")[0]
    assert "Caseworker / clinician" in row
    assert cast.supervisor.get_full_name() in row
    assert "North team" in row
    assert "<td>2</td>" in row
    assert "Child welfare" in row


def test_list_counts_only_current_assignments_and_live_grants(cast, admin_client):
    ended = assign(cast.teammate, PersonFactory())
    ended.ended_on = timezone.localdate()
    ended.save()
    old = grant(cast.teammate, Segment.SCHOOL)
    old.revoked_at = timezone.now()
    old.save()

    page = admin_client.get(STAFF).content.decode()

    row = page.split(f'href="{edit_url(cast.teammate)}"')[1].split("</tr>")[0]
    assert "<td>0</td>" in row
    assert "School" not in row


def test_list_uses_the_same_number_of_queries_for_5_and_50_staff(cast, admin_client):
    admin_client.get(STAFF)
    team = cast.team

    def count(n: int) -> int:
        while User.objects.count() < n:
            user = UserFactory(supervisor=cast.supervisor)
            TeamMembership.objects.create(team=team, user=user)
            assign(user, PersonFactory())
            grant(user, Segment.SCHOOL)
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(STAFF).status_code == 200
        return len(queries)

    at_5, at_50 = count(len(Role) + 5), count(len(Role) + 50)
    assert at_5 == at_50 == 8


# Creating an account ------------------------------------------------------------------------


def test_creating_an_account_with_a_team_and_supervisor(cast, admin_client):
    response = admin_client.post(STAFF_NEW, new_staff(supervisor=cast.supervisor.pk, teams=[cast.team.pk]))

    created = User.objects.get(username="nkemelu")
    assert response["Location"] == edit_url(created)
    assert created.role == Role.CASEWORKER
    assert created.supervisor == cast.supervisor
    assert list(created.teams.all()) == [cast.team]
    assert created.check_password(STRONG)


def test_creating_an_account_is_audited_without_the_password(cast, admin, admin_client):
    admin_client.post(STAFF_NEW, new_staff())

    created = User.objects.get(username="nkemelu")
    entry = AuditEntry.objects.get(action=AuditEntry.Action.CREATE, object_type="access.user")
    assert entry.actor == admin
    assert entry.object_id == str(created.pk)
    assert "password" in entry.fields
    assert STRONG not in str(entry.fields) + entry.purpose


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short pw", "This password is too short."),
        ("password1234", "This password is too common."),
        ("839201746583", "This password is entirely numeric."),
        ("ada.nkemelu.org", "too similar"),
    ],
)
def test_initial_password_must_pass_the_password_rules(admin_client, password, message):
    response = admin_client.post(STAFF_NEW, new_staff(password=password, password_again=password))

    page = response.content.decode()
    assert message in page
    assert 'id="id_password_error"' in page
    assert not User.objects.filter(username="nkemelu").exists()


def test_the_two_passwords_must_match(admin_client):
    response = admin_client.post(STAFF_NEW, new_staff(password_again=STRONG + "!"))

    assert "The two passwords are not the same." in response.content.decode()
    assert not User.objects.filter(username="nkemelu").exists()


def test_usernames_are_unique_whatever_the_case(cast, admin_client):
    response = admin_client.post(STAFF_NEW, new_staff(username="CASEWORKER"))

    assert "Another account already uses this username." in response.content.decode()


def test_the_new_account_can_sign_in(admin_client, client):
    reset()
    admin_client.post(STAFF_NEW, new_staff())

    response = client.post(reverse("login"), {"username": "nkemelu", "password": STRONG})

    assert response.status_code == 302


# Editing an account ------------------------------------------------------------------------


def test_changing_role_supervisor_and_teams(cast, admin_client):
    user = cast.outsider
    response = admin_client.post(
        edit_url(user),
        edit_data(user, role=Role.CRISIS_WORKER, supervisor=cast.supervisor.pk, teams=[cast.team.pk]),
    )

    assert response["Location"] == edit_url(user)
    user.refresh_from_db()
    assert user.role == Role.CRISIS_WORKER
    assert user.supervisor == cast.supervisor
    assert list(user.teams.all()) == [cast.team]
    entry = AuditEntry.objects.get(action=AuditEntry.Action.UPDATE, object_type="access.user")
    assert set(entry.fields) == {"role", "supervisor", "teams"}


def test_closing_an_account_stops_its_access(cast, admin_client):
    person = PersonFactory()
    assign(cast.outsider, person)

    admin_client.post(edit_url(cast.outsider), edit_data(cast.outsider, is_active=""))

    cast.outsider.refresh_from_db()
    assert not cast.outsider.is_active
    assert not policy.can_view_person(cast.outsider, person)


def test_removing_someone_from_a_team_removes_team_access(cast, admin_client):
    person = PersonFactory()
    assign(cast.teammate, person)
    assert policy.can_view_person(cast.caseworker, person)

    admin_client.post(edit_url(cast.caseworker), edit_data(cast.caseworker, teams=[]))

    assert not policy.can_view_person(cast.caseworker, person)


def test_an_administrator_cannot_close_their_own_account(admin, admin_client):
    response = admin_client.post(edit_url(admin), edit_data(admin, is_active=""))

    assert "You cannot close your own account." in response.content.decode()
    admin.refresh_from_db()
    assert admin.is_active


def test_nobody_supervises_themselves(cast, admin):
    with pytest.raises(ValidationError):
        services.staff_update(
            actor=admin,
            staff=cast.supervisor,
            role=Role.SUPERVISOR,
            supervisor=cast.supervisor,
            is_active=True,
            teams=[],
        )


def test_saving_without_changes_writes_no_audit_entry(cast, admin_client):
    admin_client.post(edit_url(cast.teammate), edit_data(cast.teammate))

    assert not AuditEntry.objects.filter(action=AuditEntry.Action.UPDATE).exists()


def test_unknown_staff_member_is_not_found(admin_client):
    assert admin_client.get(reverse("access:staff_edit", args=[999999])).status_code == 404


# Caseloads by record number -----------------------------------------------------------------


def test_assigning_by_record_number_shows_only_that_the_record_exists(cast, admin_client):
    person = PersonFactory(given_name="Thandiwe", family_name="Mokoena")
    url = reverse("access:assignment_add", args=[cast.outsider.pk])

    response = admin_client.post(url, {"person_id": person.pk, "kind": "primary"}, follow=True)

    page = html.unescape(response.content.decode())
    assert f"Record {person.pk} exists and is now on outsider's caseload." in page
    assert "Mokoena" not in page and "Thandiwe" not in page
    assert policy.can_view_person(cast.outsider, person)
    entry = AuditEntry.objects.get(object_type="access.assignment")
    assert entry.person_id == person.pk


def test_the_staff_page_shows_record_numbers_not_names(cast, admin_client):
    person = PersonFactory(given_name="Thandiwe", family_name="Mokoena")
    assign(cast.caseworker, person)

    page = admin_client.get(edit_url(cast.caseworker)).content.decode()

    assert f"<td>{person.pk}</td>" in page
    assert "Mokoena" not in page


def test_unknown_record_number_is_explained(cast, admin_client):
    response = admin_client.post(
        reverse("access:assignment_add", args=[cast.outsider.pk]), {"person_id": 999999, "kind": "primary"}
    )

    assert "There is no person record with this number." in response.content.decode()
    assert not Assignment.objects.exists()


def test_the_same_person_is_not_assigned_twice(cast, admin_client):
    person = PersonFactory()
    assign(cast.outsider, person)

    response = admin_client.post(
        reverse("access:assignment_add", args=[cast.outsider.pk]),
        {"person_id": person.pk, "kind": "secondary"},
    )

    assert "already on their caseload" in response.content.decode()
    assert Assignment.objects.count() == 1


def test_roles_without_a_caseload_cannot_be_assigned_people(cast, admin_client):
    response = admin_client.post(
        reverse("access:assignment_add", args=[cast[Role.EVALUATOR].pk]),
        {"person_id": PersonFactory().pk, "kind": "primary"},
    )

    assert "does not hold a caseload" in response.content.decode()
    assert not Assignment.objects.exists()


def test_ending_an_assignment_removes_access_from_today(cast, admin_client):
    person = PersonFactory()
    assignment = assign(cast.outsider, person)
    url = reverse("access:assignment_end", args=[assignment.pk])

    assert admin_client.get(url).status_code == 405
    response = admin_client.post(url)

    assert response["Location"] == edit_url(cast.outsider)
    assignment.refresh_from_db()
    assert assignment.ended_on == timezone.localdate()
    assert not policy.can_view_person(cast.outsider, person)
    assert AuditEntry.objects.filter(action=AuditEntry.Action.UPDATE, fields=["ended_on"]).exists()


# Sensitive-segment grants -------------------------------------------------------------------


def test_granting_a_segment_with_reason_and_expiry(cast, admin, admin_client):
    last_day = timezone.localdate() + timedelta(days=30)

    response = admin_client.post(
        reverse("access:grant_add", args=[cast.caseworker.pk]),
        {
            "segment": Segment.SUBSTANCE_USE,
            "reason": "Covers the recovery group",
            "expires_on": last_day.isoformat(),
        },
    )

    assert response["Location"] == edit_url(cast.caseworker)
    made = SegmentGrant.objects.get()
    assert made.granted_by == admin
    assert timezone.localtime(made.expires_at).date() == last_day + timedelta(days=1)
    assert policy.can_view_segment(cast.caseworker, Segment.SUBSTANCE_USE)
    entry = AuditEntry.objects.get(action=AuditEntry.Action.GRANT)
    assert entry.purpose == "Covers the recovery group"


def test_a_grant_needs_a_reason_and_no_past_expiry(cast, admin_client):
    response = admin_client.post(
        reverse("access:grant_add", args=[cast.caseworker.pk]),
        {"segment": Segment.SCHOOL, "reason": "", "expires_on": "2001-01-01"},
    )

    page = response.content.decode()
    assert 'id="id_reason_error"' in page
    assert "The last day of access cannot be in the past." in page
    assert not SegmentGrant.objects.exists()


def test_an_administrator_cannot_grant_themselves(admin, admin_client):
    response = admin_client.post(
        reverse("access:grant_add", args=[admin.pk]), {"segment": Segment.PSYCHOTHERAPY, "reason": "curious"}
    )

    assert "nobody grants access to themselves" in response.content.decode()
    assert not SegmentGrant.objects.exists()


def test_revoking_a_grant(cast, admin_client):
    given = grant(cast.caseworker, Segment.SCHOOL)
    url = reverse("access:grant_revoke", args=[given.pk])

    assert admin_client.get(url).status_code == 405
    response = admin_client.post(url)

    assert response["Location"] == edit_url(cast.caseworker)
    assert not policy.can_view_segment(cast.caseworker, Segment.SCHOOL)
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.REVOKE, object_type="access.segmentgrant"
    ).exists()


# Teams -------------------------------------------------------------------------------------


def test_team_list_shows_members(cast, admin_client):
    page = admin_client.get(TEAMS).content.decode()

    assert "North team" in page
    assert "2:" in page
    assert "teammate" in page


def test_creating_a_team(admin_client):
    response = admin_client.post(
        reverse("access:team_create"), {"name": "Youth outreach", "description": "Eastside"}
    )

    assert response["Location"] == TEAMS
    assert Team.objects.filter(name="Youth outreach").exists()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.CREATE, object_type="access.team").exists()


def test_team_names_are_unique(cast, admin_client):
    response = admin_client.post(reverse("access:team_create"), {"name": "north TEAM"})

    assert "A team with this name already exists." in response.content.decode()
    assert Team.objects.count() == 1


# Helping a locked-out colleague -------------------------------------------------------------


def test_forgetting_a_lost_authenticator_makes_them_enrol_again(cast, admin_client, settings):
    TOTPDevice.objects.create(user=cast.caseworker, name="old phone", confirmed=True)
    assert "<dd>set up</dd>" in admin_client.get(edit_url(cast.caseworker)).content.decode()

    admin_client.post(edit_url(cast.caseworker), edit_data(cast.caseworker, reset_authenticator="on"))

    assert not TOTPDevice.objects.filter(user=cast.caseworker).exists()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.UPDATE, fields=["authenticator"]).exists()
    settings.TAPESTRY_DEMO_OTP_BYPASS = False
    assert client_for(cast.caseworker).get(reverse("front:home"))["Location"] == reverse("access:otp_enrol")


def test_unlocking_sign_in_after_too_many_failures(cast, admin_client, client, settings):
    reset()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "teammate", "password": "wrong"})
    assert client.post(reverse("login"), {"username": "teammate", "password": TEST_PASSWORD}).status_code in (
        403,
        429,
    )

    admin_client.post(edit_url(cast.teammate), edit_data(cast.teammate, unlock_sign_in="on"))

    assert (
        client.post(reverse("login"), {"username": "teammate", "password": TEST_PASSWORD}).status_code == 302
    )
    assert AuditEntry.objects.filter(action=AuditEntry.Action.UPDATE, fields=["failed_sign_ins"]).exists()


@pytest.mark.parametrize(
    "name",
    ["staff_list", "staff_create", "staff_edit", "assignment_add", "grant_add", "team_list", "team_create"],
)
def test_every_staff_page_renders_for_an_administrator(cast, admin_client, name):
    args = [cast.caseworker.pk] if name in {"staff_edit", "assignment_add", "grant_add"} else []

    response = admin_client.get(reverse(f"access:{name}", args=args))

    assert response.status_code == 200
    assert response.content.decode().count("<h1>") == 1
