"""API routes of mediation: disputes, their parties, sessions, issues and agreements with follow-up."""

# No `from __future__ import annotations`: ninja reads parameter types at runtime (see people/api.py).

from typing import Literal

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router

from tapestry.access.models import User
from tapestry.mezzo.mediation import selectors, services
from tapestry.mezzo.mediation.models import Agreement, Dispute, Issue, MediationSession, Party
from tapestry.mezzo.mediation.schemas import (
    AgreementIn,
    AgreementOut,
    DisputeDetailOut,
    DisputeIn,
    DisputeOut,
    DisputePatch,
    IssueIn,
    IssueOut,
    MediationFollowUpIn,
    MediationSessionIn,
    MediationSessionOut,
    PartyIn,
    PartyOut,
)
from tapestry.web.ids import picked, renaming, resolve_ids
from tapestry.web.schemas import created, error_responses, paged_get

router = Router(tags=["mediation"])

# Service field names as the API body spells them.
NAMES = {
    "mediators": "mediator_ids",
    "person": "person_id",
    "organisation": "organisation_id",
    "present": "present_party_ids",
    "issues": "issue_ids",
}


def _mediators(ids: list[int]) -> list[User]:
    return picked(selectors.active_staff(), ids, "mediator_ids", "No active staff member with number")


def _detail(request: HttpRequest, dispute_id: int, *, audit: bool = True) -> Dispute:
    return selectors.dispute_detail(
        user=request.user, dispute_id=dispute_id, purpose="mediation (API)", audit=audit
    )


@paged_get(
    router,
    "/disputes",
    DisputeOut,
    errors=(422,),
    summary="List the disputes you mediate (or supervise a mediator of)",
    description="`status=open` or `status=closed` filters. The read is audited.",
)
def dispute_list(
    request: HttpRequest, status: Literal["open", "closed"] | None = Query(None)
) -> QuerySet[Dispute]:
    return selectors.dispute_list(user=request.user, status=status or "")


@created(
    router,
    "/disputes",
    DisputeDetailOut,
    errors=(400, 422),
    summary="Open a dispute",
    description="Every mediator must hold the group-run capability; include yourself or someone you supervise.",
)
def dispute_create(request: HttpRequest, payload: DisputeIn) -> Dispute:
    data = payload.model_dump()
    mediators = _mediators(data.pop("mediator_ids"))
    with renaming(NAMES):
        dispute = services.dispute_create(actor=request.user, mediators=mediators, **data)
    return _detail(request, dispute.pk, audit=False)


@router.get(
    "/disputes/{dispute_id}",
    response={200: DisputeDetailOut, **error_responses(404, 422)},
    summary="Open a dispute with its parties, sessions, issues and agreements",
    description="404 unless you mediate it or supervise one of its mediators. Every open is audited.",
)
def dispute_detail(request: HttpRequest, dispute_id: int) -> Dispute:
    return _detail(request, dispute_id)


@router.patch(
    "/disputes/{dispute_id}",
    response={200: DisputeDetailOut, **error_responses(400, 404, 409, 422)},
    summary="Change a dispute, or close it with a reason",
)
def dispute_update(request: HttpRequest, dispute_id: int, payload: DisputePatch) -> Dispute:
    dispute = selectors.dispute_get(user=request.user, dispute_id=dispute_id)
    changes = payload.model_dump(exclude_unset=True)
    version = changes.pop("version")
    ids = changes.pop("mediator_ids", None)
    mediators = _mediators(ids) if ids is not None else None
    with renaming(NAMES):
        services.dispute_update(
            actor=request.user, dispute=dispute, version=version, changes=changes, mediators=mediators
        )
    return _detail(request, dispute_id, audit=False)


@created(
    router,
    "/disputes/{dispute_id}/parties",
    PartyOut,
    summary="Add a party: a person you may open, or an organisation",
)
def dispute_party_add(request: HttpRequest, dispute_id: int, payload: PartyIn) -> Party:
    dispute = selectors.dispute_get(user=request.user, dispute_id=dispute_id)
    if (payload.person_id is None) == (payload.organisation_id is None):
        raise ValidationError(
            {"person_id": ["Give a person_id or an organisation_id: exactly one of the two."]}
        )
    data = resolve_ids(
        payload.model_dump(),
        {
            "person_id": (
                lambda pk: selectors.person_choice(user=request.user, person_id=pk),
                "No person with this number that you may open.",
            ),
            "organisation_id": (selectors.organisation_by_id, "No organisation with this number."),
        },
        nullable=("person_id", "organisation_id"),
    )
    with renaming(NAMES):
        return services.party_add(actor=request.user, dispute=dispute, **data)


@created(
    router,
    "/disputes/{dispute_id}/sessions",
    MediationSessionOut,
    summary="Record a session that was held",
)
def dispute_session_add(
    request: HttpRequest, dispute_id: int, payload: MediationSessionIn
) -> MediationSession:
    dispute = selectors.dispute_get(user=request.user, dispute_id=dispute_id)
    present = picked(
        selectors.party_choices(user=request.user, dispute=dispute),
        payload.present_party_ids,
        "present_party_ids",
        "No party of this dispute with number",
    )
    with renaming(NAMES):
        return services.session_record(
            actor=request.user,
            dispute=dispute,
            present=present,
            **payload.model_dump(exclude={"present_party_ids"}),
        )


@created(
    router,
    "/disputes/{dispute_id}/issues",
    IssueOut,
    summary="Add an issue in dispute",
)
def dispute_issue_add(request: HttpRequest, dispute_id: int, payload: IssueIn) -> Issue:
    dispute = selectors.dispute_get(user=request.user, dispute_id=dispute_id)
    return services.issue_add(actor=request.user, dispute=dispute, **payload.model_dump())


@created(
    router,
    "/disputes/{dispute_id}/agreements",
    AgreementOut,
    summary="Record an agreement and the issues it settles",
)
def dispute_agreement_add(request: HttpRequest, dispute_id: int, payload: AgreementIn) -> Agreement:
    dispute = selectors.dispute_get(user=request.user, dispute_id=dispute_id)
    issues = picked(
        selectors.issues_of(dispute=dispute),
        payload.issue_ids,
        "issue_ids",
        "No issue of this dispute with number",
    )
    with renaming(NAMES):
        return services.agreement_record(
            actor=request.user, dispute=dispute, issues=issues, **payload.model_dump(exclude={"issue_ids"})
        )


@router.patch(
    "/agreements/{agreement_id}",
    response={200: AgreementOut, **error_responses(400, 404, 409, 422)},
    summary="Record how an agreement held up, or move its follow-up date",
    description="`partly_kept` and `broken` need a `follow_up_note`.",
)
def agreement_follow_up(request: HttpRequest, agreement_id: int, payload: MediationFollowUpIn) -> Agreement:
    agreement = selectors.agreement_get(user=request.user, agreement_id=agreement_id)
    changes = payload.model_dump(exclude_unset=True)
    version = changes.pop("version")
    return services.agreement_follow_up(
        actor=request.user, agreement=agreement, version=version, changes=changes
    )
