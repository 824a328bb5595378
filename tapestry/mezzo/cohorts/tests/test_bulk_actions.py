"""One action over many members: each member checked and written on their own, every member reported."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import AuditEntry, Segment
from tapestry.mezzo.cohorts import services
from tapestry.mezzo.cohorts.models import CohortAction
from tapestry.mezzo.cohorts.tests.helpers import a_case, a_cohort, join, members, with_plan
from tapestry.micro.cases.models import CaseNeed
from tapestry.micro.casework.models import Goal, ProgressNote, Task
from tapestry.micro.referrals.models import Referral
from tapestry.micro.referrals.tests.helpers import consent, directory_service, recipient
from tapestry.needs.models import Need
from tapestry.testing import UserFactory, client_for

pytestmark = pytest.mark.django_db


def in_a_month():
    """Read when used, not when the module is imported: a run that passes midnight sees one day."""
    return timezone.localdate() + dt.timedelta(days=30)


def outcomes(report):
    return [(r.member.case_id, r.outcome, r.reason) for r in report.results]


def run(actor, cohort, item, chosen=None):
    return services.cohort_action_run(
        actor=actor, cohort=cohort, members=chosen or members(cohort), item=item
    )


def goal(**fields):
    fields = {
        "description": "Register with a family doctor",
        "measure": "Registered",
        "target": "Yes",
        "target_date": in_a_month(),
        **fields,
    }
    return services.GoalItem(**fields)


# Shared plan item ---------------------------------------------------------------------------


def test_a_shared_goal_goes_on_each_care_plan_and_cases_without_one_are_skipped(cast):
    planned = with_plan(a_case(cast.caseworker))
    unplanned = a_case(cast.caseworker)
    cohort = a_cohort(cast.caseworker, [planned, unplanned])

    report = run(cast.caseworker, cohort, goal())

    assert outcomes(report) == [(planned.pk, "done", ""), (unplanned.pk, "skipped", "no care plan")]
    added = Goal.objects.get()
    assert (added.plan.case, added.description) == (planned, "Register with a family doctor")
    assert added.plan.revisions.first().reason == "Shared goal added for the cohort"
    assert not Goal.objects.filter(plan__case=unplanned).exists()


def test_a_shared_goal_is_tied_to_each_members_own_record_of_the_need(cast):
    need = Need.objects.get(code="food-insecurity")
    with_need = with_plan(a_case(cast.caseworker))
    recorded = CaseNeed.objects.create(case=with_need, need=need)
    without = with_plan(a_case(cast.caseworker))
    cohort = a_cohort(cast.caseworker, [with_need, without])

    report = run(cast.caseworker, cohort, goal(need=need))

    assert [r.outcome for r in report.results] == ["done", "done"]
    assert list(Goal.objects.get(plan__case=with_need).needs.all()) == [recorded]
    assert not Goal.objects.get(plan__case=without).needs.exists()
    assert report.results[1].reason == f"{need.label} is not recorded on this case"


# Shared task --------------------------------------------------------------------------------


def test_a_shared_task_goes_to_each_cases_own_worker(cast):
    mine = a_case(cast.caseworker)
    theirs = a_case(cast.teammate)
    cohort = a_cohort(cast.caseworker, [mine, theirs])

    report = run(cast.caseworker, cohort, services.TaskItem(title="Book orientation", due_on=in_a_month()))

    assert [r.outcome for r in report.results] == ["done", "done"]
    owners = dict(Task.objects.values_list("case_id", "owner_id"))
    assert owners == {mine.pk: cast.caseworker.pk, theirs.pk: cast.teammate.pk}


def test_a_named_owner_must_be_able_to_open_each_case(cast):
    mine = a_case(cast.caseworker)
    cohort = a_cohort(cast.caseworker, [mine])

    shared = run(
        cast.caseworker, cohort, services.TaskItem(title="Call", due_on=in_a_month(), owner=cast.teammate)
    )
    stranger = UserFactory(username="elsewhere")
    refused = run(
        cast.caseworker, cohort, services.TaskItem(title="Call", due_on=in_a_month(), owner=stranger)
    )

    assert outcomes(shared) == [(mine.pk, "done", "")]
    assert Task.objects.get().owner == cast.teammate
    assert refused.results[0].outcome == "skipped"
    assert "cannot open this case, so cannot be its task owner" in refused.results[0].reason


def test_members_the_actor_may_not_change_are_skipped_and_left_untouched(cast):
    mine = a_case(cast.caseworker)
    other = a_case(cast.outsider)
    cohort = a_cohort(cast.caseworker, [mine])
    join(cohort, other)

    report = run(cast.caseworker, cohort, services.TaskItem(title="Book orientation", due_on=in_a_month()))

    assert outcomes(report) == [(mine.pk, "done", ""), (other.pk, "skipped", "you may not change this case")]
    assert not Task.objects.filter(case=other).exists()


# Bulk note ----------------------------------------------------------------------------------


def test_a_bulk_note_is_a_draft_contact_note_on_each_case(cast):
    first, second = a_case(cast.caseworker), a_case(cast.teammate)
    cohort = a_cohort(cast.caseworker, [first, second])

    report = run(
        cast.caseworker,
        cohort,
        services.BulkNote(text="Attended the group orientation at the library.", title="Orientation"),
    )

    assert [r.outcome for r in report.results] == ["done", "done"]
    notes = ProgressNote.objects.order_by("case_id")
    assert [(n.case_id, n.format, n.status, n.author_id) for n in notes] == [
        (first.pk, "contact", "draft", cast.caseworker.pk),
        (second.pk, "contact", "draft", cast.caseworker.pk),
    ]
    assert notes[0].text == "Attended the group orientation at the library."
    assert report.results[0].reason == "drafted, not signed"


# Bulk referral ------------------------------------------------------------------------------


def referral_item(service=None):
    return services.BulkReferral(service=service or directory_service(), reason="Please offer a place.")


def test_a_bulk_referral_is_sent_only_where_consent_is_on_file(cast):
    consenting = a_case(cast.caseworker)
    consent(consenting.person)
    silent = a_case(cast.caseworker)
    cohort = a_cohort(cast.caseworker, [consenting, silent])

    report = run(cast.caseworker, cohort, referral_item())

    assert outcomes(report) == [
        (consenting.pk, "done", "sent"),
        (silent.pk, "skipped", "no consent for referral on file"),
    ]
    assert Referral.objects.get(case=consenting).status == Referral.Status.SENT
    # Nothing half-written for the member who was refused: not even a recorded draft.
    assert not Referral.objects.filter(case=silent).exists()
    releases = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT)
    assert [e.person_id for e in releases] == [consenting.person_id]


def test_a_substance_use_case_without_written_consent_naming_the_recipient_is_skipped(cast):
    clinic = recipient()
    part2 = a_case(cast.caseworker, segment=Segment.SUBSTANCE_USE)
    consent(part2.person, segment=Segment.SUBSTANCE_USE, to=clinic, written=False)
    consent(part2.person, segment=Segment.SUBSTANCE_USE, written=True)  # open to anyone: not enough
    named = a_case(cast.caseworker, segment=Segment.SUBSTANCE_USE)
    consent(named.person, segment=Segment.SUBSTANCE_USE, to=clinic, written=True)
    cohort = a_cohort(cast.caseworker, [part2, named])

    report = run(cast.caseworker, cohort, referral_item())

    assert outcomes(report) == [
        (part2.pk, "skipped", "no consent for referral on file"),
        (named.pk, "done", "sent"),
    ]
    assert list(Referral.objects.values_list("case_id", "status")) == [(named.pk, "sent")]


# Every member on their own ------------------------------------------------------------------


def test_a_refused_member_in_the_middle_undoes_no_one_else(cast):
    first = with_plan(a_case(cast.caseworker))
    middle = with_plan(a_case(cast.caseworker))
    last = with_plan(a_case(cast.caseworker))
    cohort = a_cohort(cast.caseworker, [first, middle, last])
    # The middle case closes after joining: its write is refused, the others stand.
    middle.status, middle.closing_reason, middle.closed_on = "closed", "moved", timezone.localdate()
    middle.save()

    report = run(cast.caseworker, cohort, goal())

    assert outcomes(report) == [
        (first.pk, "done", ""),
        (middle.pk, "skipped", "case is closed"),
        (last.pk, "done", ""),
    ]
    assert sorted(Goal.objects.values_list("plan__case_id", flat=True)) == [first.pk, last.pk]


def test_each_action_is_kept_in_the_history_without_client_details_and_audited(cast):
    consenting = a_case(cast.caseworker)
    consent(consenting.person)
    cohort = a_cohort(cast.caseworker, [consenting, a_case(cast.caseworker)])
    service = directory_service()

    run(cast.caseworker, cohort, services.BulkReferral(service=service, reason="Ms Example needs help."))
    run(cast.caseworker, cohort, services.BulkNote(text="Private words about Ms Example.", title="Group"))

    referral_row, note_row = CohortAction.objects.order_by("id")
    assert (referral_row.kind, referral_row.done, referral_row.skipped, referral_row.actor) == (
        "referral",
        1,
        1,
        cast.caseworker,
    )
    assert referral_row.params == {
        "service": service.name,
        "service_id": service.pk,
        "urgency": "routine",
        "parts": ["identity"],
        "members": 2,
    }
    assert "Example" not in str(note_row.params)
    entries = AuditEntry.objects.filter(object_type="cohorts.cohortaction", action="create")
    assert entries.count() == 2
    assert entries.first().fields == ["done", "kind", "params", "skipped"]
    # The cohort page lists both, each by what it was about (a referral has no title).
    page = client_for(cast.caseworker).get(reverse("cohorts:cohort_detail", kwargs={"pk": cohort.pk}))
    assert page.status_code == 200
    history = page.content.decode()
    assert f"<td>{service.name}</td>" in history
    assert "<td>Group</td>" in history


# The page -----------------------------------------------------------------------------------


def test_the_action_page_offers_every_visible_member_ticked_and_reports_each_one(cast):
    planned = with_plan(a_case(cast.caseworker))
    unplanned = a_case(cast.caseworker)
    cohort = a_cohort(cast.caseworker, [planned, unplanned])
    client = client_for(cast.caseworker)
    url = reverse("cohorts:bulk_action", args=[cohort.pk, "goal"])

    form = client.get(url).content.decode()
    assert form.count('type="checkbox" name="members"') == 2
    assert len(re.findall(r'name="members" value="\d+"[^>]*checked', form)) == 2

    response = client.post(
        url,
        {
            "members": [m.pk for m in members(cohort)],
            "description": "Register with a family doctor",
            "measure": "Registered",
            "target": "Yes",
            "target_date": in_a_month().isoformat(),
        },
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert "<strong>1 done</strong>, <strong>1 skipped</strong>" in text
    assert planned.person.display_name in text and unplanned.person.display_name in text
    assert "no care plan" in text


def test_the_action_page_needs_a_member_and_its_own_fields(cast):
    cohort = a_cohort(cast.caseworker, [a_case(cast.caseworker)])

    response = client_for(cast.caseworker).post(
        reverse("cohorts:bulk_action", args=[cohort.pk, "task"]), {"title": ""}
    )

    text = response.content.decode()
    assert response.status_code == 400
    assert "Choose at least one member of the cohort." in text
    assert not CohortAction.objects.exists()


def test_an_unknown_action_is_not_found(cast):
    cohort = a_cohort(cast.caseworker, [a_case(cast.caseworker)])

    response = client_for(cast.caseworker).get(reverse("cohorts:bulk_action", args=[cohort.pk, "delete"]))

    assert response.status_code == 404
