"""A follow-up missed by its deadline is escalated once, to the owner's supervisor, and shows on their caseload."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from tapestry.access.models import AuditEntry, Role
from tapestry.micro.crisis import caseload
from tapestry.micro.crisis.models import Escalation
from tapestry.micro.crisis.services import follow_up_complete
from tapestry.micro.crisis.tasks import escalate_overdue_followups
from tapestry.micro.crisis.tests.factories import crisis_case, follow_up, overdue_follow_up
from tapestry.testing import UserFactory

pytestmark = pytest.mark.django_db


def run_command() -> str:
    out = StringIO()
    call_command("escalate_overdue_followups", stdout=out)
    return out.getvalue()


def escalated_titles(user) -> list[str]:
    return [a.title for a in caseload.caseload_alerts(user=user) if a.title.startswith("Escalated")]


def test_the_command_escalates_a_missed_follow_up_to_the_owners_supervisor(cast):
    missed = overdue_follow_up(cast.caseworker, crisis_case(cast.caseworker))

    output = run_command()

    escalation = Escalation.objects.get(follow_up=missed)
    assert list(escalation.recipients.all()) == [cast.supervisor]
    assert "1 overdue follow-up(s) escalated." in output
    assert f"follow-up {missed.pk} escalated to supervisor" in output


def test_running_it_again_escalates_nothing_more(cast):
    overdue_follow_up(cast.caseworker, crisis_case(cast.caseworker))
    run_command()

    output = run_command()

    assert Escalation.objects.count() == 1
    assert "0 overdue follow-up(s) escalated." in output
    assert AuditEntry.objects.filter(object_type="crisis.escalation").count() == 1


def test_the_task_does_the_same_and_says_how_many(cast):
    overdue_follow_up(cast.caseworker, crisis_case(cast.caseworker))

    first = escalate_overdue_followups.enqueue()
    second = escalate_overdue_followups.enqueue()

    assert (first.return_value, second.return_value) == (1, 0)


def test_only_the_owners_supervisor_is_told(cast):
    other_supervisor = UserFactory(username="south_supervisor", role=Role.SUPERVISOR)
    overdue_follow_up(cast.caseworker, crisis_case(cast.caseworker))

    run_command()

    assert escalated_titles(cast.supervisor) != []
    assert escalated_titles(other_supervisor) == []
    assert escalated_titles(cast.teammate) == []


def test_an_owner_without_a_supervisor_goes_to_every_supervisor(cast):
    other_supervisor = UserFactory(username="south_supervisor", role=Role.SUPERVISOR)
    missed = overdue_follow_up(cast.outsider, crisis_case(cast.outsider))

    run_command()

    recipients = set(Escalation.objects.get(follow_up=missed).recipients.all())
    assert recipients == {cast.supervisor, other_supervisor}


def test_a_supervisor_outside_the_caseload_sees_the_escalation_but_not_the_name(cast):
    missed = overdue_follow_up(cast.outsider, crisis_case(cast.outsider))
    run_command()

    [alert] = [a for a in caseload.caseload_alerts(user=cast.supervisor) if a.title.startswith("Escalated")]

    assert alert.person_name == "A client outside your caseload"
    assert missed.case.person.display_name not in alert.title
    assert alert.url.startswith("/access/")  # emergency access, reviewed like any other


def test_follow_ups_done_in_time_or_not_yet_due_are_left_alone(cast):
    case = crisis_case(cast.caseworker)
    done = overdue_follow_up(cast.caseworker, case)
    follow_up_complete(actor=cast.caseworker, follow_up=done, outcome="Reached her.")
    follow_up(cast.caseworker, case, hours=2)

    run_command()

    assert not Escalation.objects.exists()


def test_the_alert_names_the_owner_and_goes_away_once_the_follow_up_is_done(cast):
    missed = overdue_follow_up(cast.caseworker, crisis_case(cast.caseworker))
    run_command()
    owner = cast.caseworker.get_full_name()

    before = escalated_titles(cast.supervisor)
    follow_up_complete(actor=cast.supervisor, follow_up=missed, outcome="Called her myself.")
    after = escalated_titles(cast.supervisor)

    assert before == [f"Escalated: {owner} missed “Call back to check on safety”"]
    assert after == []


def test_the_escalation_is_audited_as_a_system_action(cast):
    missed = overdue_follow_up(cast.caseworker, crisis_case(cast.caseworker))

    run_command()

    entry = AuditEntry.objects.get(object_type="crisis.escalation")
    assert entry.actor is None
    assert entry.person_id == missed.case.person_id
    assert entry.purpose == "overdue urgent follow-up escalated"
