"""What casework adds to a person's timeline: notes (title and format only), plan reviews, services."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext, pgettext

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.micro.cases.hooks import TimelineEvent
from tapestry.micro.casework.models import ProgressNote, ProgressReview, ServiceRecord
from tapestry.micro.casework.selectors import notes_visible
from tapestry.people.models import Person


def _note_state(note: ProgressNote) -> str:
    """'signed' or 'draft', with 'Psychotherapy note, ' before it for such a note (whole phrases, to
    translate)."""
    if note.is_psychotherapy:
        return (
            gettext("Psychotherapy note, signed") if note.is_signed else gettext("Psychotherapy note, draft")
        )
    return pgettext("note status", "signed") if note.is_signed else pgettext("note status", "draft")


def timeline_events(*, user: User, person: Person) -> list[TimelineEvent]:
    """The person's casework the user may see, in a fixed number of queries whatever the amount.

    Notes show their title and format, never their content; psychotherapy notes appear only to
    staff granted that segment (the policy filters them out for everyone else).
    """
    notes = (
        notes_visible(user)
        .filter(case__person=person)
        .only("pk", "case_id", "format", "title", "contact_date", "status", "segment")
    )
    events = [
        TimelineEvent(
            when=note.contact_date,
            kind="note",
            title=note.display_title,
            detail=_note_state(note),
            url=reverse("casework:note_detail", kwargs={"pk": note.pk}),
            case_id=note.case_id,
        )
        for note in notes
    ]
    reviews = policy.visible(user, ProgressReview.objects.filter(plan__case__person=person)).select_related(
        "plan"
    )
    events += [
        TimelineEvent(
            when=review.reviewed_on,
            kind="review",
            title=gettext("Care plan review"),
            detail=gettext("Overall progress %(rating)s of 5") % {"rating": review.overall_rating}
            if review.overall_rating
            else "",
            url=reverse("casework:plan_detail", kwargs={"case_pk": review.plan.case_id}),
            case_id=review.plan.case_id,
        )
        for review in reviews
    ]
    records = policy.visible(user, ServiceRecord.objects.filter(case__person=person))
    events += [
        TimelineEvent(
            when=record.delivered_on,
            kind="service",
            title=record.get_service_type_display(),
            detail=gettext("%(minutes)s minutes, %(modality)s")
            % {"minutes": record.minutes, "modality": str(record.get_modality_display()).lower()},
            url=reverse("casework:service_list", kwargs={"case_pk": record.case_id}),
            case_id=record.case_id,
        )
        for record in records
    ]
    return events
