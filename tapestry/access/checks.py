"""System checks: every route is declared in the access policy; production refuses demo shortcuts."""

from __future__ import annotations

from typing import Any

from django.core.checks import Error, Tags, register


@register(Tags.security, Tags.urls)
def check_routes_declared(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    from tapestry.access.routes import undeclared_routes

    return [
        Error(
            f"Route '{key}' is not declared in tapestry.access.routes.ROUTES.",
            hint="Declare who may reach it; undeclared routes are refused to everyone.",
            id="tapestry.E001",
        )
        for key in undeclared_routes()
    ]
