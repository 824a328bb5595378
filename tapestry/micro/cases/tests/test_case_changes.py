"""Changing a case: edit with optimistic concurrency, put on hold, reopen, close with a reason."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import AuditEntry, Segment
from tapestry.micro.cases.models import Case
from tapestry.programs.models import Program
from tapestry.testing import client_for, grant, open_case

pytestmark = pytest.mark.django_db


def edit(case: Case, **overrides: object) -> dict:
    return {
        "version": case.version,
        "case_type": case.case_type,
        "presenting_problem": case.presenting_problem,
        "referral_source": case.referral_source,
        "worker": case.worker_id,
        "program": case.program_id or "",
        "household": case.household_id or "",
        **overrides,
    }


def test_edit_saves_the_changes_and_records_which_fields(cast):
    case = open_case(cast.caseworker)
    program = Program.objects.create(name="Family Support")

    response = client_for(cast.caseworker).post(
        reverse("cases:case_edit", args=[case.pk]),
        edit(case, presenting_problem="Rent arrears and a broken boiler.", program=program.pk),
    )

    case.refresh_from_db()
    assert response.status_code == 302
    assert (case.presenting_problem, case.program, case.version) == (
        "Rent arrears and a broken boiler.",
        program,
        2,
    )
    entry = AuditEntry.objects.filter(action="update", object_type="cases.case").latest("id")
    assert entry.fields == ["presenting_problem", "program"]


def test_a_stale_edit_is_refused_with_a_conflict_and_nothing_is_overwritten(cast):
    case = open_case(cast.caseworker, presenting_problem="First version.")
    client = client_for(cast.caseworker)
    stale = edit(case, presenting_problem="My edit from an old page.")
    client_for(cast.teammate).post(
        reverse("cases:case_edit", args=[case.pk]), edit(case, presenting_problem="The teammate's edit.")
    )

    response = client.post(reverse("cases:case_edit", args=[case.pk]), stale)

    case.refresh_from_db()
    assert response.status_code == 409
    assert "Someone else changed this record" in response.content.decode()
    assert case.presenting_problem == "The teammate's edit."


def test_changing_the_type_into_another_segment_is_refused(cast):
    grant(cast.caseworker, Segment.SUBSTANCE_USE)
    case = open_case(cast.caseworker, case_type="counselling")

    response = client_for(cast.caseworker).post(
        reverse("cases:case_edit", args=[case.pk]), edit(case, case_type="substance_use")
    )

    case.refresh_from_db()
    assert response.context["form"].errors["case_type"]
    assert case.case_type == "counselling"


def test_a_new_worker_gets_the_person_on_their_caseload(cast):
    case = open_case(cast.caseworker)

    client_for(cast.caseworker).post(
        reverse("cases:case_edit", args=[case.pk]), edit(case, worker=cast.teammate.pk)
    )

    case.refresh_from_db()
    assert case.worker == cast.teammate
    assert cast.teammate.assignments.filter(person=case.person, ended_on__isnull=True).exists()


def test_put_on_hold_and_take_off_hold(cast):
    case = open_case(cast.caseworker)
    client = client_for(cast.caseworker)

    client.post(reverse("cases:case_hold", args=[case.pk]), {"version": 1, "reason": "In hospital"})
    case.refresh_from_db()
    held = (case.status, case.on_hold_since, case.hold_reason)
    client.post(reverse("cases:case_reopen", args=[case.pk]), {"version": case.version})
    case.refresh_from_db()

    assert held == ("on_hold", timezone.localdate(), "In hospital")
    assert (case.status, case.on_hold_since, case.hold_reason) == ("open", None, "")


def test_close_needs_a_reason_by_the_field(cast):
    case = open_case(cast.caseworker)

    response = client_for(cast.caseworker).post(reverse("cases:case_close", args=[case.pk]), {"version": 1})

    case.refresh_from_db()
    assert response.context["form"].errors["closing_reason"]
    assert case.status == "open"


def test_close_with_a_reason_then_reopen(cast):
    case = open_case(cast.caseworker)
    client = client_for(cast.caseworker)

    client.post(
        reverse("cases:case_close", args=[case.pk]),
        {"version": 1, "closing_reason": "goals_met", "closing_note": "Rehoused."},
    )
    case.refresh_from_db()
    closed = (case.status, case.closing_reason, case.closing_note, case.closed_on)
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    client.post(reverse("cases:case_reopen", args=[case.pk]), {"version": case.version})
    case.refresh_from_db()

    assert closed == ("closed", "goals_met", "Rehoused.", timezone.localdate())
    assert "Goals met" in page and "Reopen the case" in page
    assert (case.status, case.closing_reason, case.closed_on) == ("open", "", None)


def test_a_stale_close_is_refused(cast):
    case = open_case(cast.caseworker)
    client_for(cast.teammate).post(reverse("cases:case_hold", args=[case.pk]), {"version": 1, "reason": ""})

    response = client_for(cast.caseworker).post(
        reverse("cases:case_close", args=[case.pk]), {"version": 1, "closing_reason": "moved"}
    )

    case.refresh_from_db()
    assert response.status_code == 409
    assert case.status == "on_hold"


def test_a_closed_case_is_not_edited_until_reopened(cast):
    case = open_case(cast.caseworker, status="closed", closing_reason="moved")

    response = client_for(cast.caseworker).get(reverse("cases:case_edit", args=[case.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("cases:case_detail", args=[case.pk])


def test_only_an_open_case_goes_on_hold(cast):
    case = open_case(cast.caseworker, status="closed", closing_reason="moved")

    response = client_for(cast.caseworker).post(reverse("cases:case_hold", args=[case.pk]), {"version": 1})

    case.refresh_from_db()
    assert "Only an open case can be put on hold." in response.content.decode()
    assert case.status == "closed"


def test_an_outsider_cannot_close_a_case(cast):
    case = open_case(cast.caseworker)

    response = client_for(cast.outsider).post(
        reverse("cases:case_close", args=[case.pk]), {"version": 1, "closing_reason": "moved"}
    )

    case.refresh_from_db()
    assert response.status_code == 403
    assert case.status == "open"


def test_a_case_in_a_program_that_has_since_closed_can_still_be_edited(cast):
    closed = Program.objects.create(name="Winter Warmth 2024", is_active=False)
    case = open_case(cast.caseworker, program=closed)

    response = client_for(cast.caseworker).post(
        reverse("cases:case_edit", args=[case.pk]), edit(case, referral_source="GP")
    )

    case.refresh_from_db()
    assert response.status_code == 302
    assert (case.program, case.referral_source) == (closed, "GP")


def test_opening_the_edit_form_is_an_audited_read_and_saving_it_is_audited_once_as_the_write(cast):
    case = open_case(cast.caseworker)
    client = client_for(cast.caseworker)
    url = reverse("cases:case_edit", args=[case.pk])

    client.get(url)
    opened = AuditEntry.objects.exclude(action="login").latest("id")
    before = opened.id
    client.post(url, edit(case, presenting_problem="Rent arrears."))

    assert (opened.action, opened.object_type, opened.object_id, opened.person_id) == (
        "view",
        "cases.case",
        str(case.pk),
        case.person_id,
    )
    assert opened.purpose == "form: change the case" and opened.fields == ["case", "name"]
    written = AuditEntry.objects.filter(id__gt=before).exclude(action="login")
    assert list(written.values_list("action", flat=True)) == ["update"]
