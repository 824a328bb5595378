"""API routes of mediation: disputes, their parties, sessions, issues and agreements with follow-up."""

# No `from __future__ import annotations`: ninja reads parameter types at runtime (see people/api.py).

from typing import Literal

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import paginate

from tapestry.access.models import User
from tapestry.mezzo.mediation import selectors, services
from tapestry.mezzo.mediation.models import Agreement, Dispute
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
from tapestry.web.ids import renaming, resolve_ids
from tapestry.web.schemas import Pages, error_responses

router = Router(tags=["mediation"])

# Service field names as the API body spells them.
NAMES = {
    "mediators": "mediator_ids",
    "person": "person_id",
    "organisation": "organisation_id",
    "present": "present_party_ids",
    "issues": "issue_ids",
}


def _staff(ids: list[int]) -> list[User]:
    found = selectors.active_staff(ids)
    missing = [str(pk) for pk in ids if pk not in found]
    if missing:
        raise ValidationError({"mediator_ids": [f"No active staff member with number {', '.join(missing)}."]})
    return [found[pk] for pk in dict.fromkeys(ids)]


def _picked(queryset: QuerySet, ids: list[int], field: str, what: str) -> list:
    found = {obj.pk: obj for obj in queryset.filter(pk__in=ids)}
    missing = [str(pk) for pk in ids if pk not in found]
    if missing:
        raise ValidationError({field: [f"No {what} of this dispute with number {', '.join(missing)}."]})
    return list(found.values())


def _detail(request: HttpRequest, dispute_id: int, *, audit: bool = True) -> Dispute:
    return selectors.dispute_detail(
        user=request.user, dispute_id=dispute_id, purpose="mediation (API)", audit=audit
    )


@router.get(
    "/disputes",
    response={200: list[DisputeOut], **error_responses(422)},
    operation_id="dispute_list",
    summary="List the disputes you mediate (or supervise a mediator of)",
    description="`status=open` or `status=closed` filters. The read is audited.",
)
@paginate(Pages)
def dispute_list(
    request: HttpRequest, status: Literal["open", "closed"] | None = Query(None)
) -> QuerySet[Dispute]:
    return selectors.dispute_list(user=request.user, status=status or "")


@router.post(
    "/disputes",
    response={201: DisputeDetailOut, **error_responses(400, 422)},
    operation_id="dispute_create",
    summary="Open a dispute",
    description="Every mediator must hold the group-run capability; include yourself or someone you supervise.",
)
def dispute_create(request: HttpRequest, payload: DisputeIn) -> Status:
    data = payload.model_dump()
    mediators = _staff(data.pop("mediator_ids"))
    with renaming(NAMES):
        dispute = services.dispute_create(actor=request.user, mediators=mediators, **data)
    return Status(201, _detail(request, dispute.pk, audit=False))


@router.get(
    "/disputes/{dispute_id}",
    response={200: DisputeDetailOut, **error_responses(404, 422)},
    operation_id="dispute_detail",
    summary="Open a dispute with its parties, sessions, issues and agreements",
    description="404 unless you mediate it or supervise one of its mediators. Every open is audited.",
)
def dispute_detail(request: HttpRequest, dispute_id: int) -> Dispute:
    return _detail(request, dispute_id)


@router.patch(
    "/disputes/{dispute_id}",
    response={200: DisputeDetailOut, **error_responses(400, 404, 409, 422)},
    operation_id="dispute_update",
    summary="Change a dispute, or close it with a reason",
)
def dispute_update(request: HttpRequest, dispute_id: int, payload: DisputePatch) -> Dispute:
    dispute = selectors.dispute_get(user=request.user, dispute_id=dispute_id)
    changes = payload.model_dump(exclude_unset=True)
    version = changes.pop("version")
    ids = changes.pop("mediator_ids", None)
    mediators = _staff(ids) if ids is not None else None
    with renaming(NAMES):
        services.dispute_update(
            actor=request.user, dispute=dispute, version=version, changes=changes, mediators=mediators
        )
    return _detail(request, dispute_id, audit=False)


@router.post(
    "/disputes/{dispute_id}/parties",
    response={201: PartyOut, **error_responses(400, 404, 422)},
    operation_id="dispute_party_add",
    summary="Add a party: a person you may open, or an organisation",
)
def party_add(request: HttpRequest, dispute_id: int, payload: PartyIn) -> Status:
    dispute = selectors.dispute_get(user=request.user, dispute_id=dispute_id)
    if (payload.person_id is None) == (payload.organisation_id is None):
        raise ValidationError(
            {"person_id": ["Give a person_id or an organisation_id: exactly one of the two."]}
        )
    found = resolve_ids(
        payload.model_dump(include={"person_id", "organisation_id"}),
        {
            "person_id": (
                lambda pk: selectors.person_choice(user=request.user, person_id=pk),
                "No person with this number that you may open.",
            ),
            "organisation_id": (selectors.organisation_by_id, "No organisation with this number."),
        },
        nullable=("person_id", "organisation_id"),
    )
    person, organisation = found["person"], found["organisation"]
    with renaming(NAMES):
        party = services.party_add(
            actor=request.user, dispute=dispute, role=payload.role, person=person, organisation=organisation
        )
    return Status(201, party)


@router.post(
    "/disputes/{dispute_id}/sessions",
    response={201: MediationSessionOut, **error_responses(400, 404, 422)},
    operation_id="dispute_session_add",
    summary="Record a session that was held",
)
def session_add(request: HttpRequest, dispute_id: int, payload: MediationSessionIn) -> Status:
    dispute = selectors.dispute_get(user=request.user, dispute_id=dispute_id)
    present = _picked(
        selectors.party_choices(user=request.user, dispute=dispute),
        payload.present_party_ids,
        "present_party_ids",
        "party",
    )
    with renaming(NAMES):
        session = services.session_record(
            actor=request.user,
            dispute=dispute,
            held_on=payload.held_on,
            summary=payload.summary,
            next_steps=payload.next_steps,
            present=present,
        )
    return Status(201, session)


@router.post(
    "/disputes/{dispute_id}/issues",
    response={201: IssueOut, **error_responses(400, 404, 422)},
    operation_id="dispute_issue_add",
    summary="Add an issue in dispute",
)
def issue_add(request: HttpRequest, dispute_id: int, payload: IssueIn) -> Status:
    dispute = selectors.dispute_get(user=request.user, dispute_id=dispute_id)
    return Status(
        201, services.issue_add(actor=request.user, dispute=dispute, description=payload.description)
    )


@router.post(
    "/disputes/{dispute_id}/agreements",
    response={201: AgreementOut, **error_responses(400, 404, 422)},
    operation_id="dispute_agreement_add",
    summary="Record an agreement and the issues it settles",
)
def agreement_add(request: HttpRequest, dispute_id: int, payload: AgreementIn) -> Status:
    dispute = selectors.dispute_get(user=request.user, dispute_id=dispute_id)
    issues = _picked(selectors.issues_of(dispute=dispute), payload.issue_ids, "issue_ids", "issue")
    with renaming(NAMES):
        agreement = services.agreement_record(
            actor=request.user,
            dispute=dispute,
            terms=payload.terms,
            reached_on=payload.reached_on,
            issues=issues,
            follow_up_on=payload.follow_up_on,
        )
    return Status(201, agreement)


@router.patch(
    "/agreements/{agreement_id}",
    response={200: AgreementOut, **error_responses(400, 404, 409, 422)},
    operation_id="agreement_follow_up",
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
