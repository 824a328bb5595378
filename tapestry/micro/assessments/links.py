"""Links into areas other teams build (cases, crisis), empty until those areas are installed."""

from __future__ import annotations

from typing import Any

from django.urls import NoReverseMatch, reverse

from tapestry.micro.cases.models import Case


def optional_url(name: str, **kwargs: Any) -> str:
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return ""


def crisis_url(case: Case | int) -> str:
    """Where a high-risk result sends the worker: a new crisis risk assessment on the case."""
    return optional_url("crisis:risk_assessment_new", case_pk=getattr(case, "pk", case))


def case_url(case: Case) -> str:
    return optional_url("cases:case_detail", pk=case.pk)
