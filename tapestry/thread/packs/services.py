"""Every write of evidence packs: define one, change it, and record each export in the audit log.

Building a pack is policy work (`policy.work`); every write is one transaction with its audit entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User
from tapestry.access.policy import Capability, require_capability
from tapestry.access.versioning import versioned_update
from tapestry.macro.campaigns.models import Campaign
from tapestry.needs.models import Need
from tapestry.thread.packs.models import Pack
from tapestry.web.records import create_record

PACK_FIELDS = ("title", "purpose", "first_year", "last_year", "columns", "include_stories")


def _require(actor: User) -> None:
    require_capability(actor, Capability.POLICY_WORK)


def pack_create(
    *, actor: User, campaign: Campaign, needs: Iterable[Need] | None = None, **fields: Any
) -> Pack:
    """A new pack for the campaign, counting the needs given (the campaign's own, if none are)."""
    _require(actor)
    chosen = list(campaign.needs.all()) if needs is None else list(needs)
    pack = Pack(campaign=campaign, created_by=actor, **fields)
    related = {"needs": chosen}
    return create_record(actor, pack, fields=[*fields, "campaign", "needs"], related=related)


def pack_update(*, actor: User, pack: Pack, version: int, changes: dict[str, Any]) -> Pack:
    """Change what the pack counts; `changes` may name its `needs` (a list of needs)."""
    _require(actor)
    changes = dict(changes)
    needs = changes.pop("needs", None)

    def set_needs(current: Pack, changed: list[str]) -> list[str]:
        if needs is None or {need.pk for need in needs} == set(current.needs.values_list("pk", flat=True)):
            return []
        current.needs.set(needs)
        return ["needs"]

    return versioned_update(
        actor=actor, instance=pack, version=version, changes=changes, editable=PACK_FIELDS, related=set_needs
    )


def pack_exported(*, actor: User, pack: Pack, what: str) -> None:
    """Record that the pack left the system (a PDF or CSV download)."""
    require_capability(actor, Capability.AGGREGATE_READ)
    audit_record(
        actor=actor,
        action=AuditEntry.Action.EXPORT,
        obj=pack,
        fields=[what],
        purpose=f"Evidence pack {what.upper()} for the campaign",
    )
