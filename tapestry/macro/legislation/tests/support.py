"""Helpers of the legislation tests: a tracked bill, the Open States fixture, and a token client."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from django.test import Client

from tapestry.access.models import User
from tapestry.access.tokens import token_create
from tapestry.macro.legislation import services
from tapestry.macro.legislation.models import Bill

FIXTURES = Path(__file__).parent / "fixtures"
_BILL = json.loads((FIXTURES / "openstates_bill.json").read_text())


def openstates_bill(**changes: Any) -> dict[str, Any]:
    """The fixture bill (written from Open States' published bill fields), with `changes` on top."""
    data = copy.deepcopy(_BILL)
    data.update(changes)
    return data


def tracked_bill(actor: User, identifier: str = "HB 7", **values: Any) -> Bill:
    values = {
        "jurisdiction": "Example State",
        "session": "2026",
        "identifier": identifier,
        "title": f"A test bill {identifier}",
        "classification": ["bill"],
        **values,
    }
    return services.bill_create(actor=actor, **values)


def api_client(user: User) -> Client:
    _, raw = token_create(actor=user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
