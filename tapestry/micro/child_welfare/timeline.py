"""What child welfare adds to a person's timeline; only staff granted the segment see any of it."""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse

from tapestry.access import policy
from tapestry.access.models import Segment, User
from tapestry.micro.cases.hooks import TimelineEvent
from tapestry.micro.child_welfare.models import Allegation, Hearing, Placement, Report, SafetyAssessment
from tapestry.micro.child_welfare.selectors import investigation_of, placement_carer_text
from tapestry.people.models import Person

KIND = "child welfare"


def _index(case_id: int) -> str:
    return reverse("child_welfare:case_index", kwargs={"case_pk": case_id})


def _report_events(user: User, person: Person) -> list[TimelineEvent]:
    named = Allegation.objects.filter(child=person).values("report_id")
    reports = policy.visible(
        user, Report.objects.filter(Q(case__person=person) | Q(pk__in=named))
    ).select_related("investigation")
    events = []
    for report in reports:
        url = reverse("child_welfare:report_detail", kwargs={"pk": report.pk})
        events.append(
            TimelineEvent(
                when=report.received_at,
                kind=KIND,
                title=f"Report {report.number} of suspected abuse or neglect received",
                detail=f"From: {report.get_reporter_type_display().lower()}; {report.get_screening_display().lower()}",
                url=url,
                case_id=report.case_id,
            )
        )
        if report.screened_at:
            events.append(
                TimelineEvent(
                    when=report.screened_at,
                    kind=KIND,
                    title=f"Report {report.number} {report.get_screening_display().lower()}",
                    url=url,
                    case_id=report.case_id,
                )
            )
        investigation = investigation_of(report)
        if investigation is not None:
            events.append(
                TimelineEvent(
                    when=investigation.started_on,
                    kind=KIND,
                    title=f"Investigation of report {report.number} started",
                    url=url,
                    case_id=report.case_id,
                )
            )
            if investigation.closed_on:
                events.append(
                    TimelineEvent(
                        when=investigation.closed_on,
                        kind=KIND,
                        title=f"Investigation of report {report.number} closed",
                        detail=investigation.conclusion,
                        url=url,
                        case_id=report.case_id,
                    )
                )
    return events


def timeline_events(*, user: User, person: Person) -> list[TimelineEvent]:
    """Reports, screening, investigations, safety decisions, placements and hearings about the person."""
    if not policy.can_view_segment(user, Segment.CHILD_WELFARE):
        return []
    events = _report_events(user, person)
    for assessment in policy.visible(user, SafetyAssessment.objects.filter(case__person=person)):
        events.append(
            TimelineEvent(
                when=assessment.assessed_on,
                kind=KIND,
                title=f"Safety assessment: {assessment.get_decision_display().lower()}",
                url=reverse("child_welfare:safety_detail", kwargs={"pk": assessment.pk}),
                case_id=assessment.case_id,
            )
        )
    about = Q(case__person=person) | Q(child=person)
    placements = (
        policy.visible(user, Placement.objects.filter(about))
        .select_related("child", "carer_person", "carer_organisation")
        .annotate(carer_person_nameable=policy.nameable(user, "carer_person"))
    )
    for placement in placements:
        events.append(
            TimelineEvent(
                when=placement.started_on,
                kind=KIND,
                title=f"{placement.child}: {placement.get_placement_type_display().lower()} began",
                detail=f"With {placement_carer_text(placement)}. {placement.reason}",
                url=_index(placement.case_id),
                case_id=placement.case_id,
            )
        )
        if placement.ended_on:
            events.append(
                TimelineEvent(
                    when=placement.ended_on,
                    kind=KIND,
                    title=f"{placement.child}: {placement.get_placement_type_display().lower()} ended",
                    detail=placement.end_reason,
                    url=_index(placement.case_id),
                    case_id=placement.case_id,
                )
            )
    for hearing in policy.visible(user, Hearing.objects.filter(about)).select_related("court"):
        events.append(
            TimelineEvent(
                when=hearing.scheduled_at,
                kind=KIND,
                title=f"{hearing.get_hearing_type_display()} hearing at {hearing.court}",
                detail=hearing.outcome,
                url=_index(hearing.case_id),
                case_id=hearing.case_id,
            )
        )
    return events
