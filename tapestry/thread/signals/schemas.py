"""API shapes of signals. Counts are sent as shown on the pages: suppressed (a string such as
"fewer than 11"; a trend period hidden is null)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Field, Schema


class TrendPeriodOut(Schema):
    period: str
    count: int | None = Field(description="Null when suppressed.")


class SignalOut(Schema):
    id: int
    kind: str
    status: str
    subject: str
    area_id: int | None
    area: str
    need_id: int | None
    barrier_id: int | None
    period: str
    observed: str = Field(description="Suppressed: 'fewer than 11' below the threshold.")
    expected: str
    p_value: float
    q_value: float
    trend: list[TrendPeriodOut]
    response: str
    group_id: int | None
    campaign_id: int | None
    dismiss_reason: str
    decided_by: str
    decided_at: dt.datetime | None


class SignalDetailOut(SignalOut):
    statement: str
    test: str
    trend_statement: str
    proposed_mezzo: str
    proposed_macro: str
    groups_addressing: list[str]


class AcceptIn(Schema):
    response: Literal["mezzo", "macro"] = Field(description="mezzo: draft a group; macro: plan a campaign.")
    # mezzo
    name: str | None = Field(None, max_length=150, description="The group's name (mezzo).")
    facilitator_id: int | None = Field(None, description="Staff who can run groups (mezzo).")
    first_session_on: dt.date | None = None
    start_time: dt.time | None = None
    kind: str | None = Field(None, description="The group's kind (mezzo); support by default.")
    capacity: int | None = Field(None, ge=1, le=500)
    # macro
    title: str | None = Field(None, max_length=200, description="The campaign's title (macro).")
    goals: str | None = Field(None, max_length=4000, description="What winning looks like (macro).")


class DismissIn(Schema):
    reason: str = Field(max_length=2000)
