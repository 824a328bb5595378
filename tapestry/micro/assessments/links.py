"""Links into an area another team builds (crisis), empty until that area is installed."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse

from tapestry.micro.cases.models import Case


def crisis_url(case: Case | int) -> str:
    """Where a high-risk result sends the worker: a new crisis risk assessment on the case."""
    try:
        return reverse("crisis:risk_assessment_new", kwargs={"case_pk": getattr(case, "pk", case)})
    except NoReverseMatch:
        return ""
