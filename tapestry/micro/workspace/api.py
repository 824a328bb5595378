"""API route of the case workspace: one case's recent notes, scores, open work, referrals and consents."""

# No `from __future__ import annotations` here: ninja reads parameter types at runtime.

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router

from tapestry.micro.workspace import selectors
from tapestry.micro.workspace.schemas import (
    WorkspaceConsentOut,
    WorkspaceGoalOut,
    WorkspaceNoteOut,
    WorkspaceOut,
    WorkspaceReferralOut,
    WorkspaceScoreOut,
    WorkspaceTaskOut,
)
from tapestry.web.schemas import error_responses

router = Router(tags=["cases"])


def _name(user: object) -> str:
    return user.get_full_name() or user.username


@router.get(
    "/cases/{case_id}/workspace",
    response={200: WorkspaceOut, **error_responses(404)},
    summary="A case's workspace",
    description=(
        "What the case page shows at a glance: the newest notes, the latest score of each instrument "
        "with its change, the plan's goals in progress and open tasks, the referrals with their status "
        "and the consents in force. Each part holds only what you may see, and each read is written "
        "to the audit log."
    ),
)
def case_workspace(request: HttpRequest, case_id: int) -> WorkspaceOut:
    user = request.user
    case = selectors.workspace_case(user=user, case_id=case_id)
    notes = selectors.recent_notes(user=user, case=case)
    work = selectors.open_work(user=user, case=case)
    today = timezone.localdate()
    return WorkspaceOut(
        case_id=case.pk,
        case_number=case.number,
        status=case.status,
        notes=[
            WorkspaceNoteOut(
                id=note.pk,
                title=note.title or note.get_format_display(),
                contact_date=note.contact_date,
                status=note.status,
                author=_name(note.author),
            )
            for note in notes.notes
        ],
        notes_total=notes.total,
        drafts=notes.drafts,
        scores=[
            WorkspaceScoreOut.model_validate(line, from_attributes=True)
            for line in selectors.latest_scores(user=user, case=case)
        ],
        has_plan=work.has_plan,
        goals=[
            WorkspaceGoalOut(id=g.pk, description=g.description, target=g.target, target_date=g.target_date)
            for g in work.goals
        ],
        tasks=[
            WorkspaceTaskOut(
                id=t.pk, title=t.title, due_on=t.due_on, overdue=t.due_on < today, owner=_name(t.owner)
            )
            for t in work.tasks
        ],
        referrals=[
            WorkspaceReferralOut(
                id=r.pk,
                service=r.service.name,
                status=r.status,
                status_label=r.get_status_display(),
                overdue=r.is_overdue,
            )
            for r in selectors.case_referrals(user=user, case=case)
        ],
        consents=[
            WorkspaceConsentOut(
                id=c.pk,
                purpose=c.purpose,
                purpose_label=c.get_purpose_display(),
                recipient=(
                    c.recipient_organisation.name if c.recipient_organisation else c.recipient_description
                ),
                segment=c.segment,
                expires_on=c.expires_on,
            )
            for c in selectors.consents_in_force(user=user, case=case)
        ],
    )
