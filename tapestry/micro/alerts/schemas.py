"""Bodies of the alerts API."""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema

from tapestry.micro.alerts.models import RAISED_BY_HAND, AlertKind
from tapestry.micro.alerts.services import REASON_MAX
from tapestry.web.schemas import Input, StaffName, label_of, stripped_text


class ClientAlertOut(Schema):
    """An alert in force: stored (it has an `alert_id`) or read from a live record (it closes with it)."""

    kind: str = Field(description=f"One of: {', '.join(AlertKind.values)}.")
    label: str
    reason: str = Field(description="Why the alert was raised.")
    url: str = Field(description="The page of the record the alert comes from.")
    raised_at: datetime | None
    alert_id: int | None = Field(description="The stored alert's number, to resolve it; null for a live one.")
    case_id: int | None


class ClientAlertRecordOut(Schema):
    """A stored alert with its whole story: who raised it and why, who resolved it and why."""

    id: int
    kind: str
    kind_label: str = label_of("kind")
    reason: str
    source: str
    source_id: int | None
    case_id: int | None
    raised_at: datetime
    raised_by: StaffName
    resolved_at: datetime | None
    resolved_by: StaffName
    resolution_reason: str


class AlertResolveIn(Input):
    reason: stripped_text(REASON_MAX, required=True) = Field(  # type: ignore[valid-type]
        description="Why the alert can be resolved; required."
    )


class AlertRaiseIn(Input):
    kind: str = Field(description=f"One of: {', '.join(str(k.value) for k in RAISED_BY_HAND)}.")
    reason: stripped_text(REASON_MAX, required=True)  # type: ignore[valid-type]
