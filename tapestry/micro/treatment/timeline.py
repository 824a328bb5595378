"""What treatment adds to a person's timeline: the plan, medication check-ins, team notes, releases."""

from __future__ import annotations

from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.micro.cases.hooks import TimelineEvent
from tapestry.micro.treatment.models import MedicationCheckin, Release, TeamNote, TreatmentPlan
from tapestry.people.models import Person

KIND = "treatment"


def timeline_events(*, user: User, person: Person) -> list[TimelineEvent]:
    """Four queries whatever the history; substance-use records only for viewers granted them."""
    events: list[TimelineEvent] = []
    for plan in policy.visible(user, TreatmentPlan.objects.filter(case__person=person)):
        events.append(
            TimelineEvent(
                when=plan.created_at,
                kind=KIND,
                title=gettext("Treatment plan written"),
                detail=gettext("Version %(version)s; review due %(on)s")
                % {"version": plan.version, "on": f"{plan.review_on:%Y-%m-%d}"},
                url=reverse("treatment:case_index", args=[plan.case_id]),
                case_id=plan.case_id,
            )
        )
    for checkin in policy.visible(user, MedicationCheckin.objects.filter(case__person=person)):
        events.append(
            TimelineEvent(
                when=checkin.checked_on,
                kind=KIND,
                title=gettext("Medication check-in: %(medication)s") % {"medication": checkin.medication},
                detail=checkin.get_adherence_display(),
                url=reverse("treatment:case_index", args=[checkin.case_id]),
                case_id=checkin.case_id,
            )
        )
    for note in policy.visible(user, TeamNote.objects.filter(case__person=person)):
        events.append(
            TimelineEvent(
                when=note.written_on,
                kind=KIND,
                title=gettext("Team note (%(discipline)s)")
                % {"discipline": note.get_discipline_display().lower()},
                detail=truncatechars(note.text, 140),
                url=reverse("treatment:case_index", args=[note.case_id]),
                case_id=note.case_id,
            )
        )
    releases = policy.visible(user, Release.objects.filter(case__person=person)).select_related("recipient")
    for release in releases:
        events.append(
            TimelineEvent(
                when=release.released_at,
                kind=KIND,
                title=gettext("Records released to %(recipient)s") % {"recipient": release.recipient},
                detail=f"{release.get_purpose_display()}: {', '.join(release.part_labels())}",
                url=reverse("treatment:release_detail", args=[release.pk]),
                case_id=release.case_id,
            )
        )
    return events
