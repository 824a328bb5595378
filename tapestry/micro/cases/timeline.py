"""What cases add to a person's timeline: cases opened, put on hold and closed, and need status changes."""

from __future__ import annotations

from django.urls import reverse

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.micro.cases.hooks import TimelineEvent
from tapestry.micro.cases.models import Case, CaseNeedChange
from tapestry.micro.cases.selectors import cases_visible
from tapestry.people.models import Person


def _case_events(case: Case) -> list[TimelineEvent]:
    url = reverse("cases:case_detail", args=[case.pk])
    kind = case.get_case_type_display()
    events = [
        TimelineEvent(
            when=case.opened_on,
            kind="case",
            title=f"Case {case.number} opened: {kind}",
            detail=case.referral_source and f"Referred by {case.referral_source}",
            url=url,
            case_id=case.pk,
        )
    ]
    if case.status == Case.Status.ON_HOLD and case.on_hold_since:
        events.append(
            TimelineEvent(
                when=case.on_hold_since,
                kind="case",
                title=f"Case {case.number} put on hold",
                detail=case.hold_reason,
                url=url,
                case_id=case.pk,
            )
        )
    if case.closed_on:
        events.append(
            TimelineEvent(
                when=case.closed_on,
                kind="case",
                title=f"Case {case.number} closed: {case.get_closing_reason_display()}",
                detail=case.closing_note,
                url=url,
                case_id=case.pk,
            )
        )
    return events


def timeline_events(*, user: User, person: Person) -> list[TimelineEvent]:
    events: list[TimelineEvent] = []
    for case in cases_visible(user).filter(person=person):
        events.extend(_case_events(case))
    changes = (
        policy.visible(user, CaseNeedChange.objects.filter(case_need__case__person=person))
        .select_related("case_need__need", "case_need__case", "barrier")
        .order_by("changed_at", "id")
    )
    for change in changes:
        case = change.case_need.case
        barrier = f"Barrier: {change.barrier.label}" if change.barrier else ""
        events.append(
            TimelineEvent(
                when=change.changed_at,
                kind="need",
                title=f"{change.case_need.need.label}: {change.get_status_display().lower()}",
                detail=" · ".join(part for part in (barrier, change.note) if part),
                url=reverse("cases:case_detail", args=[case.pk]),
                case_id=case.pk,
            )
        )
    return events
