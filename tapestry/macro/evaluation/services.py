"""Every write of program evaluation: define an indicator, change it (versioned, audited)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tapestry.access.models import User
from tapestry.access.policy import Capability, require_capability
from tapestry.access.versioning import versioned_update
from tapestry.macro.evaluation.models import Indicator
from tapestry.web.records import create_record

INDICATOR_FIELDS = (
    "name",
    "definition",
    "numerator",
    "denominator",
    "factor",
    "period_type",
    "breakdown",
    "program",
    "baseline_value",
    "baseline_period",
    "target_value",
    "targets",
    "direction",
    "owner",
)


def _plain(fields: dict[str, Any]) -> dict[str, Any]:
    """Targets as JSON numbers: the form and the API read them as decimals."""
    targets = fields.get("targets")
    if isinstance(targets, dict):
        fields["targets"] = {
            period: float(value) if isinstance(value, Decimal) else value for period, value in targets.items()
        }
    return fields


def indicator_create(*, actor: User, **fields: Any) -> Indicator:
    """Define an indicator; its measures, factor, periods, baseline and targets are checked together."""
    require_capability(actor, Capability.EVALUATION_MANAGE)
    unknown = set(fields) - set(INDICATOR_FIELDS)
    if unknown:
        raise TypeError(f"Not fields of an indicator: {sorted(unknown)}")
    indicator = Indicator(**_plain(fields), created_by=actor)
    return create_record(actor, indicator, fields=[name for name in INDICATOR_FIELDS if name in fields])


def indicator_update(
    *, actor: User, indicator: Indicator, version: int, changes: dict[str, Any]
) -> Indicator:
    """Change an indicator from the version the editor read (StaleEdit if someone saved in between)."""
    require_capability(actor, Capability.EVALUATION_MANAGE)
    return versioned_update(
        actor=actor, instance=indicator, version=version, changes=_plain(changes), editable=INDICATOR_FIELDS
    )
