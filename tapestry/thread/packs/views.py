"""Pages of evidence packs: the list, a pack with its figures and stories, its form, and its exports."""

from __future__ import annotations

from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext

from tapestry.evidence import charts
from tapestry.evidence.suppression import threshold
from tapestry.needs.models import Need
from tapestry.thread.packs import exports, selectors, services
from tapestry.thread.packs.forms import PackForm
from tapestry.thread.packs.models import Pack
from tapestry.web.pages import bound, save_page

TEMPLATE = "packs/form.html"


def _page(pk: int) -> str:
    return reverse("packs:pack_detail", args=[pk])


def _form(request: HttpRequest, **kwargs: object) -> PackForm:
    return PackForm(bound(request), needs=Need.objects.filter(is_active=True).order_by("label"), **kwargs)


def pack_list(request: HttpRequest) -> HttpResponse:
    context = {
        "packs": selectors.pack_list(user=request.user),
        "can_build": selectors.may_build(request.user),
        "campaigns": selectors.campaign_choices() if selectors.may_build(request.user) else [],
    }
    return render(request, "packs/pack_list.html", context)


def pack_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pack = selectors.pack_get(user=request.user, pack_id=pk)
    contents = selectors.pack_contents(user=request.user, pack=pack)
    shown = [
        {
            "figure": found,
            "chart": charts.bar_chart(chart_id=f"chart-{found.key}", title=found.title, cells=found.trend()),
            "rows": [
                {"label": row.label, "cells": [exports.shown(rate, found.spec.kind) for rate in row.cells]}
                for row in found.rows
            ],
        }
        for found in contents.figures
    ]
    context = {
        "pack": pack,
        "figures": shown,
        "stories": contents.stories,
        "threshold": threshold(),
        "can_build": selectors.may_build(request.user),
    }
    return render(request, "packs/pack_detail.html", context)


def pack_create(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = selectors.campaign_for_pack(user=request.user, campaign_id=campaign_id)
    initial = {
        "title": gettext("Evidence for %(campaign)s") % {"campaign": campaign.title},
        "needs": [need.pk for need in campaign.needs.all()],
    }
    form = _form(request, initial=initial)
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.pack_create(
            actor=request.user, campaign=campaign, needs=form.cleaned_data["needs"], **form.fields_sent()
        ),
        done=lambda pack: gettext("%(pack)s is ready.") % {"pack": pack.title},
        then=lambda pack: _page(pack.pk),
        title=gettext("An evidence pack for %(campaign)s") % {"campaign": campaign.title},
        campaign=campaign,
    )


def pack_edit(request: HttpRequest, pk: int) -> HttpResponse:
    pack = selectors.pack_get(user=request.user, pack_id=pk)
    selectors.campaign_for_pack(user=request.user, campaign_id=pack.campaign_id)
    initial = model_to_dict(pack, fields=[*services.PACK_FIELDS, "version"])
    initial["needs"] = [need.pk for need in pack.needs.all()]
    form = _form(request, initial=initial)
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.pack_update(
            actor=request.user,
            pack=pack,
            version=form.cleaned_data["version"] or 0,
            changes={**form.fields_sent(), "needs": list(form.cleaned_data["needs"])},
        ),
        done=gettext("The pack is saved."),
        then=_page(pack.pk),
        title=gettext("Change %(pack)s") % {"pack": pack.title},
        campaign=pack.campaign,
        pack=pack,
    )


def _filename(pack: Pack, extension: str) -> str:
    return f"{slugify(pack.title) or 'evidence-pack'}.{extension}"


def pack_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The pack as a PDF download, recorded in the audit log as an export."""
    pack = selectors.pack_get(user=request.user, pack_id=pk)
    body = exports.pack_pdf(selectors.pack_contents(user=request.user, pack=pack))
    services.pack_exported(actor=request.user, pack=pack, what="pdf")
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(pack, "pdf")}"'
    return response


def pack_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """The pack's figures (and stories) as CSV, one row per cell, recorded as an export."""
    pack = selectors.pack_get(user=request.user, pack_id=pk)
    body = exports.pack_csv(selectors.pack_contents(user=request.user, pack=pack))
    services.pack_exported(actor=request.user, pack=pack, what="csv")
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(pack, "csv")}"'
    return response
