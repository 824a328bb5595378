"""When a child may be removed: a report to act on, an unsafe finding or a legal authority, under 21."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tapestry.micro.child_welfare import services
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


def place(worker, case, *, days_ago: int = 1, **extra) -> Placement:
    extra.setdefault("carer_person", child_of(worker))
    extra.setdefault("child", case.person)
    return services.placement_start(
        actor=worker,
        case=case,
        placement_type=Placement.Type.FOSTER,
        started_on=TODAY() - timedelta(days=days_ago),
        reason="Cannot stay at home tonight.",
        **extra,
    )


def refusal(worker, case, **extra) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as refused:
        place(worker, case, **extra)
    assert not Placement.objects.filter(case=case).exists()
    return refused.value.message_dict


def test_a_case_with_no_report_cannot_place(worker):
    case = cw_case(worker, young_child(worker))
    unsafe(case, days_ago=3)

    errors = refusal(worker, case)

    assert "There is no report on this case" in errors["case"][0]


def test_a_case_whose_only_report_was_screened_out_cannot_place(worker):
    case = cw_case(worker, young_child(worker))
    report_on(case, screening=Report.Screening.SCREENED_OUT, screening_reason="Below the threshold.")
    unsafe(case, days_ago=0)

    errors = refusal(worker, case, days_ago=0)

    assert "screened out or referred elsewhere" in errors["case"][0]
    assert "legal_authority" not in errors


def test_right_after_a_safe_assessment_the_child_is_not_removed_without_authority(worker):
    case = cw_case(worker, young_child(worker))
    report = report_on(case, screening=Report.Screening.SCREENED_IN)
    unsafe(case, days_ago=1, report=report, decision="safe")

    errors = refusal(worker, case, days_ago=0)

    assert errors["legal_authority"][0].startswith(
        f"The latest safety assessment ({TODAY() - timedelta(days=1):%Y-%m-%d}) found the child safe."
    )


def test_an_unsafe_finding_after_the_start_date_is_no_basis(worker):
    case = cw_case(worker, young_child(worker))
    report_on(case, screening=Report.Screening.SCREENED_IN, received_at=timezone.now() - timedelta(days=20))
    unsafe(case, days_ago=2)

    errors = refusal(worker, case, days_ago=10)

    assert "No safety assessment on this case found the child unsafe" in errors["legal_authority"][0]


def test_a_court_order_is_a_basis_without_an_unsafe_finding(worker):
    case = cw_case(worker, young_child(worker))
    report_on(case, screening=Report.Screening.SCREENED_IN)
    unsafe(case, days_ago=1, decision="safe")

    placement = place(
        worker,
        case,
        days_ago=0,
        legal_authority=Placement.Authority.COURT_ORDER,
        authority_on=TODAY(),
        authority_reference="Order FC-2026-118",
    )

    assert (placement.legal_authority, placement.authority_reference) == ("court_order", "Order FC-2026-118")


def test_emergency_custody_while_the_report_awaits_screening(worker):
    case = cw_case(worker, young_child(worker))
    report_on(case)

    placement = place(
        worker, case, days_ago=0, legal_authority=Placement.Authority.EMERGENCY_CUSTODY, authority_on=TODAY()
    )

    assert placement.is_open


def test_a_legal_authority_needs_its_date_on_or_before_the_start(worker):
    case = removal_case(worker)

    undated = refusal(worker, case, legal_authority=Placement.Authority.VOLUNTARY_AGREEMENT)
    later = refusal(
        worker, case, days_ago=3, legal_authority=Placement.Authority.COURT_ORDER, authority_on=TODAY()
    )

    assert undated["authority_on"] == ["Give the date of the voluntary placement agreement."]
    assert later["authority_on"] == [
        "The legal authority must be in place on or before the placement starts."
    ]


def test_an_unsafe_finding_is_a_basis_without_an_authority(worker):
    case = removal_case(worker)

    assert place(worker, case).legal_authority == ""


def test_a_person_aged_45_is_not_placed(worker):
    adult = child_of(worker, date_of_birth=TODAY() - timedelta(days=45 * 366))
    case = removal_case(worker)
    report_on(case, child=adult, screening=Report.Screening.SCREENED_IN)

    errors = refusal(worker, case, child=adult)

    assert errors["child"] == [
        f"{adult.display_name} was 45 on {TODAY() - timedelta(days=1):%Y-%m-%d}; "
        "a placement is for a child or young person under 21."
    ]


def test_twenty_is_in_age_and_twenty_one_is_not(worker):
    case = removal_case(worker)
    day = TODAY() - timedelta(days=1)
    turning_21 = child_of(worker, date_of_birth=day.replace(year=day.year - 21))
    still_20 = child_of(worker, date_of_birth=day.replace(year=day.year - 21) + timedelta(days=1))

    errors = refusal(worker, case, child=turning_21)

    assert "was 21" in errors["child"][0]
    assert place(worker, case, child=still_20).is_open


def test_a_child_without_a_date_of_birth_is_not_placed(worker):
    case = removal_case(worker)
    unknown = child_of(worker, date_of_birth=None)

    errors = refusal(worker, case, child=unknown)

    assert errors["child"][0].startswith(f"Record {unknown.display_name}'s date of birth")


def test_a_move_keeps_the_basis_of_the_removal(worker):
    case = removal_case(worker, assessed_days_ago=40)
    place(worker, case, days_ago=30)
    unsafe(case, days_ago=5, decision="conditionally_safe")

    moved = place(worker, case, days_ago=2, end_current=True, change_reason="Carer fell ill.")

    assert moved.is_open


def test_the_form_shows_the_missing_authority_by_its_field(worker):
    case = cw_case(worker, young_child(worker))
    report_on(case, screening=Report.Screening.SCREENED_IN)
    url = reverse("child_welfare:placement_create", args=[case.pk])
    data = {
        "child": case.person.pk,
        "placement_type": "foster",
        "carer_person": child_of(worker).pk,
        "started_on": TODAY().isoformat(),
        "reason": "Emergency.",
    }

    refused = client_for(worker).post(url, data)
    ordered = client_for(worker).post(
        url, {**data, "legal_authority": "court_order", "authority_on": TODAY().isoformat()}
    )

    assert refused.status_code == 200
    assert 'id="id_legal_authority_error"' in refused.content.decode()
    assert ordered.status_code == 302
    assert Placement.objects.get(case=case).legal_authority == "court_order"


def test_the_api_answers_400_with_the_field_and_returns_the_authority(worker):
    case = cw_case(worker, young_child(worker))
    report_on(case, screening=Report.Screening.SCREENED_IN)
    url = f"/api/v1/cases/{case.pk}/child-welfare/placements"
    body = {
        "child_id": case.person.pk,
        "placement_type": "kinship",
        "carer_person_id": child_of(worker).pk,
        "started_on": TODAY().isoformat(),
        "reason": "Grandmother can care.",
    }
    api = api_client(worker)

    refused = api.post(url, body, content_type="application/json")
    agreed = api.post(
        url,
        {**body, "legal_authority": "voluntary_agreement", "authority_on": TODAY().isoformat()},
        content_type="application/json",
    )
    unknown = api.post(url, {**body, "legal_authority": "police_said_so"}, content_type="application/json")

    assert refused.status_code == 400
    assert "legal_authority" in refused.json()["errors"]
    assert agreed.status_code == 201
    assert (agreed.json()["legal_authority"], agreed.json()["authority_on"]) == (
        "voluntary_agreement",
        TODAY().isoformat(),
    )
    assert unknown.status_code == 422
