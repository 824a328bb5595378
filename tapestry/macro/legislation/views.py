"""Pages of legislation tracking: the bill list, a bill's page, a form for each write, and the import."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tapestry.access.policy import Capability, has_capability
from tapestry.macro.legislation import forms, selectors, services
from tapestry.macro.legislation.importing import bill_as_openstates
from tapestry.macro.legislation.models import Bill, Position
from tapestry.web.pages import act, bound, save_page

PAGE_SIZE = 25
FORM = "legislation/form.html"


def _bill_url(bill: Bill) -> str:
    return reverse("legislation:bill_detail", args=[bill.pk])


def bill_list(request: HttpRequest) -> HttpResponse:
    filters = forms.BillFilterForm(request.GET or None)
    bills = selectors.bill_list(user=request.user, **filters.criteria())
    page = Paginator(bills, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "filters": filters,
        "page": page,
        "filter_query": urlencode({k: v for k, v in request.GET.items() if k != "page" and v}),
        "subjects": selectors.subject_names(),
        "reminders": selectors.reminders_for(user=request.user),
        "can_write": has_capability(request.user, Capability.POLICY_WORK),
    }
    return render(request, "legislation/bill_list.html", context)


def bill_create(request: HttpRequest) -> HttpResponse:
    form = forms.BillForm(bound(request), initial={"kind": Bill.Kind.BILL, "classification": ["bill"]})
    return save_page(
        request,
        FORM,
        form=form,
        call=lambda: services.bill_create(actor=request.user, **form.changes()),
        done=lambda bill: gettext("%(identifier)s is now tracked. You follow it.")
        % {"identifier": bill.identifier},
        then=_bill_url,
        heading=gettext("Track a bill or policy"),
        cancel=reverse("legislation:bill_list"),
    )


def bill_detail(request: HttpRequest, pk: int) -> HttpResponse:
    bill = selectors.bill_detail(user=request.user, bill_id=pk)
    # A bill without a position raises (an AttributeError) on the reverse one-to-one.
    position = getattr(bill, "position", None)
    context = {
        "bill": bill,
        "position": position,
        "can_write": has_capability(request.user, Capability.POLICY_WORK),
    }
    return render(request, "legislation/bill_detail.html", context)


def bill_openstates(request: HttpRequest, pk: int) -> HttpResponse:
    """The bill as an Open States (API v3) JSON file, to move it to another system or Tapestry."""
    bill = selectors.bill_for_export(user=request.user, bill_id=pk)
    response = JsonResponse(bill_as_openstates(bill), json_dumps_params={"indent": 2})
    name = slugify(f"{bill.identifier} {bill.session}") or "bill"
    response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return response


def bill_edit(request: HttpRequest, pk: int) -> HttpResponse:
    bill = selectors.bill_get(user=request.user, bill_id=pk)
    form = forms.BillEditForm(bound(request), instance=bill)
    return save_page(
        request,
        FORM,
        form=form,
        call=lambda: services.bill_update(
            actor=request.user, bill=bill, version=form.cleaned_data["version"], changes=form.changes()
        ),
        done=gettext("The bill is saved."),
        then=_bill_url,
        heading=gettext("Change %(identifier)s") % {"identifier": bill.identifier},
        bill=bill,
    )


@require_POST
def bill_follow(request: HttpRequest, pk: int) -> HttpResponse:
    bill = selectors.bill_get(user=request.user, bill_id=pk)
    follow = request.POST.get("follow") == "yes"
    act(
        request,
        lambda: services.bill_follow(actor=request.user, bill=bill, follow=follow),
        gettext("You follow this bill: you will be reminded before its hearings.")
        if follow
        else gettext("You no longer follow this bill."),
    )
    return redirect(_bill_url(bill))


def _sub_record_page(
    request: HttpRequest, pk: int, form_class: type, service, heading: str, done: str, **choices
):
    bill = selectors.bill_get(user=request.user, bill_id=pk)
    form = form_class(bound(request), **choices)
    return save_page(
        request,
        FORM,
        form=form,
        call=lambda: service(actor=request.user, bill=bill, **form.changes()),
        done=done,
        then=_bill_url(bill),
        heading=f"{heading} · {bill.identifier}",
        bill=bill,
    )


def action_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _sub_record_page(
        request,
        pk,
        forms.ActionForm,
        services.action_add,
        gettext("Add an action"),
        gettext("The action is added to the history."),
    )


def sponsorship_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _sub_record_page(
        request,
        pk,
        forms.SponsorshipForm,
        services.sponsorship_add,
        gettext("Add a sponsor"),
        gettext("The sponsor is added."),
        legislators=selectors.legislator_choices(),
    )


def version_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _sub_record_page(
        request,
        pk,
        forms.VersionForm,
        services.version_add,
        gettext("Add a version of the text"),
        gettext("The version is added."),
    )


def testimony_add(request: HttpRequest, pk: int) -> HttpResponse:
    bill = selectors.bill_get(user=request.user, bill_id=pk)
    return _sub_record_page(
        request,
        pk,
        forms.TestimonyForm,
        services.testimony_record,
        gettext("Record testimony"),
        gettext("The testimony is recorded."),
        hearings=selectors.hearing_choices(bill),
    )


def contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _sub_record_page(
        request,
        pk,
        forms.ContactForm,
        services.contact_record,
        gettext("Log a contact with a legislator"),
        gettext("The contact is logged."),
        legislators=selectors.legislator_choices(),
    )


def hearing_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _sub_record_page(
        request,
        pk,
        forms.HearingForm,
        services.hearing_schedule,
        gettext("Schedule a hearing"),
        gettext("The hearing is scheduled; followers are reminded three days before."),
    )


def position_edit(request: HttpRequest, pk: int) -> HttpResponse:
    bill = selectors.bill_get(user=request.user, bill_id=pk)
    current = selectors.position_of(bill)
    form = forms.PositionForm(bound(request), instance=current or Position(bill=bill))
    return save_page(
        request,
        FORM,
        form=form,
        call=lambda: services.position_set(
            actor=request.user, bill=bill, version=form.cleaned_data["version"], **form.changes()
        ),
        done=lambda position: gettext("The agency's position is now: %(stance)s.")
        % {"stance": position.get_stance_display()},
        then=_bill_url(bill),
        heading=gettext("The agency's position · %(identifier)s") % {"identifier": bill.identifier},
        bill=bill,
    )


def paper_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _sub_record_page(
        request,
        pk,
        forms.PaperForm,
        services.paper_create,
        gettext("Write a position paper"),
        gettext("The paper is saved."),
    )


def paper_revise(request: HttpRequest, pk: int) -> HttpResponse:
    paper = selectors.paper_get(user=request.user, paper_id=pk)
    latest = paper.revisions.all()[0] if paper.revisions.all() else None
    form = forms.PaperReviseForm(
        bound(request), initial={"version": paper.version, "text": latest.text if latest else ""}
    )
    return save_page(
        request,
        FORM,
        form=form,
        call=lambda: services.paper_revise(
            actor=request.user,
            paper=paper,
            version=form.cleaned_data["version"],
            text=form.cleaned_data["text"],
            note=form.cleaned_data["note"],
        ),
        done=gettext("The new version is saved; the earlier ones are kept."),
        then=_bill_url(paper.bill),
        heading=gettext("Revise “%(title)s” · %(identifier)s")
        % {"title": paper.title, "identifier": paper.bill.identifier},
        bill=paper.bill,
        versions=paper.revisions.all(),
    )


def legislators(request: HttpRequest) -> HttpResponse:
    form = forms.LegislatorForm(bound(request))
    return save_page(
        request,
        "legislation/legislators.html",
        form=form,
        call=lambda: services.legislator_create(actor=request.user, **form.changes()),
        done=lambda legislator: gettext("%(legislator)s is added.") % {"legislator": legislator},
        then=reverse("legislation:legislators"),
        legislators=selectors.legislator_list(user=request.user),
    )


def bill_import(request: HttpRequest) -> HttpResponse:
    form = forms.ImportForm(bound(request), request.FILES or None)
    report = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            name, content = form.content()
            report = services.bill_import_file(actor=request.user, content=content, source=name)
            status = 200 if report.ok else 400
        else:
            status = 400
    return render(request, "legislation/import.html", {"form": form, "report": report}, status=status)
