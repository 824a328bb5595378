"""Pages of the resource directory: search, one service, and the HSDS import."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.vary import vary_on_headers

from tapestry.access.policy import Capability, has_capability
from tapestry.directory import selectors, services
from tapestry.directory.forms import ImportForm, ServiceSearchForm
from tapestry.web.pages import bound

PAGE_SIZE = 20


def search_context(request: HttpRequest, *, results_base: str) -> dict[str, Any]:
    """The search form and a page of results; the referral pages reuse it to pick a service."""
    form = ServiceSearchForm(request.GET or None)
    page = None
    criteria = None
    if form.is_bound and form.is_valid():
        criteria = form.criteria()
        hits = selectors.service_search(user=request.user, criteria=criteria)
        page = Paginator(hits, PAGE_SIZE).get_page(request.GET.get("page"))
    filters = {key: value for key, value in request.GET.items() if key != "page" and value}
    return {
        "form": form,
        "page": page,
        "criteria": criteria,
        "filter_query": urlencode(filters),
        "results_base": results_base,
    }


@vary_on_headers("HX-Request")
def search(request: HttpRequest) -> HttpResponse:
    context = search_context(request, results_base=reverse("directory:search"))
    context["can_import"] = has_capability(request.user, Capability.ORGANISATION_WRITE)
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "directory/_results.html", context)
    return render(request, "directory/search.html", context)


def service_detail(request: HttpRequest, pk: int) -> HttpResponse:
    service = selectors.service_detail(user=request.user, service_id=pk)
    return render(request, "directory/service_detail.html", {"service": service})


def import_upload(request: HttpRequest) -> HttpResponse:
    form = ImportForm(bound(request), request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = services.directory_import(actor=request.user, files=form.contents())
    context = {"form": form, "report": report, "counts": selectors.directory_counts()}
    return render(request, "directory/import.html", context, status=400 if report and not report.ok else 200)
