"""The needs catalogue: the coded needs (with ICD-10-CM Z codes) and barriers every level records."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tapestry.needs import selectors


def catalogue(request: HttpRequest) -> HttpResponse:
    context = {
        "domains": selectors.needs_by_domain(),
        "barriers": selectors.barrier_list(),
        "code_set_years": selectors.code_set_years(),
        "interventions": selectors.interventions_by_level(),
    }
    return render(request, "needs/catalogue.html", context)
