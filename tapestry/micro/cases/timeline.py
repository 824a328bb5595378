"""What cases add to a person's timeline: cases opened, put on hold and closed, and need status changes."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.micro.cases.hooks import TimelineEvent
from tapestry.micro.cases.models import Case, CaseNeedChange
from tapestry.micro.cases.selectors import cases_visible
from tapestry.people.models import Person


def _case_events(case: Case) -> list[TimelineEvent]:
    """The case opening, its hold (while it lasts) and its closing, as (when, title, detail)."""
    moments = [
        (
            case.opened_on,
            gettext("Case %(number)s opened: %(type)s")
            % {"number": case.number, "type": case.get_case_type_display()},
            case.referral_source and gettext("Referred by %(source)s") % {"source": case.referral_source},
        )
    ]
    if case.status == Case.Status.ON_HOLD and case.on_hold_since:
        moments.append(
            (
                case.on_hold_since,
                gettext("Case %(number)s put on hold") % {"number": case.number},
                case.hold_reason,
            )
        )
    if case.closed_on:
        title = gettext("Case %(number)s closed: %(reason)s") % {
            "number": case.number,
            "reason": case.get_closing_reason_display(),
        }
        moments.append((case.closed_on, title, case.closing_note))
    url = reverse("cases:case_detail", args=[case.pk])
    return [
        TimelineEvent(when=when, kind="case", title=title, detail=detail, url=url, case_id=case.pk)
        for when, title, detail in moments
    ]


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
        barrier = (
            gettext("Barrier: %(barrier)s") % {"barrier": change.barrier.label} if change.barrier else ""
        )
        events.append(
            TimelineEvent(
                when=change.changed_at,
                kind="need",
                title=gettext("%(need)s: %(status)s")
                % {"need": change.case_need.need.label, "status": change.get_status_display().lower()},
                detail=" · ".join(part for part in (barrier, change.note) if part),
                url=reverse("cases:case_detail", args=[case.pk]),
                case_id=case.pk,
            )
        )
    return events
