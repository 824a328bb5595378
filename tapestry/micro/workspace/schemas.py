"""Typed response body of the case workspace API: the same sections as the case page."""

from __future__ import annotations

from datetime import date

from ninja import Field, Schema


class WorkspaceNoteOut(Schema):
    id: int
    title: str
    contact_date: date
    status: str = Field(description="draft (unsigned) or signed.")
    author: str


class WorkspaceScoreOut(Schema):
    instrument: str = Field(description="The instrument's code, or custom-<id> for an agency form.")
    name: str
    latest_score: int
    latest_band: str
    latest_on: date
    assessment_id: int
    flagged: bool
    previous_score: int | None = Field(description="The score before the latest, if there is one.")
    change: int | None = Field(description="Latest minus previous; null for a first score.")
    trend: list[int] = Field(description="The last scores of the instrument, oldest first.")


class WorkspaceGoalOut(Schema):
    id: int
    description: str
    target: str
    target_date: date


class WorkspaceTaskOut(Schema):
    id: int
    title: str
    due_on: date
    overdue: bool
    owner: str


class WorkspaceReferralOut(Schema):
    id: int
    service: str
    status: str
    status_label: str
    overdue: bool = Field(description="The service's answer is past its due date.")


class WorkspaceConsentOut(Schema):
    id: int
    purpose: str
    purpose_label: str
    recipient: str
    segment: str
    expires_on: date | None


class WorkspaceOut(Schema):
    case_id: int
    case_number: str
    status: str
    notes: list[WorkspaceNoteOut] = Field(description="The newest notes you may read.")
    notes_total: int
    drafts: int = Field(description="Unsigned notes on the case.")
    scores: list[WorkspaceScoreOut]
    has_plan: bool
    goals: list[WorkspaceGoalOut] = Field(description="The plan's goals in progress.")
    tasks: list[WorkspaceTaskOut] = Field(description="Open tasks, soonest due first.")
    referrals: list[WorkspaceReferralOut]
    consents: list[WorkspaceConsentOut] = Field(description="Consents in force today that you may see.")
