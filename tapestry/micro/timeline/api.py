"""API routes of the timeline: a person's events in date order and their ecomap connections."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime.

from django.http import HttpRequest
from ninja import Query, Router

from tapestry.micro.timeline import selectors
from tapestry.micro.timeline.diagrams import ecomap_kind_label
from tapestry.micro.timeline.schemas import EcomapLinkOut, EcomapOut, TimelineEventOut
from tapestry.web.schemas import error_responses, paged_get

router = Router(tags=["persons"])


@paged_get(
    router,
    "/persons/{person_id}/timeline",
    TimelineEventOut,
    summary="A person's timeline across cases",
    description=(
        "Every event about the person that you may see, newest first: registration, households, "
        "relationships, consents and what each area of practice adds (cases, notes, assessments, "
        "referrals, ...). Events of cases in segments you are not granted are left out. "
        "Filter with `kind` and `case_id`. Every read is written to the audit log."
    ),
)
def person_timeline(
    request: HttpRequest,
    person_id: int,
    kind: str = Query("", max_length=40, description="Only events of this kind."),
    case_id: int | None = Query(None, description="Only events of this case."),
) -> list[TimelineEventOut]:
    timeline = selectors.person_timeline(user=request.user, person_id=person_id)
    return [
        TimelineEventOut(
            when=row.event.when,
            day=row.day,
            kind=row.event.kind,
            kind_label=row.kind_label,
            title=row.event.title,
            detail=row.event.detail,
            url=row.event.url,
            case_id=row.event.case_id,
            case_number=row.case_number,
        )
        for row in timeline.filtered(kind=kind, case_id=case_id)
    ]


@router.get(
    "/persons/{person_id}/ecomap",
    response={200: EcomapOut, **error_responses(404, 422)},
    summary="A person's ecomap connections",
    description=(
        "The person's connections you may see: relatives and household members, workers, and the "
        "services, groups, schools, courts and organisations each area of practice records. "
        "Every read is written to the audit log."
    ),
)
def person_ecomap(request: HttpRequest, person_id: int) -> EcomapOut:
    ecomap = selectors.person_ecomap(user=request.user, person_id=person_id)
    return EcomapOut(
        person_id=ecomap.person.pk,
        person_name=ecomap.person.display_name,
        links=[
            EcomapLinkOut(
                label=link.label,
                kind=link.kind,
                kind_label=ecomap_kind_label(link.kind),
                detail=link.detail,
                url=link.url,
                strained=link.stressful,
            )
            for link in ecomap.links
        ],
    )
