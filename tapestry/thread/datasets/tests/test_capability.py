"""Only evaluators define and export research data sets; no other analyst, and no client-facing role."""

from __future__ import annotations

from tapestry.access.policy import ROLE_CAPABILITIES, Capability
from tapestry.access.routes import ROUTES


def test_only_the_evaluator_holds_research_export():
    holders = {
        role for role, capabilities in ROLE_CAPABILITIES.items() if Capability.RESEARCH_EXPORT in capabilities
    }
    assert holders == {"evaluator"}


def test_every_route_of_the_app_needs_research_export():
    mine = {
        key: rule for key, rule in ROUTES.items() if key.startswith("datasets:") or "/api/v1/dataset" in key
    }
    assert len(mine) == 12
    assert set(mine.values()) == {Capability.RESEARCH_EXPORT}
