"""Who runs a dispute: its mediators, and the supervisors of those mediators."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from tapestry.access.models import User


def disputes_run_by(user: User) -> QuerySet:
    """The pks of the disputes this user mediates or oversees as a mediator's supervisor."""
    from tapestry.mezzo.mediation.models import Dispute

    return Dispute.objects.filter(Q(mediators=user) | Q(mediators__supervisor=user)).values("pk")
