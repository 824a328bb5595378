"""A child-welfare case closes only when its work is done: no child in care, no report unscreened,
no unsafe finding left without a placement."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tapestry.micro.cases.models import Case
from tapestry.micro.cases.services import case_close
from tapestry.micro.child_welfare import closure, services
from tapestry.micro.child_welfare.models import Placement, Report
from tapestry.micro.child_welfare.tests.support import (
    api_client,
    child_of,
    cw_case,
    granted,
    removal_case,
    report_on,
    unsafe,
    young_child,
)
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture
def worker(cast):
    return granted(cast.caseworker)


def close(worker, case) -> Case:
    case.refresh_from_db()
    return case_close(actor=worker, case=case, reason=Case.ClosingReason.GOALS_MET, version=case.version)


def refused(worker, case) -> list[str]:
    with pytest.raises(ValidationError) as refusal:
        close(worker, case)
    case.refresh_from_db()
    assert case.status != Case.Status.CLOSED
    return refusal.value.message_dict["status"]


def placed(worker, case) -> Placement:
    return services.placement_start(
        actor=worker,
        case=case,
        child=case.person,
        placement_type=Placement.Type.FOSTER,
        carer_person=child_of(worker),
        started_on=TODAY() - timedelta(days=30),
        reason="Unsafe at home.",
    )


def test_a_case_with_a_child_still_in_care_does_not_close(worker):
    case = removal_case(worker)
    placement = placed(worker, case)

    blockers = refused(worker, case)
    services.placement_end(
        actor=worker, placement=placement, version=1, ended_on=TODAY(), end_reason="Reunified with mother."
    )

    assert blockers == [
        "1 child is still in a placement: end each placement (home, adoption, guardianship or a move) before closing."
    ]
    assert close(worker, case).status == Case.Status.CLOSED


def test_a_child_assessed_unsafe_and_never_placed_keeps_the_case_open(worker):
    case = removal_case(worker, assessed_days_ago=3)

    blockers = refused(worker, case)
    unsafe(case, days_ago=0, decision="safe")

    assert blockers == [
        f"The latest safety assessment ({TODAY() - timedelta(days=3):%Y-%m-%d}) found the child unsafe and no "
        "placement followed: place the child, or record a new assessment, before closing."
    ]
    assert close(worker, case).status == Case.Status.CLOSED


def test_a_report_awaiting_screening_keeps_the_case_open(worker):
    case = cw_case(worker, young_child(worker))
    report = report_on(case)
    report_on(case)

    blockers = refused(worker, case)
    for each in Report.objects.filter(case=case):
        services.report_screen(
            actor=worker,
            report=each,
            version=each.version,
            decision="screened_out",
            reason="No maltreatment.",
        )

    assert blockers == ["2 reports await screening: screen every report before closing."]
    assert report.pk and close(worker, case).status == Case.Status.CLOSED


def test_every_blocker_is_named_at_once(worker):
    case = removal_case(worker)
    placed(worker, case)
    report_on(case)

    assert len(refused(worker, case)) == 2


def test_staff_without_the_grant_learn_only_that_work_is_unfinished(worker, cast):
    case = removal_case(worker)
    report_on(case)

    told = closure.case_closure_blockers(actor=cast.supervisor, case=case)

    assert told == [
        "Child-welfare work on this case is unfinished; a worker granted child welfare must finish it first."
    ]
    assert closure.case_closure_blockers(actor=worker, case=case)[0].startswith("1 report awaits")


def test_the_close_form_and_the_api_give_the_reason(worker):
    case = removal_case(worker)
    placed(worker, case)
    case.refresh_from_db()

    page = client_for(worker).post(
        reverse("cases:case_close", args=[case.pk]),
        {"version": case.version, "closing_reason": "goals_met"},
    )
    answer = api_client(worker).post(
        f"/api/v1/cases/{case.pk}/close",
        {"version": case.version, "reason": "goals_met"},
        content_type="application/json",
    )

    assert page.status_code == 200
    assert "1 child is still in a placement" in page.content.decode()
    assert answer.status_code == 400
    assert "1 child is still in a placement" in answer.json()["errors"]["status"][0]
    case.refresh_from_db()
    assert case.status == Case.Status.OPEN


def test_a_case_with_nothing_outstanding_closes(worker):
    case = cw_case(worker, young_child(worker))
    report_on(case, screening=Report.Screening.SCREENED_OUT, screening_reason="Below the threshold.")

    assert close(worker, case).status == Case.Status.CLOSED
