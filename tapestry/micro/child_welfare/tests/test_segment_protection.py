"""Child-welfare records are their own segment: without the grant a worker sees none of them,
even for a family on their own caseload, in the pages, the API, the timeline, the caseload and the ecomap."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tapestry.access.models import AuditEntry, Segment, SegmentGrant
from tapestry.micro.cases.models import Case
from tapestry.micro.child_welfare import caseload, ecomap, timeline
from tapestry.micro.child_welfare.models import Hearing, Placement, SafetyAssessment
from tapestry.micro.child_welfare.tests.support import (
    api_client,
    court,
    cw_case,
    granted,
    investigated,
    report_on,
)
from tapestry.testing import assign, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def family(cast):
    """A child-welfare case held by a granted worker, with a report, an assessment, a placement and a hearing.
    The teammate has the same child on their own caseload but holds no grant."""
    worker = granted(cast.caseworker)
    case = cw_case(worker)
    assign(cast.teammate, case.person)
    report = investigated(case)
    assessment = SafetyAssessment.objects.create(
        case=case,
        assessed_by=worker,
        threats=[SafetyAssessment.Threat.BASIC_NEEDS],
        protective_capacities="Aunt nearby.",
        decision=SafetyAssessment.Decision.CONDITIONALLY_SAFE,
    )
    placement = Placement.objects.create(
        case=case,
        child=case.person,
        placement_type=Placement.Type.KINSHIP,
        carer_organisation=court("Kinship Support Service"),
        started_on=timezone.localdate(),
        reason="Plan could not hold.",
    )
    hearing = Hearing.objects.create(
        case=case,
        court=court(),
        hearing_type=Hearing.Type.REVIEW,
        scheduled_at=timezone.now() + timedelta(days=3),
    )
    return {
        "case": case,
        "report": report,
        "awaiting": report_on(case),
        "assessment": assessment,
        "placement": placement,
        "hearing": hearing,
    }


def pages(family) -> list[str]:
    return [
        reverse("child_welfare:case_index", args=[family["case"].pk]),
        reverse("child_welfare:report_detail", args=[family["report"].pk]),
        reverse("child_welfare:report_screen", args=[family["awaiting"].pk]),
        reverse("child_welfare:safety_detail", args=[family["assessment"].pk]),
        reverse("child_welfare:placement_end", args=[family["placement"].pk]),
        reverse("child_welfare:hearing_outcome", args=[family["hearing"].pk]),
        reverse("child_welfare:report_create", args=[family["case"].pk]),
        reverse("child_welfare:report_create_for_person", args=[family["case"].person_id]),
    ]


def api_reads(family) -> list[str]:
    case_id = family["case"].pk
    return [
        f"/api/v1/cases/{case_id}/child-welfare/reports",
        f"/api/v1/cases/{case_id}/child-welfare/placements",
        f"/api/v1/cases/{case_id}/child-welfare/hearings",
        f"/api/v1/cases/{case_id}/child-welfare/safety-assessments",
        f"/api/v1/child-welfare/reports/{family['report'].pk}",
        f"/api/v1/child-welfare/reports/{family['report'].pk}/investigation",
        f"/api/v1/child-welfare/safety-assessments/{family['assessment'].pk}",
    ]


def test_the_granted_worker_sees_every_page_and_read(cast, family):
    client, api = client_for(cast.caseworker), api_client(cast.caseworker)

    assert [client.get(url).status_code for url in pages(family)] == [200] * len(pages(family))
    assert [api.get(url).status_code for url in api_reads(family)] == [200] * len(api_reads(family))


def test_a_caseworker_with_the_child_on_caseload_but_no_grant_gets_403_on_every_page(cast, family):
    client = client_for(cast.teammate)

    for url in pages(family):
        response = client.get(url)
        assert response.status_code == 403, url
        assert family["case"].person.display_name not in response.content.decode()
    assert "segment grant" in client.get(pages(family)[1]).content.decode()


def test_without_the_grant_the_api_refuses_every_read_and_write(cast, family):
    api = api_client(cast.teammate)

    for url in api_reads(family):
        response = api.get(url)
        assert response.status_code == 403, url
        assert "child-welfare segment" in response.json()["detail"] or "segment" in response.json()["detail"]
    screening = api.post(
        f"/api/v1/child-welfare/reports/{family['report'].pk}/screening",
        {"version": 1, "decision": "screened_out", "reason": "No concern."},
        content_type="application/json",
    )
    assert screening.status_code == 403
    family["report"].refresh_from_db()
    assert family["report"].screening == "screened_in"


def test_without_the_grant_the_timeline_caseload_and_ecomap_hold_nothing(cast, family):
    person = family["case"].person
    Case.objects.filter(pk=family["case"].pk).update(worker=cast.teammate)

    assert timeline.timeline_events(user=cast.teammate, person=person) == []
    assert caseload.caseload_alerts(user=cast.teammate) == []
    assert ecomap.ecomap_links(user=cast.teammate, person=person) == []
    granted(cast.teammate)
    assert timeline.timeline_events(user=cast.teammate, person=person) != []
    assert caseload.caseload_alerts(user=cast.teammate) != []
    assert ecomap.ecomap_links(user=cast.teammate, person=person) != []


def test_a_grant_does_not_reach_past_the_caseload(cast, family):
    outsider = granted(cast.outsider)

    assert client_for(outsider).get(pages(family)[1]).status_code == 403
    assert api_client(outsider).get(api_reads(family)[4]).status_code == 403
    assert timeline.timeline_events(user=outsider, person=family["case"].person) == []


def test_a_revoked_or_expired_grant_closes_the_records_again(cast, family):
    grant = SegmentGrant.objects.get(user=cast.caseworker, segment=Segment.CHILD_WELFARE)
    url = pages(family)[0]
    grant.expires_at = timezone.now() - timedelta(minutes=1)
    grant.save()
    assert client_for(cast.caseworker).get(url).status_code == 403
    grant.expires_at = None
    grant.revoked_at = timezone.now()
    grant.save()
    assert client_for(cast.caseworker).get(url).status_code == 403


def test_records_keep_their_segment_when_the_case_is_moved_out_of_it(cast, family):
    """The segment is stored on each record, so re-labelling the case exposes nothing."""
    Case.objects.filter(pk=family["case"].pk).update(segment="")

    response = api_client(cast.teammate).get(f"/api/v1/cases/{family['case'].pk}/child-welfare/reports")

    assert response.status_code == 403
    assert timeline.timeline_events(user=cast.teammate, person=family["case"].person) == []


def test_a_refused_open_is_not_written_to_the_audit_log_as_a_view(cast, family):
    before = AuditEntry.objects.filter(
        action=AuditEntry.Action.VIEW, object_type="child_welfare.report"
    ).count()

    client_for(cast.teammate).get(pages(family)[1])
    client_for(cast.caseworker).get(pages(family)[1])

    views = AuditEntry.objects.filter(action=AuditEntry.Action.VIEW, object_type="child_welfare.report")
    assert views.count() == before + 1
    assert views.first().actor == cast.caseworker
