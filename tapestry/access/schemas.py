"""API schemas of access: the signed-in user."""

from __future__ import annotations

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
