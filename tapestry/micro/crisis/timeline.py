"""What crisis work adds to a person's timeline: risk assessments, the safety plan, follow-ups, escalations."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.access.policy import Capability
from tapestry.micro.cases.hooks import TimelineEvent
from tapestry.micro.crisis.models import FollowUp, RiskAssessment, SafetyPlan
from tapestry.people.models import Person


def _assessment_events(user: User, person: Person) -> list[TimelineEvent]:
    assessments = policy.visible(user, RiskAssessment.objects.filter(case__person=person))
    return [
        TimelineEvent(
            when=assessment.assessed_at,
            kind="risk assessment",
            title=gettext("Risk assessment: %(level)s risk")
            % {"level": assessment.get_highest_level_display().lower()},
            detail=assessment.trigger_note,
            url=reverse("crisis:risk_assessment_detail", args=[assessment.pk]),
            case_id=assessment.case_id,
        )
        for assessment in assessments
    ]


def _plan_events(user: User, person: Person) -> list[TimelineEvent]:
    events = []
    for plan in policy.visible(user, SafetyPlan.objects.filter(case__person=person)):
        url = reverse("crisis:safety_plan", args=[plan.case_id])
        events.append(
            TimelineEvent(
                plan.created_at, "safety plan", gettext("Safety plan written"), "", url, plan.case_id
            )
        )
        if plan.version > 1:
            events.append(
                TimelineEvent(
                    plan.updated_at,
                    "safety plan",
                    gettext("Safety plan revised (version %(version)s)") % {"version": plan.version},
                    "",
                    url,
                    plan.case_id,
                )
            )
    return events


def _follow_up_events(user: User, person: Person) -> list[TimelineEvent]:
    events = []
    follow_ups = policy.visible(user, FollowUp.objects.filter(case__person=person)).select_related(
        "owner", "escalation"
    )
    for follow_up in follow_ups:
        url = reverse("crisis:case_index", args=[follow_up.case_id])
        owner = follow_up.owner.get_full_name() or follow_up.owner.username
        events.append(
            TimelineEvent(
                follow_up.set_at,
                "follow-up",
                gettext("Urgent follow-up set: %(title)s") % {"title": follow_up.title},
                gettext("Due %(when)s, %(owner)s")
                % {"when": f"{timezone.localtime(follow_up.due_at):%Y-%m-%d %H:%M}", "owner": owner},
                url,
                follow_up.case_id,
            )
        )
        if follow_up.done_at:
            events.append(
                TimelineEvent(
                    follow_up.done_at,
                    "follow-up",
                    gettext("Follow-up done: %(title)s") % {"title": follow_up.title},
                    follow_up.outcome,
                    url,
                    follow_up.case_id,
                )
            )
        escalation = getattr(follow_up, "escalation", None) if hasattr(follow_up, "escalation") else None
        if escalation is not None:
            events.append(
                TimelineEvent(
                    escalation.escalated_at,
                    "escalation",
                    gettext("Missed follow-up escalated: %(title)s") % {"title": follow_up.title},
                    escalation.reason,
                    url,
                    follow_up.case_id,
                )
            )
    return events


def timeline_events(*, user: User, person: Person) -> list[TimelineEvent]:
    if not policy.has_capability(user, Capability.PERSON_READ):
        return []
    return _assessment_events(user, person) + _plan_events(user, person) + _follow_up_events(user, person)
