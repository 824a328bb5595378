"""API schemas of access: the signed-in user."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema


class MeOut(Schema):
    id: int
    username: str
    full_name: str
    role: str
    role_label: str
    capabilities: list[str]
    segments: list[str]
    teams: list[str]


class OpenedOut(Schema):
    """One audit entry of an emergency access: what its user opened or changed, and when."""

    at: datetime
    action: str
    action_label: str
    object_type: str
    object_id: str
    fields: list[str]
    purpose: str
    path: str

    @staticmethod
    def resolve_action_label(obj: object) -> str:
        return obj.get_action_display()
