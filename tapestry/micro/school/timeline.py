"""What school social work adds to a person's timeline: enrolments, alerts, incidents, the plan."""

from __future__ import annotations

from django.db.models import Q
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.micro.cases.hooks import TimelineEvent
from tapestry.micro.school.models import (
    BehaviourIncident,
    EducationSupportPlan,
    FamilyEngagement,
    Student,
    TruancyAlert,
)
from tapestry.people.models import Person

KIND = "school"


def timeline_events(*, user: User, person: Person) -> list[TimelineEvent]:
    """Five queries whatever the history; a viewer without the school grant gets nothing."""
    events: list[TimelineEvent] = []
    students = policy.visible(user, Student.objects.filter(Q(case__person=person) | Q(person=person)))
    for student in students.select_related("school", "person"):
        events.append(
            TimelineEvent(
                when=student.enrolled_on,
                kind=KIND,
                title=gettext("Enrolled at %(school)s, grade %(grade)s")
                % {"school": student.school, "grade": student.grade},
                detail="" if student.person_id == person.pk else f"{student.person.display_name}",
                url=reverse("school:student_detail", args=[student.pk]),
                case_id=student.case_id,
            )
        )
    alerts = policy.visible(user, TruancyAlert.objects.filter(student__case__person=person))
    for alert in alerts.select_related("student"):
        events.append(
            TimelineEvent(
                when=alert.raised_on,
                kind=KIND,
                title=gettext("Truancy alert: %(count)s unexcused absences")
                % {"count": alert.unexcused_absences},
                detail=gettext("Open")
                if alert.is_open
                else gettext("Followed up: %(note)s") % {"note": truncatechars(alert.follow_up_note, 120)},
                url=reverse("school:student_detail", args=[alert.student_id]),
                case_id=alert.student.case_id,
            )
        )
    for incident in policy.visible(user, BehaviourIncident.objects.filter(case__person=person)):
        events.append(
            TimelineEvent(
                when=incident.occurred_on,
                kind=KIND,
                title=gettext("School incident: %(kind)s") % {"kind": incident.get_kind_display()},
                detail=truncatechars(incident.description, 140),
                url=reverse("school:case_index", args=[incident.case_id]),
                case_id=incident.case_id,
            )
        )
    for plan in policy.visible(user, EducationSupportPlan.objects.filter(case__person=person)):
        events.append(
            TimelineEvent(
                when=plan.created_at,
                kind=KIND,
                title=gettext("Education support plan written"),
                detail=gettext("Review due %(on)s") % {"on": f"{plan.review_on:%Y-%m-%d}"},
                url=reverse("school:support_plan", args=[plan.case_id]),
                case_id=plan.case_id,
            )
        )
    entries = policy.visible(user, FamilyEngagement.objects.filter(plan__case__person=person))
    for entry in entries.select_related("plan"):
        events.append(
            TimelineEvent(
                when=entry.occurred_on,
                kind=KIND,
                title=gettext("Family contact (%(method)s) with %(with)s")
                % {"method": entry.get_method_display().lower(), "with": entry.contact_with},
                detail=truncatechars(entry.summary, 140),
                url=reverse("school:support_plan", args=[entry.plan.case_id]),
                case_id=entry.plan.case_id,
            )
        )
    return events
