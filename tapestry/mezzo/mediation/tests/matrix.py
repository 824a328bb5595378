"""URL arguments for the mediation routes in the authorization matrix."""

from __future__ import annotations

import datetime as dt

from tapestry.access import policy
from tapestry.access.policy import Capability as C
from tapestry.mezzo.mediation.models import Agreement, Dispute, Issue, Party


def examples(world: dict) -> dict[str, dict]:
    # Every role that may run mediations mediates this one, so the matrix checks capabilities only.
    mediators = [u for u in world["cast"].by_role.values() if policy.has_capability(u, C.GROUP_RUN)]
    dispute = Dispute.objects.create(
        title="Matrix neighbour dispute", kind="neighbour", opened_on=dt.date.today() - dt.timedelta(days=10)
    )
    dispute.mediators.set(mediators)
    Party.objects.create(dispute=dispute, person=world["person"])
    Party.objects.create(dispute=dispute, organisation=world["organisation"], role="party")
    issue = Issue.objects.create(dispute=dispute, description="Noise late at night")
    agreement = Agreement.objects.create(
        dispute=dispute, terms="Quiet after 10pm", reached_on=dispute.opened_on
    )
    by_dispute = {"pk": dispute.pk}
    return {
        "mediation:dispute_detail": by_dispute,
        "mediation:dispute_edit": by_dispute,
        "mediation:dispute_close": by_dispute,
        "mediation:party_add": by_dispute,
        "mediation:session_add": by_dispute,
        "mediation:issue_add": by_dispute,
        "mediation:agreement_add": by_dispute,
        "mediation:issue_status": {"issue_pk": issue.pk},
        "mediation:agreement_follow_up": {"agreement_pk": agreement.pk},
        "GET /api/v1/disputes/{dispute_id}": {"dispute_id": dispute.pk},
        "PATCH /api/v1/disputes/{dispute_id}": {"dispute_id": dispute.pk},
        "POST /api/v1/disputes/{dispute_id}/parties": {"dispute_id": dispute.pk},
        "POST /api/v1/disputes/{dispute_id}/sessions": {"dispute_id": dispute.pk},
        "POST /api/v1/disputes/{dispute_id}/issues": {"dispute_id": dispute.pk},
        "POST /api/v1/disputes/{dispute_id}/agreements": {"dispute_id": dispute.pk},
        "PATCH /api/v1/agreements/{agreement_id}": {"agreement_id": agreement.pk},
    }
