"""What child welfare adds to a person's timeline; only staff granted the segment see any of it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import Segment, User
from tapestry.micro.cases.hooks import TimelineEvent
from tapestry.micro.child_welfare.models import Allegation, Hearing, Placement, Report, SafetyAssessment
from tapestry.micro.child_welfare.selectors import investigation_of, placement_carer_text
from tapestry.micro.child_welfare.views.form import _index
from tapestry.people.models import Person

KIND = "child welfare"


def _event(record: Any, when: dt.date | dt.datetime, title: str, url: str, detail: str = "") -> TimelineEvent:
    """A child-welfare event about `record`, on the timeline of its case."""
    return TimelineEvent(when=when, kind=KIND, title=title, detail=detail, url=url, case_id=record.case_id)


def _report_events(user: User, person: Person) -> list[TimelineEvent]:
    named = Allegation.objects.filter(child=person).values("report_id")
    reports = policy.visible(
        user, Report.objects.filter(Q(case__person=person) | Q(pk__in=named))
    ).select_related("investigation")
    events = []
    for report in reports:
        url = reverse("child_welfare:report_detail", kwargs={"pk": report.pk})
        screening = report.get_screening_display().lower()
        events.append(
            _event(
                report,
                report.received_at,
                gettext("Report %(number)s of suspected abuse or neglect received")
                % {"number": report.number},
                url,
                gettext("From: %(reporter_type)s; %(screening)s")
                % {"reporter_type": report.get_reporter_type_display().lower(), "screening": screening},
            )
        )
        if report.screened_at:
            events.append(
                _event(
                    report,
                    report.screened_at,
                    gettext("Report %(number)s %(screening)s")
                    % {"number": report.number, "screening": screening},
                    url,
                )
            )
        investigation = investigation_of(report)
        if investigation is not None:
            started = gettext("Investigation of report %(number)s started") % {"number": report.number}
            events.append(_event(report, investigation.started_on, started, url))
            if investigation.closed_on:
                events.append(
                    _event(
                        report,
                        investigation.closed_on,
                        gettext("Investigation of report %(number)s closed") % {"number": report.number},
                        url,
                        investigation.conclusion,
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
            _event(
                assessment,
                assessment.assessed_on,
                gettext("Safety assessment: %(decision)s")
                % {"decision": assessment.get_decision_display().lower()},
                reverse("child_welfare:safety_detail", kwargs={"pk": assessment.pk}),
            )
        )
    about = Q(case__person=person) | Q(child=person)
    placements = (
        policy.visible(user, Placement.objects.filter(about))
        .select_related("child", "carer_person", "carer_organisation")
        .annotate(carer_person_nameable=policy.nameable(user, "carer_person"))
    )
    for placement in placements:
        what = f"{placement.child}: {placement.get_placement_type_display().lower()}"
        url = _index(placement.case_id)
        detail = gettext("With %(carer)s. %(reason)s") % {
            "carer": placement_carer_text(placement),
            "reason": placement.reason,
        }
        events.append(
            _event(placement, placement.started_on, gettext("%(what)s began") % {"what": what}, url, detail)
        )
        if placement.ended_on:
            events.append(
                _event(
                    placement,
                    placement.ended_on,
                    gettext("%(what)s ended") % {"what": what},
                    url,
                    placement.end_reason,
                )
            )
    for hearing in policy.visible(user, Hearing.objects.filter(about)).select_related("court"):
        title = gettext("%(hearing_type)s hearing at %(court)s") % {
            "hearing_type": hearing.get_hearing_type_display(),
            "court": hearing.court,
        }
        events.append(_event(hearing, hearing.scheduled_at, title, _index(hearing.case_id), hearing.outcome))
    return events
