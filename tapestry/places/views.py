"""Pages of places: the list of areas, one area, adding and changing one, the boundary import and the case map."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext

from tapestry.access.policy import Capability, has_capability
from tapestry.evidence import suppression
from tapestry.evidence.charts import choropleth
from tapestry.places import selectors, services
from tapestry.places.forms import AreaEditForm, AreaFilterForm, AreaForm, BoundaryImportForm, MapForm
from tapestry.places.models import Area
from tapestry.web.pages import bound, save_page


def area_list(request: HttpRequest) -> HttpResponse:
    filters = AreaFilterForm(request.GET)
    kind = postcode = ""
    if filters.is_valid():
        kind, postcode = filters.cleaned_data["kind"], filters.cleaned_data["postcode"]
    context = {
        "filters": filters,
        "areas": selectors.area_list(user=request.user, kind=kind, postcode=postcode),
        "can_manage": has_capability(request.user, Capability.AREA_MANAGE),
        "can_map": has_capability(request.user, Capability.AGGREGATE_READ),
    }
    return render(request, "places/area_list.html", context)


def area_detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.area_page(user=request.user, area_id=pk)
    context = {
        "page": page,
        "area": page.area,
        "can_manage": has_capability(request.user, Capability.AREA_MANAGE),
        "can_map": has_capability(request.user, Capability.AGGREGATE_READ),
    }
    return render(request, "places/area_detail.html", context)


def area_create(request: HttpRequest) -> HttpResponse:
    form = AreaForm(bound(request), initial={"kind": Area.Kind.NEIGHBOURHOOD})
    return save_page(
        request,
        "places/area_form.html",
        form=form,
        call=lambda: services.area_create(actor=request.user, **form.cleaned_data),
        done=lambda area: gettext("%(area)s is added.") % {"area": area},
        then=lambda area: reverse("places:area_detail", kwargs={"pk": area.pk}),
    )


def area_edit(request: HttpRequest, pk: int) -> HttpResponse:
    area = selectors.area_for_change(user=request.user, area_id=pk)
    given = list(area.postcodes.filter(given=True).values_list("postcode", flat=True))
    form = AreaEditForm.for_area(bound(request), area, given)
    return save_page(
        request,
        "places/area_form.html",
        form=form,
        call=lambda: services.area_update(
            actor=request.user, area=area, version=form.cleaned_data["version"], changes=form.changes()
        ),
        done=lambda saved: gettext("Changes to %(area)s are saved.") % {"area": saved},
        then=reverse("places:area_detail", kwargs={"pk": pk}),
        area=area,
    )


def boundary_import(request: HttpRequest) -> HttpResponse:
    form = BoundaryImportForm(bound(request), request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = services.boundary_import(
            actor=request.user,
            source=upload.name,
            content=upload.read(),
            kind=form.cleaned_data["kind"],
            code_property=form.cleaned_data["code_property"].strip(),
        )
    status = 400 if (report and not report.ok) or (form.is_bound and not form.is_valid()) else 200
    return render(request, "places/import.html", {"form": form, "report": report}, status=status)


def case_map(request: HttpRequest) -> HttpResponse:
    form = MapForm(request.GET)
    kind = (form.is_valid() and form.cleaned_data["kind"]) or Area.Kind.NEIGHBOURHOOD
    found = selectors.case_map(user=request.user, kind=kind)
    chart = choropleth(
        chart_id="case-map",
        title=gettext("Cases by %(kind)s") % {"kind": found.kind_label.lower()},
        areas=[(cell, area.boundary) for area, cell in zip(found.areas, _area_cells(found), strict=True)],
    )
    context = {"form": form, "map": found, "chart": chart, "threshold": suppression.threshold()}
    return render(request, "places/case_map.html", context)


def _area_cells(found: selectors.CaseMap) -> list[suppression.Cell]:
    return [suppression.Cell(area.label, area.value) for area in found.areas]
