"""Pages of leadership: the agency dashboard, and compliance items (list, page, keep, change, done,
waive). Each view parses, calls one selector or service, and renders."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from tapestry.macro.leadership import selectors, services
from tapestry.macro.leadership.forms import DoneForm, ItemEditForm, ItemForm, WaiveForm
from tapestry.web.pages import bound, save_page, submit

FORM = "leadership/form.html"


def _url(name: str, pk: int | None = None) -> str:
    return reverse(f"leadership:{name}", args=[] if pk is None else [pk])


def dashboard(request: HttpRequest) -> HttpResponse:
    found = selectors.dashboard(user=request.user)
    return render(request, "leadership/dashboard.html", {"board": found, "ahead": selectors.AHEAD_DAYS})


def compliance_list(request: HttpRequest) -> HttpResponse:
    show = request.GET.get("show", "open")
    if show not in selectors.SHOWS:
        show = "open"
    items = selectors.compliance_list(user=request.user, show=show)
    context = {"items": items, "show": show, "shows": selectors.SHOWS, "today": timezone.localdate()}
    return render(request, "leadership/compliance_list.html", context)


def compliance_create(request: HttpRequest) -> HttpResponse:
    form = ItemForm(bound(request))
    return save_page(
        request,
        FORM,
        form=form,
        call=lambda: services.compliance_create(actor=request.user, **form.changes()),
        done=lambda item: gettext("%(item)s is kept as a compliance item.") % {"item": item},
        then=lambda item: _url("compliance_detail", item.pk),
        heading=gettext("Keep a compliance item"),
        back=_url("compliance_list"),
    )


def compliance_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.compliance_get(user=request.user, item_id=pk)
    context = {
        "item": item,
        "days_left": selectors.days_left(item),
        "done_form": DoneForm(initial={"version": item.version, "done_on": timezone.localdate()}),
        "waive_form": WaiveForm(initial={"version": item.version}),
    }
    return render(request, "leadership/compliance_detail.html", context)


def compliance_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.compliance_get(user=request.user, item_id=pk)
    form = ItemEditForm(bound(request), instance=item)
    return save_page(
        request,
        FORM,
        form=form,
        call=lambda: services.compliance_update(
            actor=request.user, item=item, version=form.cleaned_data["version"], changes=form.changes()
        ),
        done=gettext("Changes to %(item)s are saved.") % {"item": item},
        then=_url("compliance_detail", pk),
        heading=gettext("Change %(item)s") % {"item": item},
        back=_url("compliance_detail", pk),
    )


def _close(request: HttpRequest, pk: int, *, waive: bool) -> HttpResponse:
    """Mark done or waive: a POST of the small form on the item's page (a GET shows the page)."""
    item = selectors.compliance_get(user=request.user, item_id=pk)
    if request.method != "POST":
        return redirect(_url("compliance_detail", pk))
    form = (WaiveForm if waive else DoneForm)(request.POST)

    def call() -> object:
        data = form.cleaned_data
        if waive:
            return services.compliance_waive(
                actor=request.user, item=item, version=data["version"], reason=data["reason"]
            )
        return services.compliance_done(
            actor=request.user,
            item=item,
            version=data["version"],
            done_on=data["done_on"],
            evidence=data["evidence"],
        )

    saved, status = submit(form, call)
    if saved is not None:
        following = getattr(saved, "next_item", None) if not waive else None
        if waive:
            message = gettext("%(item)s is waived.") % {"item": item}
        elif following is not None:
            message = gettext("%(item)s is marked done; the next one is due on %(date)s.") % {
                "item": item,
                "date": date_format(following.due_on, "d F Y"),
            }
        else:
            message = gettext("%(item)s is marked done.") % {"item": item}
        messages.success(request, message)
        return redirect(_url("compliance_detail", pk))
    context = {
        "item": item,
        "days_left": selectors.days_left(item),
        "done_form": form if not waive else DoneForm(initial={"version": item.version}),
        "waive_form": form if waive else WaiveForm(initial={"version": item.version}),
    }
    return render(request, "leadership/compliance_detail.html", context, status=status)


def compliance_done(request: HttpRequest, pk: int) -> HttpResponse:
    return _close(request, pk, waive=False)


def compliance_waive(request: HttpRequest, pk: int) -> HttpResponse:
    return _close(request, pk, waive=True)
