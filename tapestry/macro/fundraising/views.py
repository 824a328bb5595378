"""Pages of fundraising: totals, donors, donations and receipts, recurring gifts, the OSDI exchange."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.forms.models import model_to_dict
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tapestry.access.policy import Capability, has_capability
from tapestry.macro import choices
from tapestry.macro.fundraising import osdi, receipts, selectors, services
from tapestry.macro.fundraising.forms import (
    DonationForm,
    DonorForm,
    OsdiImportForm,
    RecurringGiftForm,
    VoidForm,
)
from tapestry.web.pages import act, bound, save_page

TEMPLATE = "fundraising/form.html"


def _donor_page(donor_id: int) -> str:
    return reverse("fundraising:donor_detail", args=[donor_id])


def summary(request: HttpRequest) -> HttpResponse:
    context = {
        "summary": selectors.summary(user=request.user),
        "can_manage": has_capability(request.user, Capability.GRANT_MANAGE),
    }
    return render(request, "fundraising/summary.html", context)


def donor_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    context = {"donors": selectors.donor_list(user=request.user, query=query)[:200], "query": query}
    return render(request, "fundraising/donor_list.html", context)


def donor_detail(request: HttpRequest, pk: int) -> HttpResponse:
    donor = selectors.donor_get(user=request.user, donor_id=pk)
    context = {"donor": donor, "years": selectors.donor_years(donor), "today": timezone.localdate()}
    return render(request, "fundraising/donor_detail.html", context)


def _donor_form(request: HttpRequest, **kwargs: Any) -> DonorForm:
    return DonorForm(bound(request), organisations=choices.organisation_choices(), **kwargs)


def donor_create(request: HttpRequest) -> HttpResponse:
    form = _donor_form(request)
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.donor_create(actor=request.user, **form.fields_sent()),
        done=lambda donor: gettext("%(donor)s is recorded as a donor.") % {"donor": donor},
        then=lambda donor: _donor_page(donor.pk),
        title=gettext("Record a donor"),
        intro=gettext(
            "A donor is a person or organisation who gives to us. Donor records are kept apart from "
            "client records: nothing links them."
        ),
    )


def donor_edit(request: HttpRequest, pk: int) -> HttpResponse:
    donor = selectors.donor_get(user=request.user, donor_id=pk, purpose="change donor")
    form = _donor_form(request, initial=model_to_dict(donor, fields=[*services.DONOR_FIELDS, "version"]))
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.donor_update(
            actor=request.user,
            donor=donor,
            version=form.cleaned_data["version"] or 0,
            changes=form.fields_sent(),
        ),
        done=gettext("The donor is saved."),
        then=_donor_page(donor.pk),
        title=gettext("Change %(donor)s") % {"donor": donor},
        donor=donor,
    )


def donation_create(request: HttpRequest) -> HttpResponse:
    donor_id = request.GET.get("donor", "")
    initial = {"donor": int(donor_id)} if donor_id.isdigit() else {}
    form = DonationForm(
        bound(request),
        initial=initial,
        donors=selectors.donor_choices(),
        programs=selectors.program_choices(),
        campaigns=selectors.campaign_choices(),
        gifts=selectors.gift_choices(),
    )

    def record() -> Any:
        data = dict(form.cleaned_data)
        return services.donation_record(actor=request.user, **data)

    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=record,
        done=lambda donation: (
            gettext("The donation is recorded with receipt %(receipt)s.")
            % {"receipt": donation.receipt_label}
            if donation.receipt_number
            else gettext("The donation is recorded.")
        ),
        then=lambda donation: _donor_page(donation.donor_id),
        title=gettext("Record a donation"),
        audit=lambda: selectors.audit_donor_read(request.user, purpose="form: record a donation"),
    )


def donation_void(request: HttpRequest, pk: int) -> HttpResponse:
    donation = selectors.donation_get(user=request.user, donation_id=pk, purpose="void donation")
    form = VoidForm(bound(request))
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.donation_void(actor=request.user, donation=donation, **form.cleaned_data),
        done=gettext("The donation is void; it keeps its receipt number."),
        then=_donor_page(donation.donor_id),
        title=gettext("Void the donation of %(donation)s") % {"donation": donation},
        donor=donation.donor,
    )


@require_POST
def receipt_issue(request: HttpRequest, pk: int) -> HttpResponse:
    donation = selectors.donation_get(user=request.user, donation_id=pk, purpose="issue receipt")
    act(
        request,
        lambda: services.receipt_issue(actor=request.user, donation=donation),
        lambda issued: gettext("Receipt %(receipt)s is issued.") % {"receipt": issued.receipt_label},
    )
    return redirect(_donor_page(donation.donor_id))


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def receipt_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    donation = selectors.donation_get(user=request.user, donation_id=pk, purpose="receipt")
    if not donation.receipt_number:
        raise Http404("This donation has no receipt yet.")
    content = receipts.donation_receipt(actor=request.user, donation=donation)
    return _pdf(content, f"receipt-{donation.receipt_label}.pdf")


def annual_summary(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    donor = selectors.donor_get(user=request.user, donor_id=pk, purpose=f"annual summary {year}")
    donations = selectors.donations_of_year(donor=donor, year=year)
    content = receipts.annual_summary(actor=request.user, donor=donor, year=year, donations=donations)
    return _pdf(content, f"gifts-{year}-donor-{donor.pk}.pdf")


def recurring_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    this_month, missed, gifts = selectors.instalments(user=request.user, today=today)
    context = {
        "this_month": this_month,
        "missed": missed,
        "gifts": [(gift, gift.next_due(today)) for gift in gifts],
        "today": today,
    }
    return render(request, "fundraising/recurring_list.html", context)


def _gift_form(request: HttpRequest, **kwargs: Any) -> RecurringGiftForm:
    return RecurringGiftForm(bound(request), donors=selectors.donor_choices(), **kwargs)


def recurring_create(request: HttpRequest) -> HttpResponse:
    form = _gift_form(request)
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.recurring_gift_create(actor=request.user, **form.fields_sent()),
        done=gettext("The recurring gift is recorded."),
        then=reverse("fundraising:recurring_list"),
        title=gettext("Record a recurring gift"),
        audit=lambda: selectors.audit_donor_read(request.user, purpose="form: record a recurring gift"),
    )


def recurring_edit(request: HttpRequest, pk: int) -> HttpResponse:
    gift = selectors.recurring_gift_get(user=request.user, gift_id=pk)
    form = _gift_form(request, initial=model_to_dict(gift, fields=[*services.GIFT_FIELDS, "version"]))
    return save_page(
        request,
        TEMPLATE,
        form=form,
        call=lambda: services.recurring_gift_update(
            actor=request.user,
            gift=gift,
            version=form.cleaned_data["version"] or 0,
            changes=form.fields_sent(),
        ),
        done=gettext("The recurring gift is saved."),
        then=reverse("fundraising:recurring_list"),
        title=gettext("Change the recurring gift of %(donor)s") % {"donor": gift.donor},
    )


def osdi_page(request: HttpRequest) -> HttpResponse:
    form = OsdiImportForm(bound(request), request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            done = osdi.import_donations(actor=request.user, document=form.cleaned_data["file"])
        except osdi.ImportRefused as refused:
            problems = refused.report.problems
        else:
            messages.success(
                request,
                gettext(
                    "%(imported)s donations imported: %(matched)s donors matched by email, %(created)s new."
                )
                % {
                    "imported": done["imported"],
                    "matched": done["donors_matched"],
                    "created": done["donors_created"],
                },
            )
            return redirect("fundraising:donor_list")
    status = 400 if request.method == "POST" else 200
    return render(request, "fundraising/osdi.html", {"form": form, "problems": problems}, status=status)


def osdi_export(request: HttpRequest) -> HttpResponse:
    response = JsonResponse(osdi.export_donations(actor=request.user), json_dumps_params={"indent": 1})
    response["Content-Disposition"] = 'attachment; filename="donations-osdi.json"'
    return response
